const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  wx.getWindowInfo = jest.fn(() => ({ windowWidth: 400, windowHeight: 800 }));
});

function signup(overrides = {}) {
  return Object.assign({ id: 31, eventId: 7, eventTitle: '柑橘栽培技术培训', eventStartsAt: '2026-11-29T09:00:00+08:00',
    status: 'CONFIRMED', proxy: false, participantName: null, ticket: 't1.31.abcdef' }, overrides);
}

function attendanceRows() {
  return [
    { sessionId: 501, checkInAt: '2026-11-29T09:01:00+08:00', checkOutAt: '2026-11-29T11:00:00+08:00',
      presenceConfirmed: true, credited: true, hours: 2 },
    { sessionId: 502, checkInAt: '2026-11-30T09:03:00+08:00', checkOutAt: null, presenceConfirmed: false,
      credited: null, hours: null },
  ];
}

describe('签到凭证 page', () => {
  test('draws the ticket as a QR code at the top, with my attendance and 学时', async () => {
    server.on('GET', '/api/v1/signups/31', json(200, signup()));
    server.on('GET', '/api/v1/signups/31/attendance', json(200, attendanceRows()));
    const p = await renderPage('pages/ticket/ticket', { id: '31' });
    await flush();

    const qr = p.querySelector('#qr');
    expect(qr.instance.data.value).toBe('t1.31.abcdef');
    expect(qr.instance.data.size).toBe(256); // 64 % of the screen's width
    expect(text(p.querySelector('#ticket-title'))).toBe('柑橘栽培技术培训');
    expect(text(p.querySelector('#att-501'))).toContain('2 学时');
    expect(text(p.querySelector('#att-502'))).toContain('待组织者确认');
    expect(text(p.querySelector('#total-hours'))).toBe('已获得 2 学时');
    expect(wx.getStorageSync('kepu.ticket.31').token).toBe('t1.31.abcdef');
  });

  test('while some hours are unsettled there is no certificate; once all are settled it opens', async () => {
    server.on('GET', '/api/v1/signups/31', json(200, signup()));
    server.on('GET', '/api/v1/signups/31/attendance', json(200, attendanceRows()));
    const p = await renderPage('pages/ticket/ticket', { id: '31' });
    await flush();
    expect(p.querySelector('#open-certificate')).toBeFalsy();

    const settled = attendanceRows();
    settled[1] = Object.assign({}, settled[1], { presenceConfirmed: true, credited: false, hours: 0 });
    server.on('GET', '/api/v1/signups/31/attendance', json(200, settled));
    await p.instance.refresh(true);
    await flush();
    expect(p.querySelector('#open-certificate')).toBeTruthy();
    p.instance.onOpenCertificate();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/training-certificate/training-certificate?signupId=31' });
  });

  test('in 关怀模式 the code is drawn larger', async () => {
    wx.setStorageSync('kepu.elderMode', true);
    server.on('GET', '/api/v1/signups/31', json(200, signup()));
    server.on('GET', '/api/v1/signups/31/attendance', json(200, []));
    const p = await renderPage('pages/ticket/ticket', { id: '31' });
    await flush();
    expect(p.querySelector('#qr').instance.data.size).toBe(320);
    expect(text(p.querySelector('#attendance-empty'))).toBe('还没有签到记录');
  });

  test('with no network it opens from the phone', async () => {
    wx.setStorageSync('kepu.ticket.31', { token: 't1.31.abcdef', title: '柑橘栽培技术培训', startsText: '2026-11-29 09:00', name: '' });
    server.on('GET', '/api/v1/signups/31', NETWORK_FAIL);
    wx.__network = 'none';
    const p = await renderPage('pages/ticket/ticket', { id: '31' });
    await flush(40);
    expect(p.querySelector('#qr').instance.data.value).toBe('t1.31.abcdef');
    expect(p.querySelector('#offline')).toBeTruthy();
  });

  test('a cancelled signup has no ticket, and the kept one is dropped', async () => {
    wx.setStorageSync('kepu.ticket.31', { token: 't1.31.abcdef', title: 'x', startsText: '', name: '' });
    server.on('GET', '/api/v1/signups/31', json(200, signup({ status: 'CANCELLED', ticket: null })));
    const p = await renderPage('pages/ticket/ticket', { id: '31' });
    await flush();
    expect(p.querySelector('#none')).toBeTruthy();
    expect(wx.getStorageSync('kepu.ticket.31')).toBe('');
  });
});

describe('签到 page opened by WeChat 扫一扫 on the venue link', () => {
  const link = encodeURIComponent('https://kepu.yunxi.gov.cn/checkin?t=v1.7.501.IN.1764377700.sig');

  test('checks in with the token inside the link', async () => {
    wx.getEnterOptionsSync = jest.fn(() => ({ scene: 1011 }));
    wx.getLocation = jest.fn((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }));
    server.on('POST', '/api/v1/checkins', json(200, { id: 1, sessionId: 501, checkInAt: '2026-11-29T09:01:00+08:00',
      checkOutAt: null, locationVerified: false, presenceConfirmed: false, alreadyRecorded: false }));
    const p = await renderPage('pages/checkin/checkin', { q: link, scancode_time: '1764377701' });
    await flush(30);
    expect(server.callsTo('POST', '/api/v1/checkins').map((c) => c.data)).toEqual([
      { token: 'v1.7.501.IN.1764377700.sig' }]);
    expect(text(p.querySelector('#result-title'))).toBe('签到成功');
    expect(text(p.querySelector('#result-note'))).toContain('请找组织者确认');
  });

  test('a code read from a forwarded picture is refused without asking the server', async () => {
    wx.getEnterOptionsSync = jest.fn(() => ({ scene: 1012 }));
    const p = await renderPage('pages/checkin/checkin', { q: link });
    await flush();
    expect(text(p.querySelector('#result-title'))).toContain('扫一扫');
    expect(server.callsTo('POST', '/api/v1/checkins')).toHaveLength(0);
  });

  test('the server refusal is shown in its own words', async () => {
    wx.getEnterOptionsSync = jest.fn(() => ({ scene: 1011 }));
    wx.getLocation = jest.fn((o) => o.success({ latitude: 29.6, longitude: 113.4 }));
    server.on('POST', '/api/v1/checkins', problem(403, 'TOO_FAR_FROM_VENUE', '您当前不在活动现场附近，请到现场后再签到'));
    const p = await renderPage('pages/checkin/checkin', { q: link });
    await flush(30);
    expect(text(p.querySelector('#result-title'))).toBe('您当前不在活动现场附近，请到现场后再签到');
  });
});
