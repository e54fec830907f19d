const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');

// The 名单 page without network: ticks for people without phones are made from the roster saved on the
// phone, queued with the time they happened and their own operation id (the same queue as ticket scans),
// shown as 待同步, synced exactly once when the network returns, and a conflict or refusal shown per person.

const NOW = Date.now();
const iso = (ms) => new Date(ms).toISOString();

let server;
let networkListeners;
let applied;
let answerFor;

function event(sessions) {
  return { id: 7, title: '柑橘栽培技术培训', sessions: sessions || [
    { id: 501, seq: 1, startsAt: iso(NOW - 60000), endsAt: iso(NOW + 3600000), hours: 1 },
    { id: 502, seq: 2, startsAt: iso(NOW + 86400000), endsAt: iso(NOW + 90000000), hours: 1 },
  ] };
}

function attendance(overrides) {
  return Object.assign({ id: 1, eventId: 7, sessionId: 501, signupId: 31, method: 'TICK',
    checkInAt: '2026-11-29T09:01:00+08:00', checkOutAt: null, locationVerified: false, distanceM: null,
    presenceConfirmed: true, checkOutMethod: null, attendedMinutes: null, credited: null, hours: null,
    alreadyRecorded: false }, overrides);
}

function roster(extra) {
  return { eventId: 7, title: '柑橘栽培技术培训', capacity: 50, confirmed: 3, waitlisted: 0, cancelled: 1, sessions: [],
    entries: [
      { signupId: 31, status: 'CONFIRMED', name: '王**', phone: '137****0001', proxy: true, attendance: [] },
      { signupId: 32, status: 'CONFIRMED', name: '李**', phone: '137****0002', proxy: true, attendance: [] },
      { signupId: 33, status: 'CONFIRMED', name: '张**', phone: '137****0003', proxy: false,
        attendance: (extra && extra[33]) || [] },
      { signupId: 34, status: 'CANCELLED', name: '赵**', phone: '137****0004', proxy: false, attendance: [] },
    ] };
}

/** A server that applies each opId once and answers a resend with the first outcome (as OfflineSyncService). */
function syncRoute(call) {
  return json(200, call.data.ops.map((op) => {
    const seen = applied.get(op.opId);
    if (seen) return Object.assign({}, seen, { duplicate: true });
    const outcome = Object.assign({ opId: op.opId, duplicate: false, code: null, detail: null }, answerFor(op));
    applied.set(op.opId, outcome);
    return outcome;
  }));
}

function appliedAnswer(op) {
  return { outcome: 'APPLIED', attendance: attendance({ signupId: op.signupId,
    checkOutAt: op.purpose === 'OUT' ? op.at : null, checkInAt: op.at }) };
}

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  applied = new Map();
  answerFor = appliedAnswer;
  networkListeners = [];
  wx.onNetworkStatusChange = jest.fn((cb) => networkListeners.push(cb));
  wx.offNetworkStatusChange = jest.fn((cb) => {
    networkListeners = networkListeners.filter((x) => x !== cb);
  });
  server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
  server.on('GET', '/api/v1/organiser/events/7/roster', json(200, roster()));
  server.on('GET', '/api/v1/regions', NETWORK_FAIL);
  server.on('POST', '/api/v1/organiser/events/7/sync', syncRoute);
  server.on('POST', '/api/v1/organiser/events/7/sessions/501/ticks', tickRoute);
});

function tickRoute(call) {
  return json(200, attendance({ signupId: call.data.signupId,
    checkOutAt: call.data.purpose === 'OUT' ? '2026-11-29T10:00:00+08:00' : null }));
}

function goOffline() {
  wx.__network = 'none';
  server.on('GET', '/api/v1/organiser/events/7', NETWORK_FAIL);
  server.on('GET', '/api/v1/organiser/events/7/roster', NETWORK_FAIL);
  server.on('POST', '/api/v1/organiser/events/7/sessions/501/ticks', NETWORK_FAIL);
  server.on('POST', '/api/v1/organiser/events/7/sync', NETWORK_FAIL);
}

