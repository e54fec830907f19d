// The only caller of wx.request. Everything the pages need from the server goes through
// request(): it adds the bearer token, renews the session once on 401, turns RFC 9457
// problem+json answers into ApiError, and shows the server's Chinese `detail` to the resident.

const { apiBaseUrl } = require('./config');
const { LOGIN_PATH, REFRESH_PATH } = require('../api/auth');
const session = require('./session');
const conditional = require('./conditional');
const toast = require('./toast');

const NETWORK_ERROR_MESSAGE = '网络不给力，请稍后重试';
const OFFLINE_MESSAGE = '手机没有连上网络，请打开移动数据或无线网络后重试';
const SERVER_ERROR_MESSAGE = '服务暂时不可用，请稍后重试';
const SESSION_EXPIRED_MESSAGE = '登录已失效，请重新进入小程序';
const REQUEST_TIMEOUT_MS = 15000;

class ApiError extends Error {
  constructor({ status, code, detail, fieldErrors }) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fieldErrors = fieldErrors || [];
  }
}

/**
 * A request that got no answer. `offline` is true when the phone itself has no network
 * (wx.getNetworkType says "none"), so the page can say "turn on mobile data" rather than blame the server.
 */
function networkError(errMsg, offline) {
  const err = new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: offline ? OFFLINE_MESSAGE : NETWORK_ERROR_MESSAGE });
  err.errMsg = errMsg;
  err.offline = Boolean(offline);
  return err;
}

/** Resolves true when the phone has no network at all; false when it has one or cannot tell. */
function phoneIsOffline() {
  return new Promise((resolve) => {
    if (typeof wx.getNetworkType !== 'function') {
      resolve(false);
      return;
    }
    try {
      wx.getNetworkType({
        success: (res) => resolve(Boolean(res) && res.networkType === 'none'),
        fail: () => resolve(false),
      });
    } catch (e) {
      resolve(false);
    }
  });
}

function headerValue(header, name) {
  if (!header) return '';
  const wanted = name.toLowerCase();
  const key = Object.keys(header).find((k) => k.toLowerCase() === wanted);
  return key ? String(header[key]) : '';
}

function parseBody(data) {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch (e) {
    return null;
  }
}

/** Map a non-2xx answer to ApiError; the body is a problem document when the server wrote it. */
function toApiError(res) {
  const body = parseBody(res.data);
  const isProblem =
    headerValue(res.header, 'content-type').indexOf('application/problem+json') >= 0 ||
    Boolean(body && typeof body === 'object' && (body.code || body.detail));
  const problem = isProblem && body && typeof body === 'object' ? body : {};
  let detail = problem.detail;
  if (!detail) {
    // A proxy error page or an empty body has nothing fit to show a resident.
    detail = res.statusCode === 401 ? SESSION_EXPIRED_MESSAGE : SERVER_ERROR_MESSAGE;
  }
  const fieldErrors = Array.isArray(problem.errors)
    ? problem.errors.map((e) => ({ field: e.field, message: e.message }))
    : [];
  return new ApiError({
    status: problem.status || res.statusCode,
    code: problem.code || `HTTP_${res.statusCode}`,
    detail,
    fieldErrors,
  });
}

/** Promise around wx.request that resolves with any HTTP answer and rejects only on transport failure. */
function send({ url, method = 'GET', data, header = {} }) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: apiBaseUrl() + url,
      method,
      data,
      timeout: REQUEST_TIMEOUT_MS,
      header: Object.assign(
        { 'content-type': 'application/json', Accept: 'application/json, application/problem+json' },
        header,
      ),
      success: (res) => resolve(res),
      fail: (err) => {
        phoneIsOffline().then((offline) => reject(networkError(err && err.errMsg, offline)));
      },
    });
  });
}

// All requests that meet a 401 at the same time wait on this one promise, so a rotating
// refresh token is spent exactly once (spending it twice would make the server revoke it).
let renewal = null;

async function renewNow() {
  const refreshToken = session.getRefreshToken();
  if (refreshToken) {
    const res = await send({ url: REFRESH_PATH, method: 'POST', data: { refreshToken } });
    if (res.statusCode === 200 && res.data && res.data.accessToken) {
      session.saveSession(res.data);
      return;
    }
    if (res.statusCode >= 500) {
      // The server is in trouble, not our token: keep it for the next attempt.
      throw toApiError(res);
    }
    // Reused, expired or revoked: the refresh token is worthless now, start over with wx.login.
    session.clearTokens();
  }
  // Lazy require: auth.js uses send() from this module, so a top-level require would be a cycle.
  await require('./auth').login();
}

