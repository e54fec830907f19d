// The organiser's offline check-in queue. A ticket scan made without network is verified on the phone
// (utils/offline-ticket.js), a roster tick is checked against the downloaded roster (utils/offline-roster.js);
// either is kept here, in wx storage so it survives the mini-program being closed,
// with the time it happened. When the network returns each entry is sent to the server's sync endpoint
// (POST /organiser/events/{id}/sync) under its own operation id: the server applies an id once and
// answers a resend with the recorded outcome, so an answer lost on the way back is simply asked again.
// Entries are sent one at a time, in the order they happened: a request that fails leaves that entry and
// everything after it queued, and the next sync starts from there.

const organiser = require('../api/organiser');

const PREFIX = 'kepu.organiser.queue.';
const PENDING = 'PENDING';
const STATE_TEXT = { PENDING: '待同步', APPLIED: '已同步', CONFLICT: '已同步', REFUSED: '未通过' };

function key(eventId) {
  return PREFIX + eventId;
}

function list(eventId) {
  const stored = wx.getStorageSync(key(eventId));
  return Array.isArray(stored) ? stored : [];
}

function save(eventId, entries) {
  wx.setStorageSync(key(eventId), entries);
}

function pending(eventId) {
  return list(eventId).filter((e) => e.state === PENDING);
}

/** An id the server accepts ([A-Za-z0-9-]{8,64}) and no other phone will make. */
function newOpId() {
  const random = () => Math.floor(Math.random() * 0x100000000).toString(36);
  return `${Date.now().toString(36)}-${random()}-${random()}`;
}

/** The phone's time as the server reads it: an ISO instant with the +08:00 offset the product shows. */
function beijingIso(ms) {
  const shifted = new Date(ms + 8 * 3600 * 1000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/**
 * Queue one scan or tick. `entry`: {kind?: 'TICKET' (default) | 'TICK', ticket? (a scan's), signupId, name?,
 * sessionId, purpose}. Returns the stored entry.
 * @param {number} [now] when it happened (ms), for tests
 */
function enqueue(eventId, entry, now) {
  const at = now === undefined ? Date.now() : now;
  const stored = Object.assign({}, entry, {
    opId: newOpId(),
    kind: entry.kind === 'TICK' ? 'TICK' : 'TICKET',
    at: beijingIso(at),
    state: PENDING,
    result: null,
  });
  const entries = list(eventId);
  entries.push(stored);
  save(eventId, entries);
  return stored;
}

/** True when this signup already has a queued (or synced-as-accepted) scan for the session and purpose. */
function alreadyQueued(eventId, signupId, sessionId, purpose) {
  return list(eventId).some((e) => e.signupId === signupId && e.sessionId === sessionId && e.purpose === purpose
    && (e.state === PENDING || e.state === 'APPLIED' || e.state === 'CONFLICT'));
}

/** The words shown for an entry once the server has answered. */
function resultOf(answer, purpose) {
  if (answer.outcome === 'APPLIED') return { ok: true, title: purpose === 'OUT' ? '已同步，签退有效' : '已同步，签到有效', note: '' };
  if (answer.outcome === 'CONFLICT') return { ok: true, title: '已同步（另一台手机也记录过）', note: answer.detail || '' };
  return { ok: false, title: '未通过', note: answer.detail || '服务器拒绝了这条记录' };
}

function wireOp(e) {
  const op = { opId: e.opId, kind: e.kind, signupId: e.signupId, sessionId: e.sessionId, purpose: e.purpose, at: e.at };
  if (e.kind !== 'TICK') op.ticket = e.ticket;
  return op;
}

function isNetwork(err) {
  return !err || err.status === 0 || err.code === 'NETWORK_ERROR';
}

const running = {};

/**
 * Send every pending entry, oldest first, and record the server's answer on each. Stops at the first
 * request that fails (the rest stay queued). Concurrent calls for one event share one run.
 * @returns {Promise<{synced: number, left: number, stopped: object|null}>}
 */
function sync(eventId) {
  if (running[eventId]) return running[eventId];
  const run = (async () => {
    let synced = 0;
    let stopped = null;
    const queue = pending(eventId);
    for (let i = 0; i < queue.length; i += 1) {
      const entry = queue[i];
      let answer;
      try {
        // eslint-disable-next-line no-await-in-loop
        const answers = await organiser.sync(eventId, [wireOp(entry)], { silent: true });
        answer = (answers || []).find((a) => a.opId === entry.opId);
      } catch (err) {
        if (isNetwork(err) || err.status === 401 || err.status === 403 || err.status >= 500) {
          stopped = err;
          break;
        }
        // The server refused the request itself (e.g. the event is gone): that entry cannot succeed.
        answer = { opId: entry.opId, outcome: 'REFUSED', code: err.code, detail: err.detail };
      }
      if (!answer) {
        stopped = { detail: '服务器没有答复这条记录' };
        break;
      }
      const entries = list(eventId).map((e) => (e.opId === entry.opId
        ? Object.assign({}, e, { state: answer.outcome, result: resultOf(answer, e.purpose),
          attendance: answer.attendance || null, syncedAt: Date.now() })
        : e));
      save(eventId, entries);
      synced += 1;
    }
    return { synced, left: pending(eventId).length, stopped };
  })();
  running[eventId] = run;
  const clear = () => {
    delete running[eventId];
  };
  run.then(clear, clear);
  return run;
}

/** Forget entries the server has answered (the organiser has read them); pending ones stay. */
function clearSynced(eventId) {
  save(eventId, pending(eventId));
}

function hhmm(iso) {
  return String(iso || '').slice(11, 16);
}

/** What a page shows of the queue: {pendingCount, queue: rows newest first}. */
function view(eventId) {
  const entries = list(eventId);
  return {
    pendingCount: entries.filter((e) => e.state === PENDING).length,
    queue: entries.slice().reverse().map((e) => ({
      opId: e.opId,
      signupId: e.signupId,
      name: e.name || `报名 ${e.signupId}`,
      time: hhmm(e.at),
      purposeWord: e.purpose === 'OUT' ? '签退' : '签到',
      how: e.kind === 'TICK' ? '名单勾选' : '扫凭证',
      state: e.state,
      stateText: STATE_TEXT[e.state] || e.state,
      ok: e.state !== 'REFUSED',
      note: e.result ? [e.result.title === '未通过' ? '' : e.result.title, e.result.note].filter(Boolean).join('：') : '',
    })),
  };
}

/**
 * Page lifecycle for a page that queues offline work: sync when the network comes back, when the page is shown
 * again (after the organiser switched to another app), and stop listening when it is closed. The page has
 * syncNow() and, once its data is loaded, this.pack.
 */
function syncOnReconnect(page) {
  page.onNetwork = (res) => {
    if (res && res.isConnected) page.syncNow();
  };
  if (typeof wx.onNetworkStatusChange === 'function') wx.onNetworkStatusChange(page.onNetwork);
}

function stopSyncOnReconnect(page) {
  if (typeof wx.offNetworkStatusChange === 'function') wx.offNetworkStatusChange(page.onNetwork);
}

module.exports = {
  list, pending, enqueue, alreadyQueued, sync, clearSynced, resultOf, beijingIso, newOpId, view,
  syncOnReconnect, stopSyncOnReconnect,
};
