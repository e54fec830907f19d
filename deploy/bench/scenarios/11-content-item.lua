-- scenario: content-item
-- method: GET
-- path: /api/v1/contents/{ITEM_ID}
-- setup: deploy/bench/setup/content.sh
-- One cached item page (article body included) as a resident sees it; target: >= 0.50 x B0.
local token = os.getenv("RESIDENT_TOKEN")
local item = os.getenv("ITEM_ID")
wrk.method = "GET"
wrk.path = "/api/v1/contents/" .. item
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
