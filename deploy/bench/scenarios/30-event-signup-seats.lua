-- scenario: event-signup-seats
-- method: POST
-- path: /api/v1/events/{id}/signups
-- setup: deploy/bench/setup/event-signup-seats.sh
-- Every request is a first signup of a resident for an event with seats left (expect 201 only).

local tokens = {}
local counter_stride = 300000
-- main state: where this run's first thread started, and how many threads it has
local run_start = nil
local run_threads = 0

-- Runs in the main state once per thread: each thread (and each run) gets its own range of
-- (resident, event) pairs, remembered in COUNTER_FILE across runs (warm-up slices and rounds).
function setup(thread)
  local file = os.getenv("COUNTER_FILE")
  local start = 0
  local h = io.open(file, "r")
  if h then
    start = tonumber(h:read("*l")) or 0
    h:close()
  end
  h = io.open(file, "w")
  h:write(tostring(start + counter_stride))
  h:close()
  thread:set("start", start)
  run_start = run_start or start
  run_threads = run_threads + 1
end

-- With one thread (as run.sh runs wrk) the next run goes on right after the pairs this one used, not a whole
-- stride later: a warm-up of many short slices would otherwise run through the 2,000,000 pairs and sign the
-- same residents up again. Requests still in flight when wrk stopped are not counted, so one per connection
-- and more is skipped to be safe.
done = function(summary, latency, requests)
  if run_threads == 1 then
    local h = io.open(os.getenv("COUNTER_FILE"), "w")
    h:write(tostring(run_start + summary.requests + summary.errors.timeout + 1024))
    h:close()
  end
end

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    tokens[#tokens + 1] = line
  end
  first_event = tonumber(os.getenv("EVENT_FIRST"))
  event_count = tonumber(os.getenv("EVENT_COUNT"))
  n = start
end

function request()
  local residents = #tokens
  local i = n
  n = n + 1
  local token = tokens[(i % residents) + 1]
  local event = first_event + (math.floor(i / residents) % event_count)
  return wrk.format("POST", "/api/v1/events/" .. event .. "/signups",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, "{}")
end