/** The server's roster: what it applied from the phone's queue shows as each person's attendance. */
function rosterRoute() {
  const now = roster();
  applied.forEach((answer) => {
    const entry = answer.attendance && now.entries.find((e) => e.signupId === answer.attendance.signupId);
    if (entry) entry.attendance = [answer.attendance];
  });
  return json(200, now);
}

async function comeBackOnline(rosterAfter) {
  wx.__network = 'wifi';
  server.on('GET', '/api/v1/organiser/events/7', json(200, event()));
  server.on('GET', '/api/v1/organiser/events/7/roster', rosterAfter ? json(200, rosterAfter) : rosterRoute);
  server.on('POST', '/api/v1/organiser/events/7/sessions/501/ticks', tickRoute);
  server.on('POST', '/api/v1/organiser/events/7/sync', syncRoute);
  networkListeners.forEach((cb) => cb({ isConnected: true, networkType: 'wifi' }));
  await flush(40);
}

async function openPage() {
  const p = await renderPage('pages/organiser-roster/organiser-roster', { id: '7' });
  await flush(20);
  return p;
}

async function tick(p, signupId, purpose) {
  inner(p, `${purpose === 'OUT' ? 'out' : 'in'}-${signupId}`, '.t-button').dispatchEvent('tap');
  await flush(20);
}

const syncedOps = () => server.callsTo('POST', '/api/v1/organiser/events/7/sync').flatMap((c) => c.data.ops);

