const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');

// 协助签到: a 科普信息员 scans the venue code to record helping at an event.

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  wx.scanCode = jest.fn((o) => o.success({ result: 'https://kepu.yunxi.gov.cn/checkin?t=v1.7.501.IN.1764378000.sig' }));
  wx.getLocation = jest.fn((o) => o.success({ latitude: 29.47, longitude: 113.27 }));
});

function helperView(overrides = {}) {
  return Object.assign({ id: 3, eventId: 7, sessionId: 501, checkInAt: '2026-11-29T09:02:00+08:00',
    locationVerified: true, distanceM: 40, presenceConfirmed: true, alreadyRecorded: false }, overrides);
}

test('scans the venue link, sends the token with the position and shows ✓', async () => {
  server.on('POST', '/api/v1/helper-checkins', json(200, helperView()));
  const p = await renderPage('pages/helper-checkin/helper-checkin');
  await flush();
  expect(text(p.querySelector('#explain'))).toContain('无需报名');
  await p.instance.onScan();
  await flush();
  expect(wx.scanCode.mock.calls[0][0].onlyFromCamera).toBe(true);
  expect(server.callsTo('POST', '/api/v1/helper-checkins')[0].data).toEqual({
    token: 'v1.7.501.IN.1764378000.sig', latitude: 29.47, longitude: 113.27 });
  expect(text(p.querySelector('#result-mark'))).toBe('✓');
  expect(text(p.querySelector('#result-title'))).toBe('协助签到成功');
  expect(text(p.querySelector('#result-note'))).toBe('09:02 已记录，计开展活动一次（位置已核验）');
});

test('a second scan of the same session says it is already recorded; no position is fine', async () => {
  wx.getLocation = jest.fn((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }));
  server.on('POST', '/api/v1/helper-checkins', json(200, helperView({ alreadyRecorded: true, locationVerified: false })));
  const p = await renderPage('pages/helper-checkin/helper-checkin');
  await p.instance.onScan();
  await flush();
  expect(server.callsTo('POST', '/api/v1/helper-checkins')[0].data).toEqual({ token: 'v1.7.501.IN.1764378000.sig' });
  expect(text(p.querySelector('#result-title'))).toBe('本场已协助签到');
});

test('without a position the check-in is recorded but waits for the organiser before it counts', async () => {
  wx.getLocation = jest.fn((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }));
  server.on('POST', '/api/v1/helper-checkins', json(200, helperView({ locationVerified: false, distanceM: null,
    presenceConfirmed: false })));
  const p = await renderPage('pages/helper-checkin/helper-checkin');
  await p.instance.onScan();
  await flush();
  expect(text(p.querySelector('#result-mark'))).toBe('✓');
  expect(text(p.querySelector('#result-title'))).toBe('协助签到已记录');
  expect(text(p.querySelector('#result-note'))).toBe(
    '09:02 已记录。位置未核验：组织者确认您在现场后计开展活动一次；也可打开定位后再扫一次');
  expect(text(p.querySelector('#result-note'))).not.toContain('计开展活动一次（');
});

test('someone who is not an approved officer is told how to become one', async () => {
  server.on('POST', '/api/v1/helper-checkins', problem(403, 'NOT_AN_OFFICER', '只有审核通过的科普信息员或科普宣传员可以协助签到'));
  const p = await renderPage('pages/helper-checkin/helper-checkin');
  await p.instance.onScan();
  await flush();
  expect(text(p.querySelector('#result-mark'))).toBe('✗');
  expect(text(p.querySelector('#result-title'))).toBe('您还不是科普信息员');
  inner(p, 'open-officer', '.t-button').dispatchEvent('tap');
  await flush();
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/officer/officer' });
});

test('other refusals show the server reason', async () => {
  server.on('POST', '/api/v1/helper-checkins', problem(400, 'TOO_FAR_FROM_VENUE', '不在活动现场附近'));
  const p = await renderPage('pages/helper-checkin/helper-checkin');
  await p.instance.onScan();
  await flush();
  expect(text(p.querySelector('#result-title'))).toBe('不在活动现场附近');
});
