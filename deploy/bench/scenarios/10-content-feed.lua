-- scenario: content-feed
-- method: GET
-- path: /api/v1/contents?page=1&size=20
-- setup: deploy/bench/setup/content.sh
-- latency-at-half: yes
-- p99-target-ms: 20
-- open-header: Authorization: Bearer ${RESIDENT_TOKEN}
-- open-header: Accept: application/json
-- The cached feed (20 items) as a resident sees it; target: >= 0.50 x B0, p99 < 50 ms at half rate.
-- The p99 target is judged by the open-model run (latency-at-half), whose request is the one below: the same
-- resident token and headers.
local token = os.getenv("RESIDENT_TOKEN")
wrk.method = "GET"
wrk.path = "/api/v1/contents?page=1&size=20"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