test('offline ticks are queued with their time, shown as 待同步, and synced once each when the network returns', async () => {
  const p = await openPage();
  expect(p.querySelector('#offline-note')).toBeFalsy();

  goOffline();
  const before = Date.now();
  await tick(p, 31, 'IN');
  expect(text(p.querySelector('#state-31'))).toBe('已签到（待同步）');
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '签到已记录，联网后自动同步' }));
  expect(text(p.querySelector('#offline-note'))).toMatch(/^无网络：使用 \d\d:\d\d 下载的名单，勾选的记录联网后自动同步$/);
  await tick(p, 32, 'IN');
  await tick(p, 31, 'OUT');
  expect(text(p.querySelector('#state-31'))).toBe('已签退（待同步）');
  expect(text(p.querySelector('#state-32'))).toBe('已签到（待同步）');
  expect(text(p.querySelector('#pending'))).toBe('待同步 3 条');
  // the rows say what was done and how: a roster tick, not a scan
  expect(p.querySelectorAll('.queue-row').map(text)[0]).toContain('名单勾选签退');
  // the page made no tick request while the phone said it had no network: the ticks are on the phone
  expect(server.callsTo('POST', '/api/v1/organiser/events/7/sessions/501/ticks')).toHaveLength(0);
  const stored = wx.__storage.get('kepu.organiser.queue.7');
  expect(stored).toHaveLength(3);
  stored.forEach((e) => {
    expect(e).toMatchObject({ kind: 'TICK', sessionId: 501, state: 'PENDING' });
    // the time it happened, as the server reads it (Beijing time), to the second
    const at = Date.parse(e.at);
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  await comeBackOnline();
  const sent = syncedOps();
  expect(sent.map((op) => [op.signupId, op.purpose])).toEqual([[31, 'IN'], [32, 'IN'], [31, 'OUT']]);
  expect(new Set(sent.map((op) => op.opId)).size).toBe(3);
  sent.forEach((op, i) => {
    expect(op).toEqual({ opId: stored[i].opId, kind: 'TICK', signupId: stored[i].signupId, sessionId: 501,
      purpose: stored[i].purpose, at: stored[i].at });
    expect(op.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });
  expect(text(p.querySelector('#pending'))).toBe('待同步 0 条');
  expect(text(p.querySelector('#sync-note'))).toBe('已同步 3 条');
  expect(p.querySelector('#offline-note')).toBeFalsy();
  expect(p.querySelectorAll('.queue-row').map(text)[0]).toContain('已同步，签退有效');

  // back online, the page shows the server's roster again; a resync or another show sends nothing more
  p.instance.onShow();
  await flush(20);
  await p.instance.onSyncTap();
  expect(syncedOps()).toHaveLength(3);
  expect(applied.size).toBe(3);
  // and a tick goes to the server directly again
  await tick(p, 33, 'IN');
  expect(server.callsTo('POST', '/api/v1/organiser/events/7/sessions/501/ticks').map((c) => c.data))
    .toEqual([{ signupId: 33, purpose: 'IN' }]);
  expect(text(p.querySelector('#state-33'))).toBe('已签到');
});

test('after sync each person shows the server\'s answer: applied, a conflict with another phone, a refusal', async () => {
  const p = await openPage();
  goOffline();
  await tick(p, 31, 'IN');
  await tick(p, 32, 'IN');
  await tick(p, 33, 'IN');
  answerFor = (op) => {
    if (op.signupId === 32) {
      return { outcome: 'CONFLICT', detail: '此前已签到，以较早的 09:01 为签到时间',
        attendance: attendance({ id: 2, signupId: 32, method: 'TICKET' }) };
    }
    if (op.signupId === 33) return { outcome: 'REFUSED', code: 'NOT_SIGNED_UP', detail: '该报名已取消，无法签到' };
    return appliedAnswer(op);
  };
  // the roster the server has now: 32 was scanned on another phone, 33 cancelled meanwhile
  const after = roster();
  after.entries[1].attendance = [attendance({ id: 2, signupId: 32, method: 'TICKET' })];
  after.entries[2].status = 'CANCELLED';
  after.entries[0].attendance = [attendance({ signupId: 31 })];
  await comeBackOnline(after);

  expect(text(p.querySelector('#state-31'))).toBe('已签到');
  expect(p.querySelector('#note-31')).toBeFalsy();
  expect(text(p.querySelector('#state-32'))).toBe('已签到');
  expect(text(p.querySelector('#note-32'))).toBe('另一台手机也记录了签到：此前已签到，以较早的 09:01 为签到时间');
  // 33 is no longer on the confirmed list; the queue still says why the tick did not count
  expect(p.querySelector('#person-33')).toBeFalsy();
  const rows = p.querySelectorAll('.queue-row').map(text);
  expect(rows[0]).toContain('张**');
  expect(rows[0]).toContain('未通过');
  expect(rows[0]).toContain('该报名已取消，无法签到');
  expect(rows[1]).toContain('李**');
  expect(rows[1]).toContain('已同步（另一台手机也记录过）：此前已签到，以较早的 09:01 为签到时间');
});

test('a refused tick shows its reason on the person, who can be ticked again', async () => {
  const p = await openPage();
  goOffline();
  await tick(p, 31, 'IN');
  answerFor = () => ({ outcome: 'REFUSED', code: 'CHECKIN_NOT_OPEN', detail: '该场次不在签到时间内' });
  await comeBackOnline();
  expect(text(p.querySelector('#state-31'))).toBe('未签到');
  expect(text(p.querySelector('#note-31'))).toBe('签到未通过：该场次不在签到时间内');
  expect(p.querySelector('#in-31')).toBeTruthy();
});

test('an answer lost on the way back is asked again and counts once; the rest stay queued', async () => {
  const p = await openPage();
  goOffline();
  await tick(p, 31, 'IN');
  await tick(p, 32, 'IN');
  // the first op is applied but its answer is lost, then the connection drops
  let calls = 0;
  wx.__network = 'wifi';
  server.on('POST', '/api/v1/organiser/events/7/sync', (call) => {
    calls += 1;
    if (calls === 1) syncRoute(call);
    return NETWORK_FAIL;
  });
  networkListeners.forEach((cb) => cb({ isConnected: true, networkType: 'wifi' }));
  await flush(40);
  expect(text(p.querySelector('#pending'))).toBe('待同步 2 条');
  expect(text(p.querySelector('#sync-note'))).toBe('网络不稳定，剩余记录稍后自动同步');
  expect(text(p.querySelector('#state-31'))).toBe('已签到（待同步）');
  expect(applied.size).toBe(1);

  await comeBackOnline();
  expect(text(p.querySelector('#pending'))).toBe('待同步 0 条');
  expect(applied.size).toBe(2);
  const answers = server.callsTo('POST', '/api/v1/organiser/events/7/sync').map((c) => c.data.ops[0].signupId);
  // 31 sent twice (its first answer was lost), 32 once
  expect(answers).toEqual([31, 31, 32]);
  expect(text(p.querySelector('#state-31'))).toBe('已签到');
});

test('opened without network, the page works from the roster saved last time; the queue survives closing it', async () => {
  (await openPage()).instance.onUnload();
  resetPages();
  goOffline();
  const p = await openPage();
  expect(text(p.querySelector('#title'))).toBe('柑橘栽培技术培训');
  expect(p.querySelector('#offline-note')).toBeTruthy();
  expect(p.querySelector('#person-34')).toBeFalsy();
  await tick(p, 32, 'IN');
  expect(text(p.querySelector('#state-32'))).toBe('已签到（待同步）');
  p.instance.onUnload();
  expect(wx.offNetworkStatusChange).toHaveBeenCalled();

  resetPages();
  await comeBackOnline();
  const again = await openPage();
  await flush(20);
  expect(syncedOps().map((op) => [op.kind, op.signupId])).toEqual([['TICK', 32]]);
  expect(text(again.querySelector('#pending'))).toBe('待同步 0 条');
});

test('without a saved roster, the page says it cannot open offline', async () => {
  goOffline();
  const p = await openPage();
  expect(p.querySelector('#error')).toBeTruthy();
  expect(p.querySelector('#people')).toBeFalsy();
});

test('offline, a tick outside the session\'s window is refused on the phone and not queued', async () => {
  // the only session starts tomorrow: check-in opens an hour before it
  server.on('GET', '/api/v1/organiser/events/7', json(200, event([
    { id: 501, seq: 1, startsAt: iso(NOW + 86400000), endsAt: iso(NOW + 90000000), hours: 1 },
  ])));
  const p = await openPage();
  goOffline();
  await tick(p, 31, 'IN');
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '还没到签到时间（场次开始前 60 分钟起）' }));
  expect(text(p.querySelector('#state-31'))).toBe('未签到');
  expect(p.querySelector('#queue')).toBeFalsy();
});

