const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text } = require('./helpers/render');
const { PRIVACY_POLICY_VERSION } = require('../app/utils/config');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  jest.resetModules();
});

describe('隐私政策 page', () => {
  test('explains what is collected and why', async () => {
    storeSession(wx, me({ privacyPolicyVersion: null }));
    const page = await renderPage('pages/privacy/privacy', { reason: 'consent' });
    const content = text(page);

    ['openid', '昵称', '手机号', '加密保存', '参与记录', '注销', '匿名计数', PRIVACY_POLICY_VERSION].forEach((words) =>
      expect(content).toContain(words),
    );
  });

  test('同意 PATCHes the current policy version, stores it and goes back', async () => {
    storeSession(wx, me({ privacyPolicyVersion: '2020-01-01' }));
    server.on('PATCH', '/api/v1/me', (call) =>
      json(200, me({ privacyPolicyVersion: call.data.privacyPolicyVersion, privacyAcceptedAt: '2026-11-29T10:00:00+08:00' })),
    );
    global.__pageStack.push({ route: 'pages/index/index' });
    const page = await renderPage('pages/privacy/privacy', { reason: 'consent' });
    expect(page.querySelector('#consent-actions')).toBeDefined();

    page.querySelector('#agree-btn').dispatchEvent('agreeprivacyauthorization');
    await flush();

    expect(server.callsTo('PATCH', '/api/v1/me').map((c) => c.data)).toEqual([{ privacyPolicyVersion: PRIVACY_POLICY_VERSION }]);
    expect(wx.__storage.get('kepu.resident').privacyPolicyVersion).toBe(PRIVACY_POLICY_VERSION);
    expect(wx.navigateBack).toHaveBeenCalledTimes(1);
  });

  test('if saving the consent fails the resident stays on the page', async () => {
    storeSession(wx, me({ privacyPolicyVersion: '2020-01-01' }));
    server.on('PATCH', '/api/v1/me', problem(500, 'INTERNAL', '服务暂时不可用，请稍后重试'));
    const page = await renderPage('pages/privacy/privacy', { reason: 'consent' });

    page.querySelector('#agree-btn').dispatchEvent('agreeprivacyauthorization');
    await flush();

    expect(wx.navigateBack).not.toHaveBeenCalled();
    expect(wx.switchTab).not.toHaveBeenCalled();
    expect(wx.__storage.get('kepu.resident').privacyPolicyVersion).toBe('2020-01-01');
    expect(page.instance.data.saving).toBe(false);
  });

  test('an already accepted policy shows the date and no consent buttons', async () => {
    storeSession(wx, me({ privacyAcceptedAt: '2026-11-02T09:30:00+08:00' }));
    const page = await renderPage('pages/privacy/privacy');

    expect(text(page.querySelector('#accepted-note'))).toContain('2026年11月2日');
    expect(page.querySelector('#agree-btn')).toBeUndefined();
  });
});

describe('WeChat privacy authorization', () => {
  test('onNeedPrivacyAuthorization opens the policy; agreeing resolves WeChat with the agree button', () => {
    const privacy = require('../app/utils/privacy');
    privacy.installPrivacyHandler();
    expect(wx.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
    const listener = wx.onNeedPrivacyAuthorization.mock.calls[0][0];
    const resolve = jest.fn();

    listener(resolve, { referrer: 'getPhoneNumber' });

    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/privacy?reason=wechat' });
    expect(privacy.hasPendingWxAuthorization()).toBe(true);
    privacy.settleWxAuthorization(true);
    expect(resolve).toHaveBeenCalledWith({ buttonId: 'agree-btn', event: 'agree' });
    expect(privacy.hasPendingWxAuthorization()).toBe(false);
  });

  test('declining answers WeChat with disagree and stops the home page from insisting in this run', () => {
    const privacy = require('../app/utils/privacy');
    privacy.installPrivacyHandler();
    const resolve = jest.fn();
    wx.onNeedPrivacyAuthorization.mock.calls[0][0](resolve);
    wx.navigateTo.mockClear();

    privacy.declinePolicy();

    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(privacy.requireConsent(me({ privacyPolicyVersion: null }))).toBe(true);
    expect(wx.navigateTo).not.toHaveBeenCalled();
  });

  test('the app registers the privacy listener and starts logging in on launch', async () => {
    server.on('POST', '/api/v1/auth/wechat-login', json(200, require('./helpers/fixtures').tokens(1)));
    require('../app/app');

    global.getApp().onLaunch();
    await flush();

    expect(wx.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
    expect(wx.login).toHaveBeenCalledTimes(1);
    expect(wx.__storage.get('kepu.accessToken')).toBe('access-1');
  });
});

describe('before consent', () => {
  test('关怀模式 still works but stays on the phone, and is saved together with the consent', async () => {
    storeSession(wx, me({ privacyPolicyVersion: null, elderMode: false }));
    server.on('PATCH', '/api/v1/me', (call) =>
      json(200, me(Object.assign({ privacyAcceptedAt: '2026-11-29T10:00:00+08:00' }, call.data))),
    );
    const elder = require('../app/utils/elder');
    const privacy = require('../app/utils/privacy');

    await elder.saveElderMode(true);
    expect(elder.isElderMode()).toBe(true);
    expect(server.calls).toHaveLength(0);

    await privacy.acceptPolicy();
    expect(server.callsTo('PATCH', '/api/v1/me').map((c) => c.data)).toEqual([
      { privacyPolicyVersion: PRIVACY_POLICY_VERSION, elderMode: true },
    ]);
    expect(elder.isElderMode()).toBe(true);
  });
});
