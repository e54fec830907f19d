-- scenario: content-feed
-- method: GET
-- path: /api/v1/contents?page=1&size=20
-- setup: deploy/bench/setup/content.sh
-- The cached feed (20 items) as a resident sees it; target: >= 60% of the ping baseline, p99 < 50 ms at half rate.
local token = os.getenv("RESIDENT_TOKEN")
wrk.method = "GET"
wrk.path = "/api/v1/contents?page=1&size=20"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
