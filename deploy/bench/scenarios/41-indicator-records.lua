-- scenario: indicator-records
-- method: GET
-- path: /api/admin/v1/indicators/{HQF_INDICATOR_ID}/records?page=3&size=20
-- connections: 1
-- setup: deploy/bench/setup/plan-dashboard.sh
-- Drill-down page of HIGH_QUALITY_FARMERS' persons (each with the record that first counted them), over the
-- 1,000,000-record ledger of scenario 40: what an official opens from a figure.
local indicator = os.getenv("HQF_INDICATOR_ID")
local token = os.getenv("ADMIN_TOKEN")

request = function()
  local headers = {}
  headers["Authorization"] = "Bearer " .. token
  return wrk.format("GET", "/api/admin/v1/indicators/" .. indicator .. "/records?page=3&size=20", headers)
end
