// Login with WeChat: wx.login gives a one-time code, the server exchanges it for the openid
// (it never hands us the session_key) and answers with its own access + refresh tokens.

const session = require('./session');
const { send, toApiError, ApiError, LOGIN_PATH } = require('./request');

const WX_LOGIN_FAILED_MESSAGE = '微信登录失败，请稍后重试';
const SIGNED_OUT_MESSAGE = '您已注销账号';

function wxLoginCode() {
  return new Promise((resolve, reject) => {
    wx.login({
      success: (res) => {
        if (res && res.code) resolve(res.code);
        else reject(new ApiError({ status: 0, code: 'WX_LOGIN_FAILED', detail: WX_LOGIN_FAILED_MESSAGE }));
      },
      fail: () => reject(new ApiError({ status: 0, code: 'WX_LOGIN_FAILED', detail: WX_LOGIN_FAILED_MESSAGE })),
    });
  });
}

async function doLogin(restart) {
  // After "注销账号" we must not quietly create a new account on the next request;
  // only an explicit "重新开始使用" (restart) may do that.
  if (session.isSignedOut() && !restart) {
    throw new ApiError({ status: 0, code: 'SIGNED_OUT', detail: SIGNED_OUT_MESSAGE });
  }
  const code = await wxLoginCode();
  const res = await send({ url: LOGIN_PATH, method: 'POST', data: { code } });
  if (res.statusCode !== 200 || !res.data || !res.data.accessToken) {
    throw toApiError(res);
  }
  session.clearSignedOut();
  session.saveSession(res.data);
  return res.data.resident;
}

let pendingLogin = null;

/** Always talks to WeChat and the server; concurrent callers share one attempt. */
function login(options = {}) {
  if (!pendingLogin) {
    pendingLogin = doLogin(Boolean(options.restart)).then(
      (resident) => {
        pendingLogin = null;
        return resident;
      },
      (err) => {
        pendingLogin = null;
        throw err;
      },
    );
  }
  return pendingLogin;
}

/** Resolves with the resident, logging in only when no usable session is stored. */
function ensureLogin() {
  if (session.hasUsableSession()) {
    return Promise.resolve(session.getResident());
  }
  return login();
}

module.exports = { ensureLogin, login };
