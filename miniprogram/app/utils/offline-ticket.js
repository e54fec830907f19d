// What the organiser's phone keeps for a check-in with no network, and the check of a scanned ticket
// against it. Downloaded while online (the scan page saves it on every load): the event's title and
// sessions, the confirmed roster (signup id, name) and the server's ticket verification keys.

const PREFIX = 'kepu.organiser.offline.';

function keep(eventId, pack) {
  wx.setStorageSync(PREFIX + eventId, Object.assign({ savedAt: Date.now() }, pack));
}

/** {title, sessions, people: [{signupId, name}], keys: [{kid, publicKey}], savedAt} or null. */
function read(eventId) {
  const stored = wx.getStorageSync(PREFIX + eventId);
  return stored && typeof stored === 'object' ? stored : null;
}

/** The confirmed people of a Roster answer, as little as the phone needs. */
function peopleOf(roster) {
  return ((roster && roster.entries) || [])
    .filter((e) => e.status === 'CONFIRMED')
    .map((e) => ({ signupId: e.signupId, name: e.name }));
}

function refuse(title, note) {
  return { ok: false, title, note: note || '' };
}

/**
 * Checks a scanned ticket on the phone. Returns {ok: true, signupId, name} or {ok: false, title, note}.
 * @param {string} ticket the QR content
 * @param {object} pack what read() returned
 * @param {object} at {sessionId, nowMs}
 * @param {Function} verifySigned utils/signed-ticket verifySignedTicket
 */
function check(ticket, pack, at, verifySigned) {
  if (!pack) return refuse('无法离线核验', '请先在有网络时打开本页，下载名单和核验密钥');
  if (/^t1\./.test(ticket || '')) {
    // the older ticket carries a server-only HMAC: the phone cannot tell a forged one from a real one
    return refuse('无法离线核验', '这是旧版凭证，请联网后扫描，或请参加人联网打开凭证页刷新');
  }
  const verdict = verifySigned(ticket, pack.keys || [], pack.eventId, at.sessionId, at.nowMs);
  if (!verdict.ok) return verdict;
  const person = (pack.people || []).find((p) => p.signupId === verdict.signupId);
  if (!person) return refuse('不在名单上', '该报名已取消或仍在候补（以下载名单时为准）');
  return { ok: true, signupId: verdict.signupId, name: person.name };
}

module.exports = { keep, read, peopleOf, check };
