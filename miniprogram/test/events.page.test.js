const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { summary, eventDetail, signup, attendance, page } = require('./helpers/event-fixtures');
const { renderPage, resetPages, text, hasClass, tapChip } = require('./helpers/render');
const events = require('../app/utils/events');
const { RETRY } = require('../app/utils/request');

let server;
const originalDelays = RETRY.delaysMs;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  RETRY.delaysMs = [1, 1, 1];
  wx.scanCode = jest.fn((o) => o.success({ result: 'v1.7.501.IN.1764377700.sig' }));
  wx.getLocation = jest.fn((o) => o.success({ latitude: 29.4701, longitude: 113.2702 }));
  wx.openLocation = jest.fn();
});

afterAll(() => {
  RETRY.delaysMs = originalDelays;
});

describe('活动 tab', () => {
  test('lists events with kind, time, venue and seats or waitlist', async () => {
    server.on('GET', '/api/v1/events', json(200, page([
      summary(1, { title: '柑橘栽培技术培训' }),
      summary(2, { title: '智慧助老课堂', kind: 'LECTURE', kindLabel: '科普讲座', seatsLeft: 0, waitlistEnabled: true }),
      summary(3, { title: '科普日', seatsLeft: 0, waitlistEnabled: false }),
    ], 3)));

    const p = await renderPage('pages/events/events');
    await flush();

    const first = text(p.querySelector('#event-1'));
    expect(first).toContain('柑橘栽培技术培训');
    expect(first).toContain('培训课程');
    expect(first).toContain('云溪镇文化站');
    expect(first).toContain('剩余名额 12 / 50');
    expect(first).toContain('2.5 学时');
    expect(first).toMatch(/12月5日 09:00 – 11:30/);
    expect(text(p.querySelector('#event-2'))).toContain('名额已满，可报名候补');
    expect(text(p.querySelector('#event-3'))).toContain('名额已满');
    expect(text(p.querySelector('#event-3'))).not.toContain('候补');
    expect(server.callsTo('GET', '/api/v1/events')[0].data).toEqual({ page: 1, size: 20 });

    tapChip(p, 'kind-LECTURE');
    await flush();
    expect(server.callsTo('GET', '/api/v1/events')[1].data).toEqual({ page: 1, size: 20, kind: 'LECTURE' });

    p.querySelector('#event-1').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/event/detail?id=1' });
  });

  test('the events pages follow elder mode', async () => {
    wx.setStorageSync('kepu.elderMode', true);
    server.on('GET', '/api/v1/events', json(200, page([])));
    const p = await renderPage('pages/events/events');
    await flush();
    expect(hasClass(p.querySelector('#root'), 'page-elder')).toBe(true);
    expect(text(p.querySelector('#empty'))).toContain('近期暂无活动');

    server.on('GET', '/api/v1/events/7', json(200, eventDetail(7)));
    const detail = await renderPage('pages/event/detail', { id: '7' });
    await flush();
    expect(hasClass(detail.querySelector('#root'), 'page-elder')).toBe(true);
    server.on('GET', '/api/v1/me/signups', json(200, page([])));
    const mine = await renderPage('pages/my-signups/my-signups');
    await flush();
    expect(hasClass(mine.querySelector('#root'), 'page-elder')).toBe(true);
  });
});

