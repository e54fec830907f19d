-- scenario: plan-dashboard
-- method: GET
-- path: /api/admin/v1/plans/{PLAN_ID}/dashboard
-- connections: 1
-- setup: deploy/bench/setup/plan-dashboard.sh
-- The officials' dashboard of the 2022–2025 plan over 1,000,000 attendance records of 200,000 residents: every
-- indicator's value, trend and town/group breakdown, read from the monthly and distinct-person roll-ups.
-- Target: under 200 ms. The setup also times a full recompute of 2025 (RECOMPUTE_SECONDS, target under 30 s).
local plan = os.getenv("PLAN_ID")
local token = os.getenv("ADMIN_TOKEN")

request = function()
  local headers = {}
  headers["Authorization"] = "Bearer " .. token
  return wrk.format("GET", "/api/admin/v1/plans/" .. plan .. "/dashboard", headers)
end
