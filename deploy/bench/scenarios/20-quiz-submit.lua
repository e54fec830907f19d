-- scenario: quiz-submit
-- method: POST
-- path: /api/v1/attempts/{id}/submit
-- setup: deploy/bench/setup/quiz-submit.sh
-- Submits a fresh 10-question contest attempt per request: validated, graded, stored, standings upserted,
-- points and participation event written, Redis leaderboard updated after commit. Target: >= 10% of baseline.
local rows = {}
local next_row = 0

local file = assert(io.open(os.getenv("QUIZ_SUBMIT_FILE"), "r"))
for line in file:lines() do
  local id, token, body = line:match("^(%d+)\t([^\t]+)\t(.+)$")
  if id then
    rows[#rows + 1] = { id = id, token = token, body = body }
  end
end
file:close()

request = function()
  next_row = next_row % #rows + 1
  local row = rows[next_row]
  return wrk.format("POST", "/api/v1/attempts/" .. row.id .. "/submit",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. row.token }, row.body)
end
