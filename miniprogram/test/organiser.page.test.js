const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, regions, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, hasClass, inner } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  wx.vibrateShort = jest.fn();
  wx.vibrateLong = jest.fn();
  wx.setKeepScreenOn = jest.fn();
  wx.getWindowInfo = jest.fn(() => ({ windowWidth: 400, windowHeight: 800 }));
});

const NOW = Date.now();
const iso = (ms) => new Date(ms).toISOString();

function event(overrides = {}) {
  return Object.assign({
    id: 7,
    title: '柑橘栽培技术培训',
    venueName: '陆城镇农技站',
    startsAt: iso(NOW - 60000),
    sessions: [
      { id: 501, seq: 1, startsAt: iso(NOW - 60000), endsAt: iso(NOW + 3600000), hours: 1 },
      { id: 502, seq: 2, startsAt: iso(NOW + 86400000), endsAt: iso(NOW + 90000000), hours: 1 },
    ],
  }, overrides);
}

function binding() {
  return { staffId: 9, displayName: '李组织', role: 'ORGANISER', roleLabel: '活动组织者', unitId: 3, unitName: '陆城镇',
    boundAt: '2026-11-29T09:00:00+08:00' };
}

function attendance(overrides = {}) {
  return Object.assign({ id: 1, eventId: 7, sessionId: 501, signupId: 31, method: 'TICKET',
    checkInAt: '2026-11-29T09:01:00+08:00', checkOutAt: null, locationVerified: false, distanceM: null,
    presenceConfirmed: true, checkOutMethod: null, attendedMinutes: null, credited: null, hours: null,
    alreadyRecorded: false }, overrides);
}

describe('组织者 page: binding', () => {
  test('an unbound WeChat binds with the staff username and password, then sees its events', async () => {
    let bound = false;
    server.on('GET', '/api/v1/organiser/binding', () => (bound ? json(200, binding())
      : problem(403, 'NOT_AN_ORGANISER', '您还没有绑定工作人员账号')));
    server.on('POST', '/api/v1/organiser/binding', (call) => {
      if (call.data.password !== 'right-password') return problem(403, 'BAD_STAFF_CREDENTIALS', '用户名或密码错误');
      bound = true;
      return json(201, binding());
    });
    server.on('GET', '/api/v1/organiser/events', json(200, { items: [event()], total: 1, page: 1, size: 50 }));
    const p = await renderPage('pages/organiser/organiser');
    await flush();
    expect(p.querySelector('#bind-form')).toBeTruthy();

    p.instance.onUsernameInput({ detail: { value: 'lizuzhi' } });
    p.instance.onPasswordInput({ detail: { value: 'wrong' } });
    await p.instance.onBind();
    await flush();
    expect(text(p.querySelector('#form-error'))).toBe('用户名或密码错误');
    // the password typed is cleared after every attempt
    expect(p.instance.data.password).toBe('');

    p.instance.onPasswordInput({ detail: { value: 'right-password' } });
    await p.instance.onBind();
    await flush();
    expect(server.callsTo('POST', '/api/v1/organiser/binding').map((c) => c.data)).toEqual([
      { username: 'lizuzhi', password: 'wrong' },
      { username: 'lizuzhi', password: 'right-password' },
    ]);
    expect(text(p.querySelector('#account-meta'))).toBe('活动组织者 · 陆城镇');
    expect(text(p.querySelector('#event-7'))).toContain('柑橘栽培技术培训');

    inner(p, 'venue-7', '.t-button').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/organiser-venue/organiser-venue?id=7' });
  });

  test('unbinding asks first, then returns to the binding form', async () => {
    server.on('GET', '/api/v1/organiser/binding', json(200, binding()));
    server.on('GET', '/api/v1/organiser/events', json(200, { items: [], total: 0, page: 1, size: 50 }));
    server.on('DELETE', '/api/v1/organiser/binding', { statusCode: 204, data: '', header: {} });
    const p = await renderPage('pages/organiser/organiser');
    await flush();
    expect(p.querySelector('#events-empty')).toBeTruthy();

    wx.showModal.mockImplementation((o) => o.success({ confirm: true }));
    p.instance.onUnbind();
    await flush();
    expect(server.callsTo('DELETE', '/api/v1/organiser/binding')).toHaveLength(1);
    expect(p.querySelector('#bind-form')).toBeTruthy();
  });
});

