-- scenario: content-feed-no-redis
-- method: GET
-- path: /api/v1/contents?page=1&size=20
-- setup: deploy/bench/setup/content.sh
-- redis: stopped
-- The same feed request as content-feed with the run's Redis stopped for this scenario: the MySQL path a resident
-- gets while Redis is down (after the first failure Redis is paused and left alone, see RedisPause).
local token = os.getenv("RESIDENT_TOKEN")
wrk.method = "GET"
wrk.path = "/api/v1/contents?page=1&size=20"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