describe('扫码签到', () => {
  async function scanOnce() {
    server.on('GET', '/api/v1/events', json(200, page([])));
    const p = await renderPage('pages/events/events');
    await flush();
    p.querySelector('#scan-btn').dispatchEvent('tap');
    await flush(30);
    return p;
  }

  test('sends the position when the resident allows it', async () => {
    server.on('POST', '/api/v1/checkins', json(200, attendance()));
    const p = await scanOnce();

    expect(wx.getLocation).toHaveBeenCalled();
    expect(server.callsTo('POST', '/api/v1/checkins').map((c) => c.data)).toEqual([
      { token: 'v1.7.501.IN.1764377700.sig', latitude: 29.4701, longitude: 113.2702 },
    ]);
    expect(text(p.querySelector('#checkin-title'))).toBe('签到成功');
    expect(text(p.querySelector('#checkin-result'))).toContain('位置已核验');
  });

  test('omits the position when location is denied, and still checks in', async () => {
    wx.getLocation = jest.fn((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }));
    server.on('POST', '/api/v1/checkins', json(200, attendance({ locationVerified: false, distanceM: null })));
    const p = await scanOnce();

    const sent = server.callsTo('POST', '/api/v1/checkins')[0].data;
    expect(sent).toEqual({ token: 'v1.7.501.IN.1764377700.sig' });
    expect(sent).not.toHaveProperty('latitude');
    expect(text(p.querySelector('#checkin-title'))).toBe('签到成功');
    // without a position the check-in waits for the organiser before it earns hours
    expect(text(p.querySelector('#checkin-result'))).toContain('请找组织者确认');
  });

  test('a repeated scan says 已签到', async () => {
    server.on('POST', '/api/v1/checkins', json(200, attendance({ alreadyRecorded: true })));
    const p = await scanOnce();
    expect(text(p.querySelector('#checkin-title'))).toBe('您已签到，无需重复扫码');
  });

  test('shows the server refusal when too far from the venue', async () => {
    server.on('POST', '/api/v1/checkins', problem(403, 'TOO_FAR_FROM_VENUE', '您距离活动现场约 2.3 公里，请到现场后再签到'));
    const p = await scanOnce();
    expect(text(p.querySelector('#checkin-title'))).toBe('您距离活动现场约 2.3 公里，请到现场后再签到');
    expect(server.callsTo('POST', '/api/v1/checkins')).toHaveLength(1); // refusals are not retried
  });

  test('retries the same request on network failure (page, real 1 s backoff)', async () => {
    let n = 0;
    server.on('POST', '/api/v1/checkins', () => {
      n += 1;
      return n < 2 ? NETWORK_FAIL : json(200, attendance());
    });
    const p = await scanOnce();
    expect(p.instance.data.checkingIn).toBe(true); // waiting out the first pause

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await flush();

    const calls = server.callsTo('POST', '/api/v1/checkins');
    expect(calls).toHaveLength(2);
    expect(calls[1].data).toEqual(calls[0].data);
    expect(text(p.querySelector('#checkin-title'))).toBe('签到成功');
    expect(p.instance.data.checkingIn).toBe(false);
  });

  // The page loads its modules in isolation, so the shortened pauses are exercised on the module itself.
  test('backs off several times, then gives up with the network message', async () => {
    const checkin = require('../app/utils/checkin');
    let n = 0;
    server.on('POST', '/api/v1/checkins', () => {
      n += 1;
      return n < 4 ? NETWORK_FAIL : json(200, attendance({ alreadyRecorded: true }));
    });
    const ok = await checkin.checkinWithToken('tok');
    expect(server.callsTo('POST', '/api/v1/checkins')).toHaveLength(4);
    expect(ok).toEqual(expect.objectContaining({ ok: true, title: '您已签到，无需重复扫码' }));

    server.on('POST', '/api/v1/checkins', () => NETWORK_FAIL);
    const failed = await checkin.checkinWithToken('tok');
    expect(server.callsTo('POST', '/api/v1/checkins')).toHaveLength(8); // 1 + 3 retries
    expect(failed).toEqual(expect.objectContaining({ ok: false, title: '网络不给力，请稍后重试' }));

    server.on('POST', '/api/v1/checkins', () => problem(503, 'HTTP_503', '服务暂时不可用，请稍后重试'));
    await checkin.checkinWithToken('tok');
    expect(server.callsTo('POST', '/api/v1/checkins')).toHaveLength(12); // 5xx is retried too
    expect(wx.showToast).not.toHaveBeenCalled();
  });
});

describe('活动详情 and signup', () => {
  async function open(query = { id: '7' }, detail = eventDetail(7)) {
    server.on('GET', '/api/v1/events/7', json(200, detail));
    const p = await renderPage('pages/event/detail', query);
    await flush();
    return p;
  }

  test('shows sessions, venue, eligibility, hours and the form fields', async () => {
    const p = await open();
    expect(text(p.querySelector('#event-title'))).toBe('柑橘栽培技术培训');
    expect(text(p.querySelector('#event-info'))).toContain('云溪镇新塘路 1 号');
    expect(text(p.querySelector('#eligibility'))).toContain('农民；18 岁及以上');
    expect(text(p.querySelector('#hours'))).toContain('共 4 学时');
    expect(text(p.querySelector('#sessions'))).toContain('第 2 场');
    ['crop', 'acres', 'session', 'topics', 'phone', 'arrive'].forEach((key) => {
      expect(p.querySelector(`#field-${key}`)).toBeTruthy();
    });
    expect(text(p.querySelector('#field-acres'))).toContain('请填写 0 到 1000 之间的数字');
  });

  test('shows the server field errors next to the fields', async () => {
    server.on('POST', '/api/v1/events/7/signups', problem(400, 'VALIDATION_FAILED', '请求参数不正确', [
      { field: 'form.crop', message: '请填写“主要作物”' },
      { field: 'form.phone', message: '“联系电话”须为 11 位手机号码' },
    ]));
    const p = await open();

    p.querySelector('#input-phone').dispatchEvent('input', { detail: { value: '12345' } });
    p.querySelector('#input-acres').dispatchEvent('input', { detail: { value: '3.5' } });
    p.querySelector('#input-session').dispatchEvent('change', { detail: { value: '上午' } });
    p.querySelector('#input-topics').dispatchEvent('change', { detail: { value: ['施肥', '销售'] } });
    await flush();
    p.querySelector('#signup-btn').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/events/7/signups')[0].data).toEqual({
      form: { acres: 3.5, session: '上午', topics: ['施肥', '销售'], phone: '12345' },
    });
    expect(text(p.querySelector('#error-crop'))).toBe('请填写“主要作物”');
    expect(text(p.querySelector('#error-phone'))).toBe('“联系电话”须为 11 位手机号码');
    expect(p.querySelector('#error-acres')).toBeFalsy();
    expect(text(p.querySelector('#refusal'))).toContain('请看上面红色的提示');
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('a waitlisted signup shows the position', async () => {
    const detail = eventDetail(7, { seatsLeft: 0, taken: 50 });
    server.on('POST', '/api/v1/events/7/signups', (call) => {
      server.on('GET', '/api/v1/events/7', json(200, Object.assign({}, detail, { mySignup: { id: 31, status: 'WAITLISTED', waitlistPosition: 4 } })));
      return json(201, signup(31, { status: 'WAITLISTED', waitlistPosition: 4, confirmedAt: null, form: call.data.form }));
    });
    const p = await open({ id: '7' }, detail);
    expect(text(p.querySelector('#signup-btn'))).toBe('报名候补');

    p.querySelector('#signup-btn').dispatchEvent('tap');
    await flush();

    expect(text(p.querySelector('#result-title'))).toBe('已进入候补');
    expect(text(p.querySelector('#result-position'))).toContain('候补第 4 位');
    expect(text(p.querySelector('#my-position'))).toContain('候补第 4 位');
    expect(p.querySelector('#signup-form')).toBeFalsy();
  });

  test('shows the server Chinese refusal', async () => {
    server.on('POST', '/api/v1/events/7/signups', problem(403, 'NOT_ELIGIBLE', '本活动仅面向农民报名'));
    const p = await open();
    p.querySelector('#signup-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#refusal'))).toBe('本活动仅面向农民报名');
    expect(p.querySelector('#signup-result')).toBeFalsy();
  });

  test('opens from a poster code scene e=<id>', async () => {
    const p = await open({ scene: encodeURIComponent('e=7') });
    expect(server.callsTo('GET', '/api/v1/events/7')).toHaveLength(1);
    expect(text(p.querySelector('#event-title'))).toBe('柑橘栽培技术培训');
  });
});

