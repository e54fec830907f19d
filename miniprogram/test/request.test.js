const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, tokens, storeSession } = require('./helpers/fixtures');

let api;
let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  jest.resetModules();
  api = require('../app/utils/request');
});

/** A protected resource that only accepts `validToken`. */
function protectedMe(validToken, resident = me()) {
  return (call) =>
    call.header.Authorization === `Bearer ${validToken}`
      ? json(200, resident)
      : problem(401, 'UNAUTHORIZED', '请重新登录');
}

describe('request', () => {
  test('sends the stored access token as a bearer header to the configured base URL', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', protectedMe('access-1'));

    const body = await api.request({ url: '/api/v1/me' });

    expect(body.nickname).toBe('张三');
    const [call] = server.callsTo('GET', '/api/v1/me');
    expect(call.header.Authorization).toBe('Bearer access-1');
    expect(call.origin).toBe('http://127.0.0.1:8080');
  });

  test('the base URL can be overridden through storage', async () => {
    storeSession(wx, me());
    wx.__storage.set('kepu.apiBaseUrl', 'http://127.0.0.1:9090/');
    server.on('GET', '/api/v1/me', protectedMe('access-1'));

    await api.request({ url: '/api/v1/me' });

    expect(server.calls[0].origin).toBe('http://127.0.0.1:9090');
  });

  test('auth: false sends no Authorization header', async () => {
    server.on('GET', '/api/v1/regions', json(200, { code: '430603', children: [] }));

    await api.request({ url: '/api/v1/regions', auth: false });

    expect(server.calls[0].header.Authorization).toBeUndefined();
  });

  test('resolves null for 204 No Content', async () => {
    storeSession(wx, me());
    server.on('DELETE', '/api/v1/me', { statusCode: 204, data: '' });

    await expect(api.request({ url: '/api/v1/me', method: 'DELETE' })).resolves.toBeNull();
  });

  test('concurrent 401s share a single refresh and all retry with the new token', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', protectedMe('access-2'));
    server.on('POST', '/api/v1/auth/refresh', async () => {
      await flush(2); // keep the refresh in flight while the other 401s arrive
      return json(200, tokens(2));
    });

    const results = await Promise.all([
      api.request({ url: '/api/v1/me' }),
      api.request({ url: '/api/v1/me' }),
      api.request({ url: '/api/v1/me' }),
    ]);

    expect(results.map((r) => r.id)).toEqual([1001, 1001, 1001]);
    const refreshes = server.callsTo('POST', '/api/v1/auth/refresh');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].data).toEqual({ refreshToken: 'refresh-1' });
    const retried = server.callsTo('GET', '/api/v1/me').filter((c) => c.header.Authorization === 'Bearer access-2');
    expect(retried).toHaveLength(3);
    expect(wx.__storage.get('kepu.accessToken')).toBe('access-2');
    expect(wx.__storage.get('kepu.refreshToken')).toBe('refresh-2');
    expect(wx.login).not.toHaveBeenCalled();
  });

  test('when the refresh token is refused it logs in again with wx.login and retries', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', protectedMe('access-3'));
    server.on('POST', '/api/v1/auth/refresh', problem(401, 'REFRESH_TOKEN_REUSED', '登录已失效'));
    server.on('POST', '/api/v1/auth/wechat-login', (call) =>
      call.data.code === 'wx-code-1' ? json(200, tokens(3)) : problem(400, 'BAD_CODE', 'bad code'),
    );

    const body = await api.request({ url: '/api/v1/me' });

    expect(body.id).toBe(1001);
    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(server.callsTo('POST', '/api/v1/auth/wechat-login')).toHaveLength(1);
    expect(wx.__storage.get('kepu.accessToken')).toBe('access-3');
    expect(wx.__storage.get('kepu.refreshToken')).toBe('refresh-3');
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('a server error during refresh is reported and keeps the refresh token', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', protectedMe('access-2'));
    server.on('POST', '/api/v1/auth/refresh', problem(503, 'UNAVAILABLE', '服务繁忙，请稍后重试'));

    await expect(api.request({ url: '/api/v1/me' })).rejects.toMatchObject({ status: 503, detail: '服务繁忙，请稍后重试' });
    expect(wx.login).not.toHaveBeenCalled();
    expect(wx.__storage.get('kepu.refreshToken')).toBe('refresh-1');
  });

  test('retries only once: a second 401 is reported, not looped on', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', problem(401, 'UNAUTHORIZED', '请重新登录'));
    server.on('POST', '/api/v1/auth/refresh', json(200, tokens(2)));

    await expect(api.request({ url: '/api/v1/me' })).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(server.callsTo('GET', '/api/v1/me')).toHaveLength(2);
    expect(server.callsTo('POST', '/api/v1/auth/refresh')).toHaveLength(1);
  });

  test('an access token known to be expired is refreshed before the request is sent', async () => {
    storeSession(wx, me());
    wx.__storage.set('kepu.accessTokenExpiresAt', new Date(Date.now() - 1000).toISOString());
    server.on('GET', '/api/v1/me', protectedMe('access-2'));
    server.on('POST', '/api/v1/auth/refresh', json(200, tokens(2)));

    await api.request({ url: '/api/v1/me' });

    expect(server.callsTo('GET', '/api/v1/me')).toHaveLength(1);
    expect(server.callsTo('GET', '/api/v1/me')[0].header.Authorization).toBe('Bearer access-2');
  });

  test('maps an RFC 9457 problem to an ApiError with code, status, detail and field errors, and shows the detail', async () => {
    storeSession(wx, me());
    server.on(
      'PATCH',
      '/api/v1/me',
      problem(400, 'VALIDATION_FAILED', '昵称不能超过20个字', [{ field: 'nickname', message: '最多20个字' }]),
    );

    const err = await api.request({ url: '/api/v1/me', method: 'PATCH', data: { nickname: 'x'.repeat(40) } }).catch((e) => e);

    expect(err).toBeInstanceOf(api.ApiError);
    expect(err).toBeInstanceOf(Error);
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.detail).toBe('昵称不能超过20个字');
    expect(err.message).toBe('昵称不能超过20个字');
    expect(err.fieldErrors).toEqual([{ field: 'nickname', message: '最多20个字' }]);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '昵称不能超过20个字', icon: 'none' }));
  });

  test('silent requests reject without a toast', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', problem(409, 'CONFLICT', '冲突'));

    await expect(api.request({ url: '/api/v1/me', silent: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('a problem body delivered as a string is still parsed', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', {
      statusCode: 429,
      header: { 'content-type': 'application/problem+json;charset=UTF-8' },
      data: JSON.stringify({ status: 429, code: 'RATE_LIMITED', detail: '操作太频繁，请稍后再试' }),
    });

    await expect(api.request({ url: '/api/v1/me' })).rejects.toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      detail: '操作太频繁，请稍后再试',
    });
  });

  test('a non-problem error page becomes a generic Chinese message', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', { statusCode: 502, header: { 'Content-Type': 'text/html' }, data: '<html>Bad Gateway</html>' });

    const err = await api.request({ url: '/api/v1/me' }).catch((e) => e);

    expect(err.status).toBe(502);
    expect(err.code).toBe('HTTP_502');
    expect(err.detail).toBe('服务暂时不可用，请稍后重试');
  });

  test('a network failure rejects with 网络不给力 and shows it', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/me', NETWORK_FAIL);

    const err = await api.request({ url: '/api/v1/me' }).catch((e) => e);

    expect(err.code).toBe('NETWORK_ERROR');
    expect(err.message).toBe('网络不给力，请稍后重试');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不给力，请稍后重试' }));
  });
});
