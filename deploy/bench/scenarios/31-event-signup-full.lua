-- scenario: event-signup-full
-- method: POST
-- path: /api/v1/events/{id}/signups
-- setup: deploy/bench/setup/event-signup-full.sh
-- Signups for a full event without waitlist: every answer is the 409 EVENT_FULL refusal, which is served from
-- the event snapshot without a database write.

local tokens = {}
local i = 0

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    tokens[#tokens + 1] = line
  end
  event_id = os.getenv("EVENT_ID")
end

function request()
  i = i + 1
  local token = tokens[(i % #tokens) + 1]
  return wrk.format("POST", "/api/v1/events/" .. event_id .. "/signups",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, "{}")
end
