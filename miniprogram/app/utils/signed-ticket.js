// Signed tickets, checked on the organiser's phone without network. The server signs each confirmed
// signup's ticket with its Ed25519 key (server: event/TicketSigner):
//
//   t2.<event id>.<session ids joined by '-'>.<signup id>.<person pseudonym>.<expires, epoch seconds>.<key id>.<signature>
//
// The signature (base64url, 64 bytes) covers the UTF-8 text before the last dot. The organiser's phone
// downloads the public keys ({kid, publicKey}: raw 32-byte key, base64url) with the roster.

/**
 * The verifier, loaded on first use: it needs BigInt, which phones older than iOS 14 lack, and a page
 * must not fail to load there just because offline checks cannot run.
 */
let ed25519 = null;
function verifier() {
  if (!ed25519 && typeof BigInt === 'function') ed25519 = require('./ed25519'); // eslint-disable-line global-require
  return ed25519;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Bytes of a base64url (or base64) string without padding; null when it is not one. */
function base64UrlBytes(text) {
  const clean = String(text || '').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const out = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i += 1) {
    const value = ALPHABET.indexOf(clean[i]);
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function utf8Bytes(text) {
  // ticket bodies are ASCII; encodeURIComponent covers anything else without TextEncoder
  const escaped = unescape(encodeURIComponent(text)); // eslint-disable-line no-restricted-globals
  return Uint8Array.from(escaped.split('').map((c) => c.charCodeAt(0)));
}

/** The fields of a t2 ticket, or null when the text is not one. */
function parse(ticket) {
  const parts = String(ticket || '').split('.');
  if (parts.length !== 8 || parts[0] !== 't2') return null;
  const [, eventId, sessions, signupId, person, expires, kid, signature] = parts;
  if (![eventId, signupId, expires].every((n) => /^\d+$/.test(n)) || !/^\d+(-\d+)*$/.test(sessions)) return null;
  return {
    eventId: Number(eventId),
    sessionIds: sessions.split('-').map(Number),
    signupId: Number(signupId),
    person,
    expiresAt: Number(expires) * 1000,
    kid,
    body: parts.slice(0, 7).join('.'),
    signature,
  };
}

function refuse(title, note) {
  return { ok: false, title, note };
}

/**
 * Verifies a t2 ticket for this event and session. Returns {ok: true, signupId, person} or
 * {ok: false, title, note} with the reason in Chinese.
 */
function verifySignedTicket(ticket, keys, eventId, sessionId, nowMs) {
  const t = parse(ticket);
  if (!t) return refuse('凭证无效', '这不是本系统的报名凭证');
  const key = (keys || []).find((k) => k.kid === t.kid);
  if (!key) return refuse('无法核验', '本机没有这张凭证的核验密钥，请联网后重新打开本页');
  const ed = verifier();
  if (!ed) return refuse('无法离线核验', '这部手机的微信版本过旧，不能离线核验凭证，请联网后扫描');
  const publicKey = base64UrlBytes(key.publicKey);
  const signature = base64UrlBytes(t.signature);
  if (!publicKey || !signature || !ed.verify(signature, utf8Bytes(t.body), publicKey)) {
    return refuse('凭证无效', '签名不符，可能是伪造或被改动过的凭证');
  }
  if (t.eventId !== Number(eventId)) return refuse('不是本活动', '这张凭证是其他活动的');
  if (t.expiresAt <= (nowMs === undefined ? Date.now() : nowMs)) return refuse('凭证已过期', '活动已结束，凭证不再有效');
  if (sessionId && t.sessionIds.indexOf(Number(sessionId)) < 0) {
    return refuse('不含本场次', '这张凭证不包括当前场次，请联网核验');
  }
  return { ok: true, signupId: t.signupId, person: t.person };
}

module.exports = { verifySignedTicket, parse, base64UrlBytes };
