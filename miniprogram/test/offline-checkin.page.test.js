const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text } = require('./helpers/render');
const { keyPair, signedTicket } = require('./helpers/ticket-fixtures');

// The organiser's offline check-in queue on the 扫凭证 page: tickets verified on the phone while the
// network is down, kept in wx storage, synced once each when it comes back.

const NOW = Date.now();
const iso = (ms) => new Date(ms).toISOString();
const KEYS = keyPair('k1');

let server;
let networkListeners;
let applied;

function event() {
  return { id: 7, title: '柑橘栽培技术培训', sessions: [
    { id: 501, seq: 1, startsAt: iso(NOW - 60000), endsAt: iso(NOW + 3600000), hours: 1 },
    { id: 502, seq: 2, startsAt: iso(NOW + 86400000), endsAt: iso(NOW + 90000000), hours: 1 },
  ] };
}

function roster() {
  return { eventId: 7, title: '柑橘栽培技术培训', entries: [
    { signupId: 31, status: 'CONFIRMED', name: '王**', attendance: [] },
    { signupId: 32, status: 'CONFIRMED', name: '李**', attendance: [] },
    { signupId: 33, status: 'CONFIRMED', name: '张**', attendance: [] },
    { signupId: 34, status: 'CANCELLED', name: '赵**', attendance: [] },
  ] };
}

/** A server that applies each opId once and answers a resend with the first outcome (as OfflineSyncService). */
function syncRoute(call) {
  return json(200, call.data.ops.map((op) => {
    const seen = applied.get(op.opId);
    if (seen) return Object.assign({}, seen, { duplicate: true });
    const outcome = op.ticket.indexOf('.33.') > 0
      ? { opId: op.opId, outcome: 'REFUSED', duplicate: false, code: 'CHECKIN_NOT_OPEN', detail: '该场次不在签到时间内' }
      : { opId: op.opId, outcome: 'APPLIED', duplicate: false, code: null, detail: null, attendance: { id: 1 } };
    applied.set(op.opId, outcome);
    return outcome;
  }));
}

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  applied = new Map();
  networkListeners = [];
  wx.vibrateShort = jest.fn();
  wx.vibrateLong = jest.fn();
  wx.onNetworkStatusChange = jest.fn((cb) => networkListeners.push(cb));
  wx.offNetworkStatusChange = jest.fn();
  server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
  server.on('GET', '/api/v1/organiser/events/7/roster', json(200, roster()));
  server.on('GET', '/api/v1/organiser/ticket-keys', json(200, { keys: [{ kid: 'k1', algorithm: 'Ed25519', publicKey: KEYS.publicKey }] }));
  server.on('POST', '/api/v1/organiser/events/7/sync', syncRoute);
});

function goOffline() {
  wx.__network = 'none';
  server.on('POST', '/api/v1/organiser/events/7/tickets', NETWORK_FAIL);
}

async function comeBackOnline() {
  wx.__network = 'wifi';
  networkListeners.forEach((cb) => cb({ isConnected: true, networkType: 'wifi' }));
  await flush(30);
}

async function scan(p, ticket) {
  wx.scanCode = jest.fn((o) => o.success({ result: ticket }));
  await p.instance.onScan();
  await flush();
}

const ticketFor = (signupId, extra) => signedTicket(KEYS, Object.assign({ signupId }, extra));

async function openPage() {
  const p = await renderPage('pages/organiser-scan/organiser-scan', { id: '7' });
  await flush(20);
  return p;
}

