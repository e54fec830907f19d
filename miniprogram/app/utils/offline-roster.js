// What the 名单 page keeps on the phone so the organiser can tick people in and out without network: the
// event's title and sessions and the confirmed roster (signup id, masked name and phone, proxy flag, each
// session's attendance), saved on every load with network. A tick made offline is checked here against the
// session's check-in window (the server's: an hour before the start to the end; check-out until an hour
// after the end) and then goes into the offline queue (utils/checkin-queue.js) like a scanned ticket.

const PREFIX = 'kepu.organiser.roster.';
const EARLY_MS = 60 * 60 * 1000;
const LATE_MS = 60 * 60 * 1000;

/** Saves the pack (stamped with when it was downloaded, unless it already says) and returns what was saved. */
function keep(eventId, pack) {
  const stored = Object.assign({ savedAt: Date.now() }, pack);
  wx.setStorageSync(PREFIX + eventId, stored);
  return stored;
}

/** {title, sessions, entries, savedAt} or null. */
function read(eventId) {
  const stored = wx.getStorageSync(PREFIX + eventId);
  return stored && typeof stored === 'object' && Array.isArray(stored.entries) ? stored : null;
}

/** The confirmed entries of a Roster answer, as the page shows them. */
function entriesOf(roster) {
  return ((roster && roster.entries) || [])
    .filter((e) => e.status === 'CONFIRMED')
    .map((e) => ({ signupId: e.signupId, name: e.name, phone: e.phone, proxy: Boolean(e.proxy),
      attendance: e.attendance || [] }));
}

/**
 * Whether a tick may be recorded now on the phone. Returns {ok: true} or {ok: false, reason}.
 * @param {object} session {startsAt, endsAt} or null
 * @param {string} purpose IN | OUT
 * @param {number} nowMs
 */
function tickAllowed(session, purpose, nowMs) {
  if (!session) return { ok: false, reason: '本活动没有场次，无法签到' };
  const starts = Date.parse(session.startsAt);
  const ends = Date.parse(session.endsAt);
  if (purpose === 'OUT') {
    if (nowMs > ends + LATE_MS) return { ok: false, reason: '已过签退时间（场次结束后 60 分钟内）' };
    return { ok: true };
  }
  if (nowMs < starts - EARLY_MS) return { ok: false, reason: '还没到签到时间（场次开始前 60 分钟起）' };
  if (nowMs > ends) return { ok: false, reason: '场次已结束，不能再签到' };
  return { ok: true };
}

module.exports = { keep, read, entriesOf, tickAllowed };