describe('现场签到码 page', () => {
  test('draws the link as a large QR code, counts down and fetches the next code on time', async () => {
    server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
    let n = 0;
    server.on('GET', '/api/v1/organiser/events/7/sessions/501/venue-code', (call) => {
      n += 1;
      return json(200, { token: `v1.7.501.${call.data.purpose}.${n}.sig`,
        url: `https://kepu.yunxi.gov.cn/checkin?t=v1.7.501.${call.data.purpose}.${n}.sig`,
        refreshAfterSeconds: 3, sessionId: 501, purpose: call.data.purpose, checkedIn: 10 + n, checkedOut: 0 });
    });
    const p = await renderPage('pages/organiser-venue/organiser-venue', { id: '7' });
    await flush();
    clearInterval(p.instance.timer); // the test drives the clock itself

    const qr = p.querySelector('#qr');
    expect(qr.instance.data.value).toBe('https://kepu.yunxi.gov.cn/checkin?t=v1.7.501.IN.1.sig');
    // 86 % of a 400 px wide screen, in black on white
    expect(qr.instance.data.size).toBe(344);
    expect(qr.instance.data.color).toBe('#000000');
    expect(qr.instance.data.bgColor).toBe('#ffffff');
    expect(text(p.querySelector('#seconds'))).toBe('3 秒后更换');
    expect(text(p.querySelector('#count'))).toBe('已签到 11 人');
    expect(wx.setKeepScreenOn).toHaveBeenCalledWith({ keepScreenOn: true });

    await p.instance.tick();
    await p.instance.tick();
    expect(text(p.querySelector('#seconds'))).toBe('1 秒后更换');
    expect(server.callsTo('GET', '/api/v1/organiser/events/7/sessions/501/venue-code')).toHaveLength(1);
    await p.instance.tick();
    await flush();
    expect(server.callsTo('GET', '/api/v1/organiser/events/7/sessions/501/venue-code')).toHaveLength(2);
    expect(p.querySelector('#qr').instance.data.value).toBe('https://kepu.yunxi.gov.cn/checkin?t=v1.7.501.IN.2.sig');
    expect(text(p.querySelector('#count'))).toBe('已签到 12 人');

    // the check-out code
    p.querySelector('#purpose-out').dispatchEvent('tap');
    await flush();
    expect(p.querySelector('#qr').instance.data.value).toContain('.OUT.3.sig');
    expect(text(p.querySelector('#purpose-text'))).toBe('请用微信扫码签退');
    p.instance.onUnload();
  });

  test('without network the last code stays, with a warning', async () => {
    server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
    let fail = false;
    server.on('GET', '/api/v1/organiser/events/7/sessions/501/venue-code', () => (fail
      ? problem(503, 'UNAVAILABLE', '服务暂不可用')
      : json(200, { token: 't', url: 'https://kepu.yunxi.gov.cn/checkin?t=t', refreshAfterSeconds: 1, sessionId: 501,
        purpose: 'IN', checkedIn: 0, checkedOut: 0 })));
    const p = await renderPage('pages/organiser-venue/organiser-venue', { id: '7' });
    await flush();
    clearInterval(p.instance.timer);
    fail = true;
    await p.instance.tick();
    await flush();
    expect(p.querySelector('#stale')).toBeTruthy();
    expect(p.querySelector('#qr').instance.data.value).toBe('https://kepu.yunxi.gov.cn/checkin?t=t');
    p.instance.onUnload();
  });
});

