// 关怀模式 (elder mode): larger type, bigger touch targets, higher contrast.
// The flag belongs to the resident on the server (so it follows them to a new phone) and is
// cached in storage so every page can apply it synchronously on first render, before any request.

const { STORAGE_KEYS: K } = require('./config');
const session = require('./session');
const { request } = require('./request');
const { needsConsent } = require('./privacy');

function isElderMode() {
  try {
    return wx.getStorageSync(K.elderMode) === true;
  } catch (e) {
    return false;
  }
}

function setElderModeLocal(on) {
  wx.setStorageSync(K.elderMode, Boolean(on));
}

/**
 * Switch elder mode and save it to the server. The local flag flips first so the page reacts
 * at once; if the server refuses, the old value is restored and the error is rethrown.
 * Before privacy consent the switch is local only.
 */
async function saveElderMode(on) {
  const previous = isElderMode();
  setElderModeLocal(on);
  if (needsConsent(session.getResident())) {
    // No consent yet: the big-text mode still works, but stays on this phone.
    return session.getResident();
  }
  try {
    const me = await request({ url: '/api/v1/me', method: 'PATCH', data: { elderMode: Boolean(on) } });
    session.saveResident(me);
    return me;
  } catch (err) {
    setElderModeLocal(previous);
    throw err;
  }
}

module.exports = { isElderMode, setElderModeLocal, saveElderMode };
