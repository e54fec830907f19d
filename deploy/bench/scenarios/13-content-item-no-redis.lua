-- scenario: content-item-no-redis
-- method: GET
-- path: /api/v1/contents/{ITEM_ID}
-- setup: deploy/bench/setup/content.sh
-- redis: stopped
-- The same item request as content-item with the run's Redis stopped for this scenario (the MySQL path).
local token = os.getenv("RESIDENT_TOKEN")
local item = os.getenv("ITEM_ID")
wrk.method = "GET"
wrk.path = "/api/v1/contents/" .. item
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
