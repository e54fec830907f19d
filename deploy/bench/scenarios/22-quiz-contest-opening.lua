-- scenario: quiz-contest-opening
-- method: POST
-- path: /api/v1/quizzes/{id}/attempts
-- setup: deploy/bench/setup/quiz-contest-opening.sh
-- 2,000 residents start the contest that just opened (first pass creates 2,000 attempts, later passes resume
-- them). The target is "2,000 starts within 10 s, no errors, p99 < 500 ms": run it for 10 s and read the
-- non-2xx count and p99.
local tokens = {}
local next_token = 0
local file = assert(io.open(os.getenv("QUIZ_OPEN_FILE"), "r"))
for line in file:lines() do
  if #line > 0 then
    tokens[#tokens + 1] = line
  end
end
file:close()
local path = "/api/v1/quizzes/" .. os.getenv("QUIZ_OPEN_ID") .. "/attempts"

request = function()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", path, { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[next_token] }, "{}")
end

