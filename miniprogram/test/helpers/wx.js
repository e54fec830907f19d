// A controllable `wx` for tests: in-memory storage, a fake HTTP server behind wx.request,
// and jest mocks for the UI / navigation calls we want to assert on.

function createStorage() {
  const map = new Map();
  return {
    map,
    // Like the real API: a missing key reads as ''.
    getStorageSync: jest.fn((key) => (map.has(key) ? map.get(key) : '')),
    setStorageSync: jest.fn((key, value) => {
      map.set(key, value);
    }),
    removeStorageSync: jest.fn((key) => {
      map.delete(key);
    }),
    clearStorageSync: jest.fn(() => {
      map.clear();
    }),
  };
}

/**
 * Fake API server. Route handlers get {method, path, data, header} and return
 * {statusCode, data, header} (or a promise of it); `NETWORK_FAIL` makes wx.request call fail().
 */
function createServer() {
  const routes = new Map();
  const calls = [];
  const server = {
    calls,
    on(method, path, handler) {
      routes.set(`${method} ${path}`, typeof handler === 'function' ? handler : () => handler);
      return server;
    },
    callsTo(method, path) {
      return calls.filter((c) => c.method === method && c.path === path);
    },
    async handle(call) {
      calls.push(call);
      const handler = routes.get(`${call.method} ${call.path}`);
      if (!handler) {
        return problem(404, 'NOT_FOUND', `no fake route for ${call.method} ${call.path}`);
      }
      return handler(call);
    },
  };
  return server;
}

const NETWORK_FAIL = Symbol('NETWORK_FAIL');

function json(statusCode, data) {
  return { statusCode, data, header: { 'Content-Type': 'application/json' } };
}

function problem(status, code, detail, errors) {
  const body = { type: 'about:blank', title: 'Error', status, detail, code };
  if (errors) body.errors = errors;
  return { statusCode: status, data: body, header: { 'Content-Type': 'application/problem+json' } };
}

function createWx(options = {}) {
  const base = options.base || global.__simulateWx || {};
  const storage = createStorage();
  const server = createServer();
  let loginCount = 0;

  const wx = Object.assign({}, base, storage, {
    __storage: storage.map,
    __server: server,
    request: jest.fn((opts) => {
      const url = new URL(opts.url);
      const call = {
        origin: url.origin,
        method: opts.method || 'GET',
        path: url.pathname,
        // Parameters written into the URL itself; GET `data` (turned into the query string by the
        // real wx.request) stays in `data`.
        query: Object.fromEntries(url.searchParams),
        data: opts.data,
        header: opts.header || {},
      };
      // Answer asynchronously, as the real wx.request does.
      Promise.resolve()
        .then(() => server.handle(call))
        .then((res) => {
          if (res === NETWORK_FAIL) {
            opts.fail && opts.fail({ errMsg: 'request:fail timeout' });
          } else {
            opts.success && opts.success(Object.assign({ header: {} }, res));
          }
        });
      return { abort() {} };
    }),
    login: jest.fn((opts) => {
      loginCount += 1;
      const code = `wx-code-${loginCount}`;
      Promise.resolve().then(() => opts.success && opts.success({ code, errMsg: 'login:ok' }));
    }),
    showToast: jest.fn(),
    showModal: jest.fn(),
    navigateTo: jest.fn(),
    navigateBack: jest.fn(),
    switchTab: jest.fn(),
    setNavigationBarTitle: jest.fn(),
    reLaunch: jest.fn(),
    setClipboardData: jest.fn(),
    onNeedPrivacyAuthorization: jest.fn(),
    openPrivacyContract: jest.fn(),
    getExtConfigSync: jest.fn(() => ({})),
    // Tests run as the developer version (the API at 127.0.0.1:8080) unless they say otherwise.
    __envVersion: 'develop',
    getAccountInfoSync: jest.fn(() => ({ miniProgram: { appId: 'touristappid', envVersion: wx.__envVersion } })),
    // The phone's network as wx.getNetworkType reports it; a test sets wx.__network = 'none' for airplane mode.
    __network: 'wifi',
    getNetworkType: jest.fn((o) => {
      Promise.resolve().then(() => o.success && o.success({ networkType: wx.__network }));
    }),
  });
  return wx;
}

/** Let queued promise callbacks (fake network answers, awaits in pages) run. */
async function flush(times = 10) {
  for (let i = 0; i < times; i += 1) {
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

module.exports = { createWx, createServer, json, problem, flush, NETWORK_FAIL };