describe('扫凭证 page', () => {
  async function scanPage(answer) {
    server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
    server.on('POST', '/api/v1/organiser/events/7/tickets', answer);
    server.on('GET', '/api/v1/organiser/events/7/roster', json(200, { eventId: 7, entries: [] }));
    server.on('GET', '/api/v1/organiser/ticket-keys', json(200, { keys: [] }));
    wx.scanCode = jest.fn((o) => o.success({ result: 't1.31.sig' }));
    const p = await renderPage('pages/organiser-scan/organiser-scan', { id: '7' });
    await flush();
    return p;
  }

  test('a good ticket: a big ✓ and a short vibration; check-out the same way', async () => {
    const p = await scanPage((call) => json(200, attendance(call.data.purpose === 'OUT'
      ? { checkOutAt: '2026-11-29T10:00:00+08:00', checkOutMethod: 'TICKET' } : {})));
    await p.instance.onScan();
    await flush();
    expect(wx.scanCode.mock.calls[0][0].onlyFromCamera).toBe(true);
    expect(text(p.querySelector('#result-mark'))).toBe('✓');
    expect(text(p.querySelector('#result-title'))).toBe('签到成功');
    expect(hasClass(p.querySelector('#result'), 'result-ok')).toBe(true);
    expect(wx.vibrateShort).toHaveBeenCalled();

    p.querySelector('#purpose-out').dispatchEvent('tap');
    await p.instance.onScan();
    await flush();
    expect(server.callsTo('POST', '/api/v1/organiser/events/7/tickets').map((c) => c.data)).toEqual([
      { ticket: 't1.31.sig', purpose: 'IN', sessionId: 501 },
      { ticket: 't1.31.sig', purpose: 'OUT', sessionId: 501 },
    ]);
    expect(text(p.querySelector('#result-title'))).toBe('签退成功');
    expect(text(p.querySelector('#scanned'))).toBe('本次已核验 2 人');
  });

  test.each([
    [json(200, attendance({ alreadyRecorded: true })), '已签到'],
    [problem(400, 'TICKET_INVALID', '该凭证不属于本活动'), '不是本活动'],
    [problem(403, 'NOT_SIGNED_UP', '该报名已取消，无法签到'), '已取消'],
    [problem(403, 'NOT_SIGNED_UP', '该报名尚未确认（候补中），无法签到'), '未确认'],
  ])('%#: a refused ticket shows ✗ %s and vibrates long', async (answer, reason) => {
    const p = await scanPage(answer);
    await p.instance.onScan();
    await flush();
    expect(text(p.querySelector('#result-mark'))).toBe('✗');
    expect(text(p.querySelector('#result-title'))).toBe(reason);
    expect(hasClass(p.querySelector('#result'), 'result-bad')).toBe(true);
    expect(wx.vibrateLong).toHaveBeenCalled();
    expect(wx.vibrateShort).not.toHaveBeenCalled();
  });
});

