const { createWx, json, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, tokens, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, hasClass, text, inner } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
});

describe('首页', () => {
  test('a first run logs in and shows the privacy policy before anything is collected', async () => {
    server.on('POST', '/api/v1/auth/wechat-login', json(200, Object.assign(tokens(1, me({ nickname: null, privacyPolicyVersion: null })), { newResident: true })));

    const page = await renderPage('pages/index/index');
    await flush();

    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/privacy?reason=consent' });
    expect(page.querySelector('#consent-banner')).toBeDefined();
    expect(text(page)).toContain('云溪居民');
    expect(server.calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  test('a returning resident is greeted by nickname and not sent to the policy again', async () => {
    storeSession(wx, me({ nickname: '王奶奶' }));

    const page = await renderPage('pages/index/index');
    await flush();

    expect(text(page)).toContain('王奶奶');
    expect(page.querySelector('#consent-banner')).toBeUndefined();
    expect(wx.navigateTo).not.toHaveBeenCalled();
    expect(wx.login).not.toHaveBeenCalled();
  });

  test('the quick 关怀模式 switch on the home page also applies and saves the mode', async () => {
    storeSession(wx, me());
    server.on('PATCH', '/api/v1/me', (call) => json(200, me({ elderMode: call.data.elderMode })));
    const page = await renderPage('pages/index/index');
    await flush();

    inner(page, 'elder-switch', '.t-switch').dispatchEvent('tap');
    await flush();

    expect(hasClass(page.querySelector('#root'), 'page-elder')).toBe(true);
    expect(server.callsTo('PATCH', '/api/v1/me').map((c) => c.data)).toEqual([{ elderMode: true }]);
  });

  test('a page shown again picks up elder mode switched on elsewhere', async () => {
    storeSession(wx, me({ elderMode: false }));
    const page = await renderPage('pages/index/index');
    expect(hasClass(page.querySelector('#root'), 'page-elder')).toBe(false);

    wx.__storage.set('kepu.elderMode', true); // e.g. toggled on 我的
    await page.instance.onShow();

    expect(hasClass(page.querySelector('#root'), 'page-elder')).toBe(true);
  });

  test('我的资料 switches to the 我的 tab', async () => {
    storeSession(wx, me());
    const page = await renderPage('pages/index/index');
    await flush();

    inner(page, 'open-me', '.t-cell').dispatchEvent('tap');
    await flush();

    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/me/me' });
  });

  test('without network it offers a retry', async () => {
    server.on('POST', '/api/v1/auth/wechat-login', NETWORK_FAIL);

    const page = await renderPage('pages/index/index');
    await flush();

    expect(page.querySelector('#error')).toBeDefined();
  });

  test('after the account was deleted it waits for an explicit restart before creating a new one', async () => {
    wx.__storage.set('kepu.signedOut', true);
    server.on('POST', '/api/v1/auth/wechat-login', json(200, tokens(1)));

    const page = await renderPage('pages/index/index');
    await flush();

    expect(page.querySelector('#signed-out')).toBeDefined();
    expect(wx.login).not.toHaveBeenCalled();

    await page.instance.onRestart();
    await flush();

    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(page.querySelector('#signed-out')).toBeUndefined();
    expect(wx.__storage.get('kepu.accessToken')).toBe('access-1');
  });
});

describe('every page applies 关怀模式 from the cached flag', () => {
  test.each(['pages/index/index', 'pages/me/me', 'pages/privacy/privacy', 'pages/data/data'])('%s', async (route) => {
    storeSession(wx, me({ elderMode: true }));
    server.on('GET', '/api/v1/me', json(200, me({ elderMode: true })));
    server.on('GET', '/api/v1/regions', json(200, { code: '430603', name: '云溪区', children: [] }));

    const page = await renderPage(route);

    expect(hasClass(page.querySelector('#root'), 'page-elder')).toBe(true);
  });
});
