const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { eventDetail, signup, page } = require('./helpers/event-fixtures');
const { renderPage, resetPages, text, hasClass } = require('./helpers/render');
const { PRIVACY_POLICY_VERSION } = require('../app/utils/config');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  server.on('GET', '/api/v1/events/notice-templates', json(200, []));
});

async function openProxy(detail = eventDetail(7)) {
  server.on('GET', '/api/v1/events/7', json(200, detail));
  const p = await renderPage('pages/proxy-signup/proxy-signup', { id: '7' });
  await flush();
  return p;
}

function proxied(id, overrides = {}) {
  return signup(id, Object.assign({ proxy: true, participantName: '李*', participantPhone: '138****5678' }, overrides));
}

describe('代报名 entry on the event detail', () => {
  test('offered while signups are open, also to a resident already signed up, and opens the page', async () => {
    server.on('GET', '/api/v1/events/7', json(200, eventDetail(7, { mySignup: { id: 31, status: 'CONFIRMED', waitlistPosition: null } })));
    const p = await renderPage('pages/event/detail', { id: '7' });
    await flush();
    expect(p.querySelector('#signup-form')).toBeFalsy();
    p.querySelector('#proxy-btn').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/proxy-signup/proxy-signup?id=7' });
  });

  test('not offered once signups have closed', async () => {
    server.on('GET', '/api/v1/events/7', json(200, eventDetail(7, { signupClosesAt: '2020-01-01T00:00:00+08:00' })));
    const p = await renderPage('pages/event/detail', { id: '7' });
    await flush();
    expect(p.querySelector('#proxy-entry')).toBeFalsy();
    expect(text(p.querySelector('#closed'))).toContain('报名已截止');
  });
});

describe('代报名 page', () => {
  test('sends name, phone, group and the custom form; shows the server field errors in place', async () => {
    server.on('POST', '/api/v1/events/7/proxy-signups', problem(400, 'VALIDATION_FAILED', '提交的信息有误，请检查后重试', [
      { field: 'phone', message: '请填写 11 位手机号码' },
      { field: 'form.crop', message: '请填写“主要作物”' },
    ]));
    const p = await openProxy();
    expect(text(p.querySelector('#event-title'))).toBe('柑橘栽培技术培训');

    p.querySelector('#input-name').dispatchEvent('input', { detail: { value: ' 李四 ' } });
    p.querySelector('#input-phone-number').dispatchEvent('input', { detail: { value: '1380000' } });
    p.querySelector('#input-group').dispatchEvent('change', { detail: { value: '4' } });
    p.querySelector('#input-session').dispatchEvent('change', { detail: { value: '下午' } });
    p.querySelector('#input-phone').dispatchEvent('input', { detail: { value: '13900001111' } });
    await flush();
    p.querySelector('#submit-btn').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/events/7/proxy-signups')[0].data).toEqual({
      name: '李四', phone: '1380000', populationGroup: 'ELDERLY', form: { session: '下午', phone: '13900001111' },
    });
    expect(text(p.querySelector('#error-phone-number'))).toBe('请填写 11 位手机号码');
    expect(text(p.querySelector('#error-crop'))).toBe('请填写“主要作物”');
    expect(p.querySelector('#error-name')).toBeFalsy();
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('a success names the person and their place on the waitlist; 再为一人报名 starts over', async () => {
    server.on('POST', '/api/v1/events/7/proxy-signups', json(201, proxied(40, { status: 'WAITLISTED', waitlistPosition: 3 })));
    const p = await openProxy(eventDetail(7, { formFields: [], seatsLeft: 0 }));
    expect(text(p.querySelector('#submit-btn'))).toBe('代报名候补');
    p.querySelector('#input-name').dispatchEvent('input', { detail: { value: '李四' } });
    p.querySelector('#input-phone-number').dispatchEvent('input', { detail: { value: '13812345678' } });
    await flush();
    p.querySelector('#submit-btn').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/events/7/proxy-signups')[0].data).toEqual({ name: '李四', phone: '13812345678', form: {} });
    expect(text(p.querySelector('#result-title'))).toBe('已为李*报名候补');
    expect(text(p.querySelector('#result-position'))).toContain('候补第 3 位');
    expect(text(p.querySelector('#proxy-result'))).toContain('138****5678');

    p.querySelector('#another-btn').dispatchEvent('tap');
    await flush();
    expect(p.querySelector('#proxy-form')).toBeTruthy();
    expect(p.instance.data.name).toBe('');
  });

  test('shows the server refusal in Chinese (e.g. a volunteers-only event)', async () => {
    server.on('POST', '/api/v1/events/7/proxy-signups', problem(403, 'NOT_A_VOLUNTEER', '本活动仅限已审核通过的科技志愿者报名'));
    const p = await openProxy(eventDetail(7, { formFields: [] }));
    p.querySelector('#submit-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#refusal'))).toBe('本活动仅限已审核通过的科技志愿者报名');
    expect(p.querySelector('#proxy-result')).toBeFalsy();
  });

  test('closed events, missing consent and elder mode', async () => {
    let p = await openProxy(eventDetail(7, { signupOpensAt: '2099-01-01T08:00:00+08:00' }));
    expect(text(p.querySelector('#closed'))).toBe('报名尚未开始');
    expect(p.querySelector('#proxy-form')).toBeFalsy();

    resetPages();
    storeSession(wx, me({ privacyPolicyVersion: null }));
    p = await openProxy();
    expect(p.querySelector('#consent-gate')).toBeTruthy();
    expect(server.callsTo('GET', '/api/v1/events/7')).toHaveLength(1);

    resetPages();
    storeSession(wx, me({ privacyPolicyVersion: PRIVACY_POLICY_VERSION }));
    wx.setStorageSync('kepu.elderMode', true);
    p = await openProxy();
    expect(hasClass(p.querySelector('#root'), 'page-elder')).toBe(true);
  });
});