describe('名单 page', () => {
  function roster() {
    return {
      eventId: 7, title: '柑橘栽培技术培训', capacity: 50, confirmed: 3, waitlisted: 0, cancelled: 0, sessions: [],
      entries: [
        { signupId: 31, status: 'CONFIRMED', name: '王**', phone: '137****0001', proxy: true, attendance: [] },
        { signupId: 32, status: 'CONFIRMED', name: '赵**', phone: '137****0002', proxy: false,
          attendance: [attendance({ signupId: 32, method: 'VENUE_QR', presenceConfirmed: false })] },
        { signupId: 33, status: 'CANCELLED', name: '钱**', phone: '137****0003', proxy: false, attendance: [] },
      ],
    };
  }

  test('searches by name or phone digits, ticks people in and out, confirms an unverified check-in', async () => {
    server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
    server.on('GET', '/api/v1/organiser/events/7/roster', json(200, roster()));
    server.on('POST', '/api/v1/organiser/events/7/sessions/501/ticks', (call) => json(200, attendance({
      signupId: call.data.signupId, method: 'TICK',
      checkOutAt: call.data.purpose === 'OUT' ? '2026-11-29T10:00:00+08:00' : null })));
    const p = await renderPage('pages/organiser-roster/organiser-roster', { id: '7' });
    await flush();

    // cancelled signups are not on the list to tick
    expect(p.querySelector('#person-33')).toBeFalsy();
    expect(text(p.querySelector('#state-31'))).toBe('未签到');
    expect(text(p.querySelector('#state-32'))).toBe('已签到（待确认）');

    p.instance.onSearch({ detail: { value: '0002' } });
    expect(p.querySelector('#person-31')).toBeFalsy();
    expect(p.querySelector('#person-32')).toBeTruthy();
    p.instance.onSearch({ detail: { value: '王' } });
    expect(p.querySelector('#person-31')).toBeTruthy();
    p.instance.onSearch({ detail: { value: '' } });

    inner(p, 'in-31', '.t-button').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#state-31'))).toBe('已签到');
    inner(p, 'in-32', '.t-button').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#state-32'))).toBe('已签到');
    inner(p, 'out-31', '.t-button').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#state-31'))).toBe('已签退');
    expect(server.callsTo('POST', '/api/v1/organiser/events/7/sessions/501/ticks').map((c) => c.data)).toEqual([
      { signupId: 31, purpose: 'IN' },
      { signupId: 32, purpose: 'IN' },
      { signupId: 31, purpose: 'OUT' },
    ]);
  });

  test('a walk-in picks a village from the region tree and is registered at the door; an ineligible one shows the server reason', async () => {
    server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
    server.on('GET', '/api/v1/organiser/events/7/roster', json(200, roster()));
    server.on('GET', '/api/v1/regions', json(200, regions()));
    server.on('POST', '/api/v1/organiser/events/7/walk-ins', (call) => (call.data.person.regionCode === '430603102202'
      ? json(201, { signup: { id: 40, status: 'CONFIRMED' }, attendance: attendance({ signupId: 40, method: 'TICK' }) })
      : problem(403, 'NOT_ELIGIBLE', '本活动仅限指定镇街或村社区的居民报名，参加人所在地区须符合要求')));
    const p = await renderPage('pages/organiser-roster/organiser-roster', { id: '7' });
    await flush();
    const type = (field, value) => p.instance.onWalkInInput({ currentTarget: { dataset: { field } }, detail: { value } });
    type('name', '周大爷');
    type('phone', '13700009991');
    // no village yet: said on the phone, nothing sent
    await p.instance.onWalkIn();
    await flush();
    expect(text(p.querySelector('#walk-in-error'))).toBe('请选择参加人所在的村（社区）');
    expect(server.callsTo('POST', '/api/v1/organiser/events/7/walk-ins')).toHaveLength(0);
    expect(text(p.querySelector('#region-label'))).toBe('请选择镇（街道）和村（社区）');

    // the picker: towns, and the villages of the town chosen
    expect(p.querySelector('#region-picker')).toBeTruthy();
    expect(p.instance.data.regionColumns[0].map((t) => t.name)).toEqual(['云溪镇', '陆城镇']);
    expect(p.instance.data.regionColumns[1].map((v) => v.name)).toEqual(['新塘村', '八一村']);
    p.instance.onRegionChange({ detail: { value: [0, 1] } });
    await flush();
    expect(text(p.querySelector('#region-label'))).toBe('云溪镇 / 八一村');
    await p.instance.onWalkIn();
    await flush();
    expect(text(p.querySelector('#walk-in-error'))).toBe('本活动仅限指定镇街或村社区的居民报名，参加人所在地区须符合要求');

    p.instance.onRegionColumnChange({ detail: { column: 0, value: 1 } });
    expect(p.instance.data.regionColumns[1].map((v) => v.name)).toEqual(['陆城社区', '儒矶村']);
    p.instance.onRegionChange({ detail: { value: [1, 1] } });
    await flush();
    expect(text(p.querySelector('#region-label'))).toBe('陆城镇 / 儒矶村');
    await p.instance.onWalkIn();
    await flush();
    expect(server.callsTo('POST', '/api/v1/organiser/events/7/walk-ins').map((c) => c.data)[1]).toEqual({
      person: { name: '周大爷', phone: '13700009991', regionCode: '430603102202' }, sessionId: 501 });
    expect(wx.showToast).toHaveBeenCalledWith({ title: '已补录并签到', icon: 'success' });
    expect(server.callsTo('GET', '/api/v1/organiser/events/7/roster')).toHaveLength(2);
    // the form is cleared for the next person
    expect(text(p.querySelector('#region-label'))).toBe('请选择镇（街道）和村（社区）');
  });

  test('lists the officers who helped and confirms one whose position was not verified', async () => {
    server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
    server.on('GET', '/api/v1/organiser/events/7/roster', json(200, roster()));
    const helper = (overrides) => Object.assign({ sessionId: 501, roleLabel: '科普信息员',
      checkInAt: '2026-11-29T09:02:00+08:00', locationVerified: false, presenceConfirmed: false, confirmable: true },
    overrides);
    server.on('GET', '/api/v1/organiser/events/7/helpers', json(200, [
      helper({ id: 5, name: '诸**', locationVerified: true, presenceConfirmed: true, confirmable: false }),
      helper({ id: 6, name: '皇**' }),
    ]));
    server.on('POST', '/api/v1/organiser/events/7/helpers/6/confirm', json(200,
      helper({ id: 6, name: '皇**', presenceConfirmed: true, confirmable: false })));
    const p = await renderPage('pages/organiser-roster/organiser-roster', { id: '7' });
    await flush();

    expect(text(p.querySelector('#helper-state-5'))).toBe('位置已核验，已计入');
    expect(p.querySelector('#confirm-helper-5')).toBeFalsy();
    expect(text(p.querySelector('#helper-state-6'))).toBe('位置未核验，待确认');
    expect(text(p.querySelector('#helper-6'))).toContain('11-29 09:02 签到');
    inner(p, 'confirm-helper-6', '.t-button').dispatchEvent('tap');
    await flush();
    expect(server.callsTo('POST', '/api/v1/organiser/events/7/helpers/6/confirm')).toHaveLength(1);
    expect(text(p.querySelector('#helper-state-6'))).toBe('已确认，已计入');
    expect(p.querySelector('#confirm-helper-6')).toBeFalsy();
    expect(wx.showToast).toHaveBeenCalledWith({ title: '已确认，计入其活动', icon: 'success' });
  });

  test('a helper who can no longer be confirmed shows the server reason', async () => {
    server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
    server.on('GET', '/api/v1/organiser/events/7/roster', json(200, roster()));
    server.on('GET', '/api/v1/organiser/events/7/helpers', json(200, [{ id: 6, sessionId: 501, name: '皇**',
      roleLabel: '科普信息员', checkInAt: '2026-11-29T09:02:00+08:00', locationVerified: false,
      presenceConfirmed: false, confirmable: true }]));
    server.on('POST', '/api/v1/organiser/events/7/helpers/6/confirm', problem(409, 'HELPER_NOT_CONFIRMABLE',
      '此人已注销账号或已不是在册的科普信息员、科普宣传员，不能确认计入'));
    const p = await renderPage('pages/organiser-roster/organiser-roster', { id: '7' });
    await flush();
    inner(p, 'confirm-helper-6', '.t-button').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#helper-state-6'))).toBe('位置未核验，待确认');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({
      title: '此人已注销账号或已不是在册的科普信息员、科普宣传员，不能确认计入' }));
  });

  test('without the region tree the walk-in form says so', async () => {
    server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
    server.on('GET', '/api/v1/organiser/events/7/roster', json(200, roster()));
    server.on('GET', '/api/v1/regions', problem(503, 'UNAVAILABLE', '服务暂时不可用'));
    const p = await renderPage('pages/organiser-roster/organiser-roster', { id: '7' });
    await flush();
    expect(text(p.querySelector('#region-unavailable'))).toBe('村镇列表加载不出来，请联网后重新打开本页');
    expect(p.querySelector('#region-picker')).toBeFalsy();
  });
});
