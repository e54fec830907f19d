-- scenario: login
-- method: POST
-- path: /api/v1/auth/wechat-login
-- A returning resident logs in: code2Session on the WeChat stand-in, resident lookup, a new login session and
-- refresh token written, an access token signed. 5,000 residents (created during warm-up), each request from its
-- own client address, as 5,000 phones would be (login is rate limited per address).
local counter = 0
local residents = 5000

request = function()
  counter = counter + 1
  local n = counter % residents
  local body = '{"code":"dev-bench-' .. n .. '"}'
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["X-Forwarded-For"] = "2001:db8:b::" .. string.format("%x", counter % 65536)
  return wrk.format("POST", nil, headers, body)
end
