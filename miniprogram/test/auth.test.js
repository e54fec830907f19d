const { createWx, json, problem } = require('./helpers/wx');
const { me, tokens, storeSession } = require('./helpers/fixtures');

let auth;
let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  jest.resetModules();
  auth = require('../app/utils/auth');
});

describe('ensureLogin', () => {
  test('logs in with the wx.login code and stores tokens, resident and the elder-mode flag', async () => {
    const resident = me({ elderMode: true });
    server.on('POST', '/api/v1/auth/wechat-login', (call) =>
      call.data.code === 'wx-code-1' ? json(200, tokens(1, resident)) : problem(400, 'BAD_CODE', '登录失败'),
    );

    const result = await auth.ensureLogin();

    expect(result).toEqual(resident);
    expect(wx.login).toHaveBeenCalledTimes(1);
    const [call] = server.callsTo('POST', '/api/v1/auth/wechat-login');
    expect(call.data).toEqual({ code: 'wx-code-1' });
    expect(call.header.Authorization).toBeUndefined();
    expect(wx.__storage.get('kepu.accessToken')).toBe('access-1');
    expect(wx.__storage.get('kepu.refreshToken')).toBe('refresh-1');
    expect(wx.__storage.get('kepu.accessTokenExpiresAt')).toEqual(expect.any(String));
    expect(wx.__storage.get('kepu.resident')).toEqual(resident);
    expect(wx.__storage.get('kepu.elderMode')).toBe(true);
  });

  test('reuses a stored session without calling WeChat or the server', async () => {
    storeSession(wx, me({ nickname: '李四' }));

    const result = await auth.ensureLogin();

    expect(result.nickname).toBe('李四');
    expect(wx.login).not.toHaveBeenCalled();
    expect(server.calls).toHaveLength(0);
  });

  test('logs in again when the stored refresh token has expired', async () => {
    storeSession(wx, me());
    wx.__storage.set('kepu.refreshTokenExpiresAt', new Date(Date.now() - 60000).toISOString());
    server.on('POST', '/api/v1/auth/wechat-login', json(200, tokens(2)));

    await auth.ensureLogin();

    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(wx.__storage.get('kepu.accessToken')).toBe('access-2');
  });

  test('concurrent callers share one login', async () => {
    server.on('POST', '/api/v1/auth/wechat-login', json(200, tokens(1)));

    await Promise.all([auth.ensureLogin(), auth.ensureLogin(), auth.ensureLogin()]);

    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(server.callsTo('POST', '/api/v1/auth/wechat-login')).toHaveLength(1);
  });

  test('a failing wx.login rejects with WX_LOGIN_FAILED and stores nothing', async () => {
    wx.login.mockImplementation((opts) => opts.fail({ errMsg: 'login:fail' }));

    await expect(auth.ensureLogin()).rejects.toMatchObject({ code: 'WX_LOGIN_FAILED', detail: '微信登录失败，请稍后重试' });
    expect(wx.__storage.get('kepu.accessToken')).toBeUndefined();
    expect(server.calls).toHaveLength(0);
  });

  test('a server problem during login rejects with its code and detail', async () => {
    server.on('POST', '/api/v1/auth/wechat-login', problem(502, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用'));

    await expect(auth.ensureLogin()).rejects.toMatchObject({ status: 502, code: 'WECHAT_UNAVAILABLE', detail: '微信服务暂时不可用' });
  });

  test('after the account was deleted it does not create a new one unless asked to restart', async () => {
    wx.__storage.set('kepu.signedOut', true);
    server.on('POST', '/api/v1/auth/wechat-login', json(200, tokens(1)));

    await expect(auth.ensureLogin()).rejects.toMatchObject({ code: 'SIGNED_OUT' });
    expect(wx.login).not.toHaveBeenCalled();

    await auth.login({ restart: true });
    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(wx.__storage.has('kepu.signedOut')).toBe(false);
    expect(wx.__storage.get('kepu.accessToken')).toBe('access-1');
  });
});
