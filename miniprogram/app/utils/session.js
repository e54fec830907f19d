// Tokens and the cached resident live in wx storage so that a cold start can reuse the
// session instead of calling wx.login (and the server) every time the app opens.
// This module only reads and writes storage: it has no dependency on the network layer,
// which keeps request.js / auth.js / elder.js free of require cycles.

const { STORAGE_KEYS: K, PRIVACY_POLICY_VERSION } = require('./config');
const conditional = require('./conditional');

// Treat an access token as expired slightly early so we refresh before the server says 401.
const EXPIRY_SKEW_MS = 30 * 1000;

function read(key) {
  try {
    const value = wx.getStorageSync(key);
    return value === '' ? null : value;
  } catch (e) {
    return null;
  }
}

function write(key, value) {
  if (value === null || value === undefined) {
    wx.removeStorageSync(key);
  } else {
    wx.setStorageSync(key, value);
  }
}

function isPast(isoTime) {
  if (!isoTime) return false;
  const t = Date.parse(isoTime);
  return !Number.isNaN(t) && t - EXPIRY_SKEW_MS <= Date.now();
}

function getAccessToken() {
  return read(K.accessToken);
}

function getRefreshToken() {
  return read(K.refreshToken);
}

function accessTokenExpired() {
  return isPast(read(K.accessTokenExpiresAt));
}

function getResident() {
  return read(K.resident);
}

/**
 * Keep the resident and the elder-mode cache in step with what the server said.
 * Before the resident accepted the privacy policy, elder mode is a device-only setting (we do
 * not send it), so the server's default must not overwrite what was chosen on the phone.
 */
function saveResident(resident) {
  write(K.resident, resident || null);
  if (
    resident &&
    typeof resident.elderMode === 'boolean' &&
    resident.privacyPolicyVersion === PRIVACY_POLICY_VERSION
  ) {
    write(K.elderMode, resident.elderMode);
  }
  return resident;
}

/** Store the answer of wechat-login / refresh: both carry tokens and the resident. */
function saveSession(payload) {
  const previous = getResident();
  if (payload.resident && previous && previous.id !== payload.resident.id) {
    // Cached reads (the feed is ordered for the resident's own group) belong to the previous resident.
    conditional.clear();
  }
  write(K.accessToken, payload.accessToken);
  write(K.accessTokenExpiresAt, payload.accessTokenExpiresAt || null);
  write(K.refreshToken, payload.refreshToken);
  write(K.refreshTokenExpiresAt, payload.refreshTokenExpiresAt || null);
  if (payload.resident) saveResident(payload.resident);
}

/** The session is over (its refresh token was refused): its cached reads go with it. */
function clearTokens() {
  [K.accessToken, K.accessTokenExpiresAt, K.refreshToken, K.refreshTokenExpiresAt].forEach((key) =>
    wx.removeStorageSync(key),
  );
  conditional.clear();
}

/**
 * A cold start can skip wx.login when we still hold a refresh token that has not expired and
 * know who the resident is: an expired access token is renewed by the request layer.
 */
function hasUsableSession() {
  return Boolean(
    getAccessToken() && getRefreshToken() && getResident() && !isPast(read(K.refreshTokenExpiresAt)),
  );
}

function isSignedOut() {
  return read(K.signedOut) === true;
}

function markSignedOut() {
  write(K.signedOut, true);
}

function clearSignedOut() {
  wx.removeStorageSync(K.signedOut);
}

module.exports = {
  getAccessToken,
  getRefreshToken,
  accessTokenExpired,
  getResident,
  saveResident,
  saveSession,
  clearTokens,
  hasUsableSession,
  isSignedOut,
  markSignedOut,
  clearSignedOut,
};
