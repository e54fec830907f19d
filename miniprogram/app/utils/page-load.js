// The one way a page loads what it shows: log in (reusing the stored session), stop at the privacy
// policy when the page would create records about the resident, fetch, and put the result on screen
// or an honest error state (utils/errors.js) with 重试.
//
//   Page(elderPage({
//     ...loadable({ consent: true, fetch(resident) { return quiz.list().then((cards) => ({ cards })); } }),
//     onShow() { return this.load(); },
//   }));
//
// The page's data gets `state` ('loading' | 'ready' | 'consent' | 'error', or any state `fetch` returns
// itself, e.g. 'form') and `error` ({kind, title, message, retry} for components/page-state).

const auth = require('./auth');
const privacy = require('./privacy');
const { describeError } = require('./errors');

/**
 * Methods `load()`, `onRetry()` and `onOpenPrivacy()` for a page.
 * @param {object} options
 * @param {Function} options.fetch (resident) => patch for setData (called with the page as `this`);
 *   the patch may carry its own `state`; a falsy patch means fetch set the data itself.
 * @param {boolean} [options.consent] stop with state 'consent' until the privacy policy is accepted
 * @param {boolean} [options.keepOnError=true] a failed refresh keeps what is on screen (request() showed a toast)
 */
function loadable(options) {
  const keepOnError = options.keepOnError !== false;
  return {
    async load() {
      // Only the latest load may write: a retry or onShow while an older one is in flight wins.
      this.loadSeq = (this.loadSeq || 0) + 1;
      const seq = this.loadSeq;
      try {
        const resident = await auth.ensureLogin();
        if (seq !== this.loadSeq) return;
        if (options.consent && privacy.needsConsent(resident)) {
          this.setData({ state: 'consent', error: null });
          return;
        }
        const patch = await options.fetch.call(this, resident);
        if (seq !== this.loadSeq) return;
        if (patch) this.setData(Object.assign({ state: 'ready', error: null }, patch));
      } catch (err) {
        if (seq !== this.loadSeq) return;
        if (err && err.code === 'SIGNED_OUT') {
          // After 注销账号 only the home page may start a new account.
          wx.switchTab({ url: '/pages/index/index' });
          return;
        }
        if (keepOnError && this.data.state === 'ready') return;
        this.setData({ state: 'error', error: describeError(err) });
      }
    },

    onRetry() {
      this.setData({ state: 'loading', error: null });
      return this.load();
    },

    /** The 'consent' state's button: the policy, then back here (onShow loads again). */
    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },
  };
}

/** The answer of a request, or null when the server says 404 (the page then shows its own "not found"). */
async function orNullIfMissing(promise) {
  try {
    return await promise;
  } catch (err) {
    if (err && err.status === 404) return null;
    throw err;
  }
}

module.exports = { loadable, orNullIfMissing };