describe('我的报名: 代报名 records and claiming', () => {
  test('the 我代报名的 tab lists proxy signups with the masked phone and can cancel them', async () => {
    server.on('GET', '/api/v1/me/signups', json(200, page([])));
    server.on('GET', '/api/v1/me/proxy-signups', json(200, page([proxied(40)])));
    server.on('POST', '/api/v1/signups/40/cancel', json(200, proxied(40, { status: 'CANCELLED' })));
    wx.showModal.mockImplementation((o) => o.success({ confirm: true }));
    const p = await renderPage('pages/my-signups/my-signups');
    await flush();
    expect(text(p.querySelector('#empty'))).toContain('您还没有报名活动');

    p.querySelector('#tab-proxied').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#proxy-40'))).toBe('代报名：李*（138****5678）');
    expect(p.querySelector('#claim')).toBeFalsy();
    p.querySelector('#cancel-40').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#status-40'))).toBe('已取消');
  });

  test('opens on the proxy tab from the 代报名 page', async () => {
    server.on('GET', '/api/v1/me/proxy-signups', json(200, page([proxied(40)])));
    const p = await renderPage('pages/my-signups/my-signups', { tab: 'proxied' });
    await flush();
    expect(server.callsTo('GET', '/api/v1/me/signups')).toHaveLength(0);
    expect(p.querySelector('#signup-40')).toBeTruthy();
  });

  test('claims with the phone and reloads; an unbound phone points to 我的', async () => {
    server.on('GET', '/api/v1/me/signups', json(200, page([])));
    server.on('POST', '/api/v1/signups/claim', problem(403, 'PHONE_NOT_YOURS', '请先在“我的”中绑定该手机号，再认领报名记录'));
    const p = await renderPage('pages/my-signups/my-signups');
    await flush();

    p.querySelector('#claim-phone').dispatchEvent('input', { detail: { value: '13812345678' } });
    await flush();
    p.querySelector('#claim-btn').dispatchEvent('tap');
    await flush();
    expect(server.callsTo('POST', '/api/v1/signups/claim')[0].data).toEqual({ phone: '13812345678' });
    expect(text(p.querySelector('#claim-error'))).toBe('请先在“我的”中绑定该手机号，再认领报名记录');
    p.querySelector('#claim-bind-btn').dispatchEvent('tap');
    await flush();
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/me/me' });

    server.on('POST', '/api/v1/signups/claim', json(200, [signup(40)]));
    server.on('GET', '/api/v1/me/signups', json(200, page([signup(40)])));
    p.querySelector('#claim-phone').dispatchEvent('input', { detail: { value: '13812345678' } });
    await flush();
    p.querySelector('#claim-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#claim-result'))).toBe('已认领 1 条报名，已放进“我的报名”');
    expect(p.querySelector('#claim-bind-btn')).toBeFalsy();
    expect(p.querySelector('#signup-40')).toBeTruthy();
  });

  test('a bad phone shows the field message; nothing to claim is said plainly', async () => {
    server.on('GET', '/api/v1/me/signups', json(200, page([])));
    server.on('POST', '/api/v1/signups/claim', problem(400, 'VALIDATION_FAILED', '提交的信息有误，请检查后重试', [
      { field: 'phone', message: '请填写 11 位手机号码' },
    ]));
    const p = await renderPage('pages/my-signups/my-signups');
    await flush();
    p.querySelector('#claim-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#claim-error'))).toBe('请填写 11 位手机号码');

    server.on('POST', '/api/v1/signups/claim', json(200, []));
    p.querySelector('#claim-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#claim-result'))).toBe('没有找到用这个手机号代报名、尚未认领的记录');
  });
});
