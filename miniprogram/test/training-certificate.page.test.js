const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');

// 培训证明: the certificate of a training attended with credited hours, and its public check.

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

function certificate(overrides = {}) {
  return Object.assign({ verifyNo: 'T7K3M9QXW2HB4TZ8PRC5', holderName: '王*', title: '培训结业证明',
    eventTitle: '柑橘栽培技术培训', unitName: '陆城镇', hours: 3.5, sessions: 2, firstDay: '2026-11-29',
    lastDay: '2026-11-30', issuedAt: '2026-12-01T10:00:00+08:00' }, overrides);
}

test('my certificate: holder, training, period, hours and the number to verify', async () => {
  server.on('GET', '/api/v1/signups/31/certificate', json(200, certificate()));
  const p = await renderPage('pages/training-certificate/training-certificate', { signupId: '31' });
  await flush();
  expect(text(p.querySelector('#cert-title'))).toBe('培训结业证明');
  expect(text(p.querySelector('#cert-holder'))).toBe('王*');
  expect(text(p.querySelector('#cert-text'))).toBe(
    '于2026年11月29日至2026年11月30日参加陆城镇举办的“柑橘栽培技术培训”，经签到核实，计3.5学时，特此证明。');
  expect(text(p.querySelector('#cert-date'))).toBe('2026年12月1日');
  expect(text(p.querySelector('#cert-no'))).toBe('T7K3M9QXW2HB4TZ8PRC5');
  // drawn with the quiz certificate's frame
  expect(p.querySelector('.frame')).toBeTruthy();
  inner(p, 'copy-no', '.t-button').dispatchEvent('tap');
  await flush();
  expect(wx.setClipboardData.mock.calls[0][0].data).toBe('T7K3M9QXW2HB4TZ8PRC5');
});

test('a one-day training shows one date', async () => {
  server.on('GET', '/api/v1/signups/31/certificate', json(200, certificate({ lastDay: '2026-11-29', unitName: null })));
  const p = await renderPage('pages/training-certificate/training-certificate', { signupId: '31' });
  await flush();
  expect(text(p.querySelector('#cert-text'))).toBe('于2026年11月29日参加“柑橘栽培技术培训”，经签到核实，计3.5学时，特此证明。');
});

test('before the hours are settled the page says why', async () => {
  server.on('GET', '/api/v1/signups/31/certificate',
    problem(409, 'TRAINING_CERTIFICATE_NOT_EARNED', '培训结束、学时结算并计入后才能查看培训证明'));
  const p = await renderPage('pages/training-certificate/training-certificate', { signupId: '31' });
  await flush();
  expect(p.querySelector('#not-earned')).toBeTruthy();
  expect(p.querySelector('#certificate')).toBeFalsy();
});

test('opened by number from the public check, without the holder logging in', async () => {
  server.on('GET', '/api/v1/training-certificates/T7K3M9QXW2HB4TZ8PRC5', json(200, certificate()));
  const p = await renderPage('pages/training-certificate/training-certificate', { no: 't7k3m9qxw2hb4tz8prc5' });
  await flush();
  expect(text(p.querySelector('#cert-hours'))).toBe('3.5');
  server.on('GET', '/api/v1/training-certificates/AAAAAAAAAAAAAAAAAAAA', problem(404, 'TRAINING_CERTIFICATE_NOT_FOUND', '没有'));
  resetPages();
  const missing = await renderPage('pages/training-certificate/training-certificate', { no: 'AAAAAAAAAAAAAAAAAAAA' });
  await flush();
  expect(missing.querySelector('#missing')).toBeTruthy();
});

test('查验证书编号 finds a training certificate when the number is not a quiz certificate', async () => {
  server.on('GET', '/api/v1/certificates/T7K3M9QXW2HB4TZ8PRC5', problem(404, 'CERTIFICATE_NOT_FOUND', '证书不存在'));
  server.on('GET', '/api/v1/training-certificates/T7K3M9QXW2HB4TZ8PRC5', json(200, certificate()));
  const p = await renderPage('pages/certificate-verify/certificate-verify', { no: 'T7K3M9QXW2HB4TZ8PRC5' });
  await flush();
  expect(text(p.querySelector('#training-title'))).toBe('培训结业证明');
  expect(text(p.querySelector('#training-hours'))).toBe('学时：3.5 学时');
  inner(p, 'open-training', '.t-button').dispatchEvent('tap');
  await flush();
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/training-certificate/training-certificate?no=T7K3M9QXW2HB4TZ8PRC5' });

  // neither kind: unknown
  server.on('GET', '/api/v1/training-certificates/T7K3M9QXW2HB4TZ8PRC5', problem(404, 'TRAINING_CERTIFICATE_NOT_FOUND', '没有'));
  await p.instance.verify();
  await flush();
  expect(p.querySelector('#unknown')).toBeTruthy();
});
