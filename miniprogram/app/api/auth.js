// Endpoints of the resident login. They are sent with the raw transport (request.js `send`), because
// the request layer itself logs in and renews with them; so this module holds only their paths.

module.exports = {
  LOGIN_PATH: '/api/v1/auth/wechat-login',
  REFRESH_PATH: '/api/v1/auth/refresh',
};
