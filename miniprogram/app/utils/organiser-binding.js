// Whether this WeChat is bound to a staff account (组织者模式), so 我的 shows the 组织者 entry only to staff.
// The server is the judge (GET /organiser/binding, 403 NOT_AN_ORGANISER when not bound); the answer is kept
// on the phone per resident so that a resident is asked once and then never again, while a phone that was
// bound is asked on every visit (an unbinding, a binding replaced on another phone or a disabled staff account
// removes the entry). Binding happens on this phone's 组织者 page, which records the new answer itself;
// without network the last answer stands.

const session = require('./session');
const organiser = require('../api/organiser');

const KEY = 'kepu.organiser.bound';

function residentId() {
  const resident = session.getResident();
  return resident ? resident.id : null;
}

/** true / false as last answered for the signed-in resident, or null when this phone has not asked yet. */
function known() {
  let stored;
  try {
    stored = wx.getStorageSync(KEY);
  } catch (e) {
    return null;
  }
  if (!stored || typeof stored !== 'object' || stored.residentId !== residentId()) return null;
  return stored.bound === true;
}

function remember(bound) {
  wx.setStorageSync(KEY, { residentId: residentId(), bound: Boolean(bound) });
}

/** Resolves whether to show the 组织者 entry. */
async function isBound() {
  const before = known();
  if (before === false) return false;
  try {
    await organiser.binding({ silent: true });
    remember(true);
    return true;
  } catch (err) {
    if (err && err.status === 403) {
      remember(false);
      return false;
    }
    // no network or a server hiccup: what the phone knew stands
    return before === true;
  }
}

module.exports = { known, remember, isBound };