function renewSession() {
  if (!renewal) {
    renewal = renewNow().then(
      () => {
        renewal = null;
      },
      (err) => {
        renewal = null;
        throw err;
      },
    );
  }
  return renewal;
}

async function perform(options, retried, cacheKey) {
  const { url, method = 'GET', data, auth = true } = options;
  let token = null;
  if (auth) {
    if (!session.getAccessToken() || session.accessTokenExpired()) {
      await renewSession();
    }
    token = session.getAccessToken();
  }
  const header = token ? { Authorization: `Bearer ${token}` } : {};
  // The copy we revalidate is the one named in If-None-Match, so a 304 answers with exactly it.
  const cached = conditional.lookup(cacheKey);
  if (cached && cached.etag) header['If-None-Match'] = cached.etag;
  const res = await send({ url, method, data, header });

  if (res.statusCode === 401 && auth && !retried) {
    // If another request already renewed while this one was in flight, just retry with the new token.
    if (session.getAccessToken() === token) {
      await renewSession();
    }
    return perform(options, true, cacheKey);
  }
  if (res.statusCode === 304 && cached && cached.etag) {
    conditional.touch(cacheKey);
    return cached.data;
  }
  if (res.statusCode >= 200 && res.statusCode < 300) {
    const body = res.statusCode === 204 || res.data === '' ? null : parseBody(res.data);
    if (cacheKey && res.statusCode === 200) {
      conditional.remember(cacheKey, headerValue(res.header, 'etag'), body);
    }
    return body;
  }
  // A 304 we did not ask for (no stored copy) has no body to show: it stays an error.
  throw toApiError(res);
}

/**
 * Call the API. Options: url (path under the base URL), method, data, auth (default true),
 * silent (default false: errors are shown in a toast; pages that show field errors inline pass true),
 * conditional (default false, GET only; see below).
 * Resolves with the parsed body (null for 204); rejects with ApiError.
 *
 * conditional: true revalidates the last answer for this URL and query with If-None-Match
 * (utils/conditional.js keeps it) and resolves with { data, stale } instead of the bare body:
 * a 304 yields the stored body (stale: false, it is current); a network failure with a stored
 * copy yields that copy with stale: true and no error toast, so the page can show it with a
 * notice. Without a stored copy, or for searches (never cached), errors behave as usual.
 */
async function request(options) {
  const cacheKey = options.conditional ? conditional.keyFor(options) : null;
  try {
    const body = await perform(options, false, cacheKey);
    return options.conditional ? { data: body, stale: false } : body;
  } catch (err) {
    if (cacheKey && err instanceof ApiError && err.code === 'NETWORK_ERROR') {
      const cached = conditional.lookup(cacheKey);
      if (cached) return { data: cached.data, stale: true };
    }
    let apiError = err;
    if (!(err instanceof ApiError)) {
      // A bug on our side: still tell the resident something sensible, keep the cause for debugging.
      apiError = new ApiError({ status: 0, code: 'CLIENT_ERROR', detail: SERVER_ERROR_MESSAGE });
      apiError.cause = err;
    }
    if (!options.silent) toast.showError(apiError.detail);
    throw apiError;
  }
}

// Pauses between attempts of requestWithRetry; tests shorten them.
const RETRY = { delaysMs: [1000, 2000, 4000] };

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** No answer, or the server or a proxy hiccuped: worth sending the same request again. */
function isTransient(err) {
  return Boolean(err) && (err.status === 0 || err.status >= 500);
}

/**
 * request() repeated on transport failure or 5xx with growing pauses (RETRY.delaysMs), always silent.
 * Only for calls the server treats as idempotent (check-in: scanning twice does not change the result).
 */
async function requestWithRetry(options) {
  const delays = RETRY.delaysMs;
  for (let i = 0; ; i += 1) {
    try {
      // eslint-disable-next-line no-await-in-loop
      return await request(Object.assign({}, options, { silent: true }));
    } catch (err) {
      if (!isTransient(err) || i >= delays.length) throw err;
      // eslint-disable-next-line no-await-in-loop
      await sleep(delays[i]);
    }
  }
}

module.exports = {
  request,
  requestWithRetry,
  send,
  toApiError,
  isTransient,
  ApiError,
  RETRY,
  LOGIN_PATH,
  NETWORK_ERROR_MESSAGE,
  OFFLINE_MESSAGE,
};