describe('scene parsing', () => {
  test.each([
    [{ scene: 'e%3D42' }, 42],
    [{ scene: 'e=42' }, 42],
    [{ scene: 'x=1&e=9' }, 9],
    [{ id: '15' }, 15],
    [{ scene: 'q=3' }, null],
    [{ scene: 'e=abc' }, null],
    [{}, null],
    [undefined, null],
  ])('%j → %s', (options, id) => {
    expect(events.eventIdFromOptions(options)).toBe(id);
  });
});

describe('我的报名', () => {
  test('shows positions, opens the ticket page (keeping the ticket), and cancels only after confirmation', async () => {
    server.on('GET', '/api/v1/me/signups', json(200, page([
      signup(31, { ticket: 't1.31.abcdef' }),
      signup(32, { eventId: 8, eventTitle: '智慧助老课堂', status: 'WAITLISTED', waitlistPosition: 2 }),
    ])));
    server.on('POST', '/api/v1/signups/31/cancel', json(200, signup(31, { status: 'CANCELLED', cancelledAt: '2026-11-29T10:00:00+08:00' })));
    const p = await renderPage('pages/my-signups/my-signups');
    await flush();

    expect(text(p.querySelector('#status-31'))).toBe('报名成功');
    expect(text(p.querySelector('#position-32'))).toBe('候补第 2 位');

    p.querySelector('#ticket-31').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/ticket?id=31' });
    expect(wx.getStorageSync('kepu.ticket.31').token).toBe('t1.31.abcdef');

    // Declined: nothing is sent.
    wx.showModal.mockImplementation((o) => o.success({ confirm: false, cancel: true }));
    p.querySelector('#cancel-31').dispatchEvent('tap');
    await flush();
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(wx.showModal.mock.calls[0][0].content).toContain('柑橘栽培技术培训');
    expect(server.callsTo('POST', '/api/v1/signups/31/cancel')).toHaveLength(0);

    wx.showModal.mockImplementation((o) => o.success({ confirm: true, cancel: false }));
    p.querySelector('#cancel-31').dispatchEvent('tap');
    await flush();
    expect(server.callsTo('POST', '/api/v1/signups/31/cancel')).toHaveLength(1);
    expect(text(p.querySelector('#status-31'))).toBe('已取消');
    expect(p.querySelector('#cancel-31')).toBeFalsy();
  });

  test('a refused cancel shows the server reason', async () => {
    server.on('GET', '/api/v1/me/signups', json(200, page([signup(31)])));
    server.on('POST', '/api/v1/signups/31/cancel', problem(409, 'CANCEL_DEADLINE_PASSED', '已过取消截止时间，如不能参加请联系主办方'));
    wx.showModal.mockImplementation((o) => o.success({ confirm: true }));
    const p = await renderPage('pages/my-signups/my-signups');
    await flush();
    p.querySelector('#cancel-31').dispatchEvent('tap');
    await flush();
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已过取消截止时间，如不能参加请联系主办方' }));
    expect(text(p.querySelector('#status-31'))).toBe('报名成功');
  });
});
