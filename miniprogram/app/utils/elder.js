// 关怀模式 (elder mode): larger type, bigger touch targets, higher contrast.
// The flag belongs to the resident on the server (so it follows them to a new phone) and is
// cached in storage so every page can apply it synchronously on first render, before any request.

const { STORAGE_KEYS: K } = require('./config');
const session = require('./session');
const meApi = require('../api/me');
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
    const me = await meApi.update({ elderMode: Boolean(on) });
    session.saveResident(me);
    return me;
  } catch (err) {
    setElderModeLocal(previous);
    throw err;
  }
}

// 工信部 适老化 treats 60 and over as elderly; the profile's birth year or group tells us.
const ELDER_AGE = 60;

/**
 * Whether to suggest 关怀模式: the resident told us they are 老年人 or 60 or older, it is off,
 * and they have not declined the suggestion on this phone.
 */
function suggestsElderMode(resident, now = new Date()) {
  if (!resident || isElderMode()) return false;
  try {
    if (wx.getStorageSync(K.elderSuggestDismissed) === true) return false;
  } catch (e) {
    return false;
  }
  if (resident.populationGroup === 'ELDERLY') return true;
  return Boolean(resident.birthYear) && now.getFullYear() - Number(resident.birthYear) >= ELDER_AGE;
}

function dismissElderSuggestion() {
  wx.setStorageSync(K.elderSuggestDismissed, true);
}

module.exports = { isElderMode, setElderModeLocal, saveElderMode, suggestsElderMode, dismissElderSuggestion, ELDER_AGE };