test('offline: three tickets are verified on the phone, queued, and synced once each when the network returns', async () => {
  const p = await openPage();
  expect(text(p.querySelector('#offline-ready'))).toBe('已下载名单 3 人，无网络时也可核验');

  goOffline();
  await scan(p, ticketFor(31));
  expect(text(p.querySelector('#result-mark'))).toBe('✓');
  expect(text(p.querySelector('#result-title'))).toBe('签到已记录');
  expect(text(p.querySelector('#result-note'))).toBe('王** · 无网络，联网后自动同步');
  expect(wx.vibrateShort).toHaveBeenCalled();
  await scan(p, ticketFor(32));
  await scan(p, ticketFor(33));
  expect(text(p.querySelector('#pending'))).toBe('待同步 3 条');
  // nothing was sent while offline, and the queue is on the phone's storage, not in the page
  expect(server.callsTo('POST', '/api/v1/organiser/events/7/sync')).toHaveLength(0);
  expect(wx.__storage.get('kepu.organiser.queue.7')).toHaveLength(3);
  // a second scan of the same ticket is refused on the phone, not queued twice
  await scan(p, ticketFor(31));
  expect(text(p.querySelector('#result-title'))).toBe('已签到');
  expect(text(p.querySelector('#pending'))).toBe('待同步 3 条');

  await comeBackOnline();
  const sent = server.callsTo('POST', '/api/v1/organiser/events/7/sync').flatMap((c) => c.data.ops);
  expect(sent.map((op) => op.signupId)).toEqual([31, 32, 33]);
  expect(new Set(sent.map((op) => op.opId)).size).toBe(3);
  sent.forEach((op) => {
    expect(op).toMatchObject({ kind: 'TICKET', sessionId: 501, purpose: 'IN' });
    expect(op.opId).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(op.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });
  expect(text(p.querySelector('#pending'))).toBe('待同步 0 条');
  const rows = p.querySelectorAll('.queue-row').map(text);
  // newest first; each with its own result, the refused one with the server's reason
  expect(rows[0]).toContain('张**');
  expect(rows[0]).toContain('扫凭证签到');
  expect(rows[0]).toContain('未通过');
  expect(rows[0]).toContain('该场次不在签到时间内');
  expect(rows[1]).toContain('李**');
  expect(rows[1]).toContain('已同步');
  expect(rows[2]).toContain('王**');

  // showing the page again sends nothing more: each scan was synced exactly once
  p.instance.onShow();
  await flush(20);
  expect(server.callsTo('POST', '/api/v1/organiser/events/7/sync')).toHaveLength(3);
  expect(applied.size).toBe(3);
});

test('a failure mid-sync keeps the rest queued; the next sync resends only those, and a lost answer counts once', async () => {
  const p = await openPage();
  goOffline();
  await scan(p, ticketFor(31));
  await scan(p, ticketFor(32));
  await scan(p, ticketFor(33));

  // the first op is applied but its answer is lost; the connection then drops
  let calls = 0;
  server.on('POST', '/api/v1/organiser/events/7/sync', (call) => {
    calls += 1;
    if (calls === 1) {
      syncRoute(call);
      return NETWORK_FAIL;
    }
    return NETWORK_FAIL;
  });
  await comeBackOnline();
  expect(text(p.querySelector('#pending'))).toBe('待同步 3 条');
  expect(text(p.querySelector('#sync-note'))).toBe('网络不稳定，剩余记录稍后自动同步');
  expect(applied.size).toBe(1);

  server.on('POST', '/api/v1/organiser/events/7/sync', syncRoute);
  p.instance.onShow();
  await flush(30);
  expect(text(p.querySelector('#pending'))).toBe('待同步 0 条');
  expect(applied.size).toBe(3);
  const first = p.querySelectorAll('.queue-row').map(text)[2];
  expect(first).toContain('王**');
  expect(first).toContain('已同步');
});

test('the queue survives closing the mini-program: a fresh page syncs what the last one queued', async () => {
  const p = await openPage();
  goOffline();
  await scan(p, ticketFor(31));
  p.instance.onUnload();
  expect(wx.offNetworkStatusChange).toHaveBeenCalled();

  wx.__network = 'wifi';
  resetPages();
  const again = await openPage();
  await flush(20);
  expect(server.callsTo('POST', '/api/v1/organiser/events/7/sync')).toHaveLength(1);
  expect(text(again.querySelector('#pending'))).toBe('待同步 0 条');
});

test('offline, the page opens from what it downloaded last time', async () => {
  await openPage();
  resetPages();
  server.on('GET', '/api/v1/organiser/events/7', NETWORK_FAIL);
  server.on('GET', '/api/v1/organiser/events/7/roster', NETWORK_FAIL);
  goOffline();
  const p = await openPage();
  expect(text(p.querySelector('#title'))).toBe('柑橘栽培技术培训');
  await scan(p, ticketFor(32));
  expect(text(p.querySelector('#result-title'))).toBe('签到已记录');
});

test.each([
  ['a forged ticket', () => {
    const t = ticketFor(31);
    return t.replace('.31.', '.32.');
  }, '凭证无效', '签名不符，可能是伪造或被改动过的凭证'],
  ['a ticket signed by another key', () => signedTicket(keyPair('k1'), { signupId: 31 }), '凭证无效', '签名不符，可能是伪造或被改动过的凭证'],
  ['an expired ticket', () => ticketFor(31, { expiresAt: NOW - 1000 }), '凭证已过期', '活动已结束，凭证不再有效'],
  ['another event\'s ticket', () => ticketFor(31, { eventId: 8 }), '不是本活动', '这张凭证是其他活动的'],
  ['a cancelled signup', () => ticketFor(34), '不在名单上', '该报名已取消或仍在候补（以下载名单时为准）'],
  ['an old unsigned ticket', () => 't1.31.abc', '无法离线核验', '这是旧版凭证，请联网后扫描，或请参加人联网打开凭证页刷新'],
  ['not a ticket', () => 'hello', '凭证无效', '这不是本系统的报名凭证'],
])('offline, %s is refused on the phone with ✗ and not queued', async (_, make, title, note) => {
  const p = await openPage();
  goOffline();
  await scan(p, make());
  expect(text(p.querySelector('#result-mark'))).toBe('✗');
  expect(text(p.querySelector('#result-title'))).toBe(title);
  expect(text(p.querySelector('#result-note'))).toBe(note);
  expect(wx.vibrateLong).toHaveBeenCalled();
  expect(p.querySelector('#queue')).toBeFalsy();
});

test('a request that fails for want of network falls back to the phone check', async () => {
  const p = await openPage();
  server.on('POST', '/api/v1/organiser/events/7/tickets', NETWORK_FAIL);
  await scan(p, ticketFor(31));
  expect(text(p.querySelector('#result-title'))).toBe('签到已记录');
  expect(text(p.querySelector('#pending'))).toBe('待同步 1 条');
  // a server refusal is not a network failure: shown as is, nothing queued
  server.on('POST', '/api/v1/organiser/events/7/tickets', problem(403, 'NOT_SIGNED_UP', '该报名已取消，无法签到'));
  await scan(p, ticketFor(32));
  expect(text(p.querySelector('#result-title'))).toBe('已取消');
  expect(text(p.querySelector('#pending'))).toBe('待同步 1 条');
});

test('offline on a phone without BigInt, a ticket is refused with 请联网后扫描 and not queued; online scans still work', async () => {
  const ticket = ticketFor(31);
  const saved = global.BigInt;
  global.BigInt = undefined;
  try {
    const p = await openPage();
    goOffline();
    await scan(p, ticket);
    expect(text(p.querySelector('#result-mark'))).toBe('✗');
    expect(text(p.querySelector('#result-title'))).toBe('无法离线核验');
    expect(text(p.querySelector('#result-note'))).toBe('这部手机的微信版本过旧，不能离线核验凭证，请联网后扫描');
    expect(wx.vibrateLong).toHaveBeenCalled();
    expect(p.querySelector('#queue')).toBeFalsy();
    expect(wx.__storage.get('kepu.organiser.queue.7')).toBeFalsy();

    // with network the server checks the ticket: no BigInt needed on the phone
    wx.__network = 'wifi';
    server.on('POST', '/api/v1/organiser/events/7/tickets', json(200, { id: 1, eventId: 7, sessionId: 501, signupId: 31,
      method: 'TICKET', checkInAt: '2026-11-29T09:01:00+08:00', checkOutAt: null, presenceConfirmed: true,
      alreadyRecorded: false }));
    await scan(p, ticket);
    expect(text(p.querySelector('#result-mark'))).toBe('✓');
  } finally {
    global.BigInt = saved;
  }
});