test('a tick whose request fails for want of network is queued; a server refusal is shown and not queued', async () => {
  const p = await openPage();
  server.on('POST', '/api/v1/organiser/events/7/sessions/501/ticks', problem(409, 'ATTENDANCE_SETTLED', '出勤已结算，不能再修改'));
  await tick(p, 31, 'IN');
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '出勤已结算，不能再修改' }));
  expect(p.querySelector('#queue')).toBeFalsy();

  server.on('POST', '/api/v1/organiser/events/7/sessions/501/ticks', NETWORK_FAIL);
  await tick(p, 31, 'IN');
  expect(text(p.querySelector('#state-31'))).toBe('已签到（待同步）');
  expect(text(p.querySelector('#pending'))).toBe('待同步 1 条');
});

test('a person already ticked offline is not queued twice', async () => {
  const p = await openPage();
  goOffline();
  await tick(p, 31, 'IN');
  // the button is gone once ticked; a second tick (e.g. a double tap in flight) is refused on the phone
  p.instance.tickOffline(p.instance.entries[0], 'IN');
  expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '王** 已签到，无需重复' }));
  expect(wx.__storage.get('kepu.organiser.queue.7')).toHaveLength(1);
});

test('a phone without BigInt (no offline ticket check) still ticks offline and syncs', async () => {
  const saved = global.BigInt;
  global.BigInt = undefined;
  try {
    const p = await openPage();
    goOffline();
    await tick(p, 31, 'IN');
    expect(text(p.querySelector('#state-31'))).toBe('已签到（待同步）');
    await comeBackOnline();
    expect(syncedOps().map((op) => [op.kind, op.signupId])).toEqual([['TICK', 31]]);
    expect(text(p.querySelector('#state-31'))).toBe('已签到');
  } finally {
    global.BigInt = saved;
  }
});
