const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, regions, storeSession } = require('./helpers/fixtures');
const { eventDetail, signup, page } = require('./helpers/event-fixtures');
const { renderPage, resetPages, text, hasClass, tapSegment } = require('./helpers/render');
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

  test('an age-limited event asks for the birth year, sends it as a number and shows its error in place', async () => {
    server.on('POST', '/api/v1/events/7/proxy-signups', problem(400, 'VALIDATION_FAILED', '提交的信息有误，请检查后重试', [
      { field: 'birthYear', message: '出生年份不合理' },
    ]));
    const p = await openProxy(eventDetail(7, { formFields: [], eligibility: { groups: [], regions: [], minAge: 60, maxAge: null } }));
    expect(text(p.querySelector('#birth-year-hint'))).toContain('本活动有年龄要求');

    p.querySelector('#input-name').dispatchEvent('input', { detail: { value: '李奶奶' } });
    p.querySelector('#input-phone-number').dispatchEvent('input', { detail: { value: '13812345678' } });
    p.querySelector('#input-birth-year').dispatchEvent('input', { detail: { value: '1858' } });
    await flush();
    p.querySelector('#submit-btn').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/events/7/proxy-signups')[0].data).toEqual({
      name: '李奶奶', phone: '13812345678', birthYear: 1858, form: {},
    });
    expect(text(p.querySelector('#error-birth-year'))).toBe('出生年份不合理');
  });

  test('without an age limit the birth year is optional and left out when empty', async () => {
    server.on('POST', '/api/v1/events/7/proxy-signups', json(201, proxied(41)));
    const p = await openProxy(eventDetail(7, { formFields: [], eligibility: { groups: [], regions: [], minAge: null, maxAge: null, volunteersOnly: false } }));
    expect(text(p.querySelector('#birth-year-hint'))).toBe('选填');
    p.querySelector('#input-name').dispatchEvent('input', { detail: { value: '李四' } });
    p.querySelector('#input-phone-number').dispatchEvent('input', { detail: { value: '13812345678' } });
    await flush();
    p.querySelector('#submit-btn').dispatchEvent('tap');
    await flush();
    expect(server.callsTo('POST', '/api/v1/events/7/proxy-signups')[0].data).not.toHaveProperty('birthYear');
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

describe('代报名 page: optional 所在村（社区）', () => {
  const names = (column) => column.map((o) => o.name);

  function fillPerson(p, name = '李四', phone = '13812345678') {
    p.querySelector('#input-name').dispatchEvent('input', { detail: { value: name } });
    p.querySelector('#input-phone-number').dispatchEvent('input', { detail: { value: phone } });
  }

  /** What a resident does on the phone: turn the town column, then confirm [town, village]. */
  async function pickRegion(p, townIndex, villageIndex) {
    const picker = p.querySelector('#input-region');
    picker.dispatchEvent('columnchange', { detail: { column: 0, value: townIndex } });
    await flush();
    picker.dispatchEvent('columnchange', { detail: { column: 1, value: villageIndex } });
    picker.dispatchEvent('change', { detail: { value: [townIndex, villageIndex] } });
    await flush();
  }

  async function submit(p) {
    p.querySelector('#submit-btn').dispatchEvent('tap');
    await flush();
  }

  test('the picker is filled from the region tree and starts at 不清楚 / 不填', async () => {
    server.on('GET', '/api/v1/regions', json(200, regions()));
    const p = await openProxy(eventDetail(7, { formFields: [] }));

    expect(server.callsTo('GET', '/api/v1/regions')).toHaveLength(1);
    expect(names(p.instance.data.regionColumns[0])).toEqual(['不清楚 / 不填', '云溪镇', '陆城镇']);
    expect(p.instance.data.regionColumns[1]).toEqual([]);
    expect(p.instance.data.regionIndex).toEqual([0, 0]);
    expect(text(p.querySelector('#region-label'))).toBe('不清楚 / 不填');
    // Styled like the group picker, so 关怀模式 enlarges it the same way.
    expect(hasClass(p.querySelector('#region-label'), 'field-input')).toBe(true);

    // Turning to a town lists its villages after the town-only entry.
    p.querySelector('#input-region').dispatchEvent('columnchange', { detail: { column: 0, value: 2 } });
    await flush();
    expect(p.instance.data.regionColumns[1]).toEqual([
      { code: '430603102', name: '（整个乡镇）' },
      { code: '430603102201', name: '陆城社区' },
      { code: '430603102202', name: '儒矶村' },
    ]);
    expect(p.instance.data.regionIndex).toEqual([2, 0]);
  });

  test('a chosen village sends its code, a town alone its town code, 不清楚 / 不填 no regionCode', async () => {
    server.on('GET', '/api/v1/regions', json(200, regions()));
    server.on('POST', '/api/v1/events/7/proxy-signups', json(201, proxied(40)));
    const p = await openProxy(eventDetail(7, { formFields: [] }));

    fillPerson(p);
    await pickRegion(p, 2, 2);
    expect(text(p.querySelector('#region-label'))).toBe('陆城镇 / 儒矶村');
    await submit(p);

    // 再为一人报名: the next person may live elsewhere, so the region starts over too.
    p.querySelector('#another-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#region-label'))).toBe('不清楚 / 不填');
    expect(p.instance.data.regionColumns[1]).toEqual([]);
    fillPerson(p, '王五', '13900001111');
    await pickRegion(p, 1, 0);
    expect(text(p.querySelector('#region-label'))).toBe('云溪镇（整个乡镇）');
    await submit(p);

    p.querySelector('#another-btn').dispatchEvent('tap');
    await flush();
    fillPerson(p, '赵六', '13700002222');
    await pickRegion(p, 2, 1);
    await pickRegion(p, 0, 0); // changed their mind: not known after all
    expect(text(p.querySelector('#region-label'))).toBe('不清楚 / 不填');
    await submit(p);

    expect(server.callsTo('POST', '/api/v1/events/7/proxy-signups').map((c) => c.data)).toEqual([
      { name: '李四', phone: '13812345678', regionCode: '430603102202', form: {} },
      { name: '王五', phone: '13900001111', regionCode: '430603101', form: {} },
      { name: '赵六', phone: '13700002222', form: {} },
    ]);
  });

  test('a town without villages in the tree can still be chosen, as the town', async () => {
    const tree = regions();
    tree.children.push({ code: '430603103', name: '松阳湖街道', level: 'TOWN', children: [] });
    server.on('GET', '/api/v1/regions', json(200, tree));
    server.on('POST', '/api/v1/events/7/proxy-signups', json(201, proxied(40)));
    const p = await openProxy(eventDetail(7, { formFields: [] }));

    fillPerson(p);
    await pickRegion(p, 3, 0);
    expect(names(p.instance.data.regionColumns[1])).toEqual(['（整个乡镇）']);
    await submit(p);

    expect(server.callsTo('POST', '/api/v1/events/7/proxy-signups')[0].data.regionCode).toBe('430603103');
  });

  test('scrolling the columns and cancelling keeps the earlier choice', async () => {
    server.on('GET', '/api/v1/regions', json(200, regions()));
    server.on('POST', '/api/v1/events/7/proxy-signups', json(201, proxied(40)));
    const p = await openProxy(eventDetail(7, { formFields: [] }));
    fillPerson(p);
    await pickRegion(p, 2, 2);

    const picker = p.querySelector('#input-region');
    picker.dispatchEvent('columnchange', { detail: { column: 0, value: 1 } });
    await flush();
    picker.dispatchEvent('cancel', { detail: {} });
    await flush();

    expect(p.instance.data.regionIndex).toEqual([2, 2]);
    expect(names(p.instance.data.regionColumns[1])).toEqual(['（整个乡镇）', '陆城社区', '儒矶村']);
    expect(text(p.querySelector('#region-label'))).toBe('陆城镇 / 儒矶村');
    await submit(p);
    expect(server.callsTo('POST', '/api/v1/events/7/proxy-signups')[0].data.regionCode).toBe('430603102202');
  });

  test('when the region tree cannot be loaded the form works without it and sends no regionCode', async () => {
    server.on('GET', '/api/v1/regions', () => NETWORK_FAIL);
    server.on('POST', '/api/v1/events/7/proxy-signups', json(201, proxied(40)));
    const p = await openProxy(eventDetail(7, { formFields: [] }));

    expect(p.querySelector('#proxy-form')).toBeTruthy();
    expect(p.querySelector('#input-region')).toBeFalsy();
    expect(text(p.querySelector('#region-unavailable'))).toBe('村镇列表暂时加载不出来，可以不填，直接提交');
    // The optional field failing is not worth an error toast over the form.
    expect(wx.showToast).not.toHaveBeenCalled();

    fillPerson(p);
    await flush();
    await submit(p);
    expect(server.callsTo('POST', '/api/v1/events/7/proxy-signups').map((c) => c.data)).toEqual([
      { name: '李四', phone: '13812345678', form: {} },
    ]);
    expect(text(p.querySelector('#result-title'))).toBe('已为李*报名成功');
  });

  test('a server error or an empty tree hides the picker too', async () => {
    server.on('GET', '/api/v1/regions', problem(503, 'UNAVAILABLE', '服务繁忙，请稍后重试'));
    let p = await openProxy(eventDetail(7, { formFields: [] }));
    expect(p.querySelector('#input-region')).toBeFalsy();
    expect(p.querySelector('#region-unavailable')).toBeTruthy();
    expect(wx.showToast).not.toHaveBeenCalled();

    resetPages();
    server.on('GET', '/api/v1/regions', json(200, { code: '430603', name: '云溪区', level: 'DISTRICT', children: [] }));
    p = await openProxy(eventDetail(7, { formFields: [] }));
    expect(p.querySelector('#input-region')).toBeFalsy();
    expect(p.querySelector('#region-unavailable')).toBeTruthy();
  });

  test('a slow region tree does not hold up the form; the picker appears when it arrives', async () => {
    let answer;
    server.on('GET', '/api/v1/regions', () => new Promise((resolve) => {
      answer = resolve;
    }));
    const p = await openProxy(eventDetail(7, { formFields: [] }));

    expect(p.querySelector('#proxy-form')).toBeTruthy();
    expect(p.querySelector('#input-region')).toBeFalsy();
    expect(text(p.querySelector('#region-loading'))).toBe('正在加载村镇列表……');

    answer(json(200, regions()));
    await flush();
    expect(p.querySelector('#region-loading')).toBeFalsy();
    expect(text(p.querySelector('#region-label'))).toBe('不清楚 / 不填');
  });

  test('nothing about regions is fetched before the privacy policy is accepted', async () => {
    server.on('GET', '/api/v1/regions', json(200, regions()));
    storeSession(wx, me({ privacyPolicyVersion: null }));
    const p = await openProxy();
    expect(p.querySelector('#consent-gate')).toBeTruthy();
    expect(server.callsTo('GET', '/api/v1/regions')).toHaveLength(0);
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

    tapSegment(p, 'tabs', 1);
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
