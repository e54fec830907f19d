// The emergencies shown as a banner on every page until read. The app refreshes them when it comes to the
// foreground, each page's banner when its page shows (at most every MAX_AGE_MS), and a read receipt takes the
// banner off at once. What is shown is kept in storage, so every page (and the next launch, offline) sees the
// same list; pages shown later read it on show.
// Nothing here rejects or toasts: a banner that cannot load must never get in the way of the page.

const api = require('../api/emergencies');
const { ensureLogin } = require('./auth');

const KEY = 'kepu.emergencies';
const MAX_AGE_MS = 30 * 1000;

const listeners = new Set();
let loading = null;

function stored() {
  const value = wx.getStorageSync(KEY);
  return value && typeof value === 'object' ? value : { started: false, items: [], loadedAt: 0 };
}

function save(patch) {
  wx.setStorageSync(KEY, Object.assign(stored(), patch));
}

/** The running emergencies of the resident's place not yet marked read. */
function unread() {
  return (stored().items || []).filter((e) => e && !e.read);
}

function notify() {
  const list = unread();
  listeners.forEach((fn) => fn(list));
}

/** Calls fn with the unread emergencies now and on every change; returns the function that stops it. */
function watch(fn) {
  listeners.add(fn);
  fn(unread());
  return () => listeners.delete(fn);
}

/**
 * Fetches the active emergencies. Only once the app has started the store (App.onShow): a page rendered on its
 * own (tests, previews) makes no extra request. {force: true} ignores MAX_AGE_MS (the app coming back).
 */
function refresh(options = {}) {
  const now = stored();
  if (!now.started) return Promise.resolve(unread());
  if (loading) return loading;
  if (!options.force && Date.now() - now.loadedAt < MAX_AGE_MS) {
    notify();
    return Promise.resolve(unread());
  }
  loading = (async () => {
    try {
      await ensureLogin();
      const list = await api.active({ silent: true });
      save({ items: Array.isArray(list) ? list : [], loadedAt: Date.now() });
    } catch (err) {
      // Offline or not logged in: keep what was shown; the next show tries again.
    } finally {
      loading = null;
    }
    notify();
    return unread();
  })();
  return loading;
}

/** Called by the app when it comes to the foreground. */
function start() {
  save({ started: true });
  return refresh({ force: true });
}

/** 我知道了: hidden at once; if the receipt does not reach the server, the next refresh shows it again. */
async function markRead(id) {
  save({ items: (stored().items || []).map((e) => (e.id === id ? Object.assign({}, e, { read: true }) : e)) });
  notify();
  try {
    await api.markRead(id, { silent: true });
  } catch (err) {
    // The server still counts it unread; it comes back on the next refresh, which is the honest outcome.
  }
}

module.exports = { watch, refresh, start, markRead, MAX_AGE_MS, KEY };
