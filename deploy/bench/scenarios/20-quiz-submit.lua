-- scenario: quiz-submit
-- method: POST
-- path: /api/v1/attempts/{id}/submit
-- setup: deploy/bench/setup/quiz-submit.sh
-- Submits a fresh 10-question contest attempt per request: validated, graded, stored, standings upserted,
-- points and participation event written, Redis leaderboard updated after commit. Target: >= 10% of baseline.
-- Every wrk run (warm-up and rounds) goes on from where the previous one stopped, kept in "<file>.next", so no
-- request re-submits an attempt graded earlier (that answer is the cheap stored result, not a submit). A run
-- that would go past the end of the file fails instead of wrapping around.
local rows = {}
local path = os.getenv("QUIZ_SUBMIT_FILE")

local file = assert(io.open(path, "r"))
for line in file:lines() do
  local id, token, body = line:match("^(%d+)\t([^\t]+)\t(.+)$")
  if id then
    rows[#rows + 1] = { id = id, token = token, body = body }
  end
end
file:close()

local first = 0
local state = io.open(path .. ".next", "r")
if state then
  first = tonumber(state:read("*l")) or 0
  state:close()
end
local sent = 0

request = function()
  sent = sent + 1
  local row = rows[first + sent]
  if row == nil then
    error("quiz-submit: all " .. #rows .. " seeded attempts are used; raise SUBMIT_RESIDENTS in the setup")
  end
  return wrk.format("POST", "/api/v1/attempts/" .. row.id .. "/submit",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. row.token }, row.body)
end

-- done() runs in wrk's main Lua state, which never sent anything: it learns the count from the summary. Requests
-- still in flight when wrk stopped are not in it, so it skips one per connection to be safe.
done = function(summary, latency, requests)
  local out = assert(io.open(path .. ".next", "w"))
  out:write(tostring(first + summary.requests + summary.errors.timeout + 256) .. "\n")
  out:close()
end
