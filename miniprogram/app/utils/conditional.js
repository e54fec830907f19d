// The last answer (body + ETag) of a few GET reads, kept in wx storage so that request()
// can revalidate them with If-None-Match (a 304 costs no body on a slow village network)
// and fall back to them when the network is gone.
//
// Storage only, like session.js: no dependency on the network layer, so request.js and
// session.js can both use it without a require cycle.
//
// Layout: one storage key per cached URL (a feed page or an item detail can be tens of KB,
// and wx storage limits a single key to 1 MB) plus an index of those keys, least recently
// used first, which bounds the cache and lets clear() find every entry.

const { STORAGE_KEYS } = require('./config');

const MAX_ENTRIES = 30;
const ENTRY_PREFIX = STORAGE_KEYS.conditionalEntryPrefix;
const INDEX_KEY = STORAGE_KEYS.conditionalIndex;

function readIndex() {
  try {
    const index = wx.getStorageSync(INDEX_KEY);
    return Array.isArray(index) ? index : [];
  } catch (e) {
    return [];
  }
}

function writeIndex(index) {
  try {
    wx.setStorageSync(INDEX_KEY, index);
  } catch (e) {
    // Storage full or unavailable: the cache is an optimisation, requests still work without it.
  }
}

function removeEntry(key) {
  try {
    wx.removeStorageSync(ENTRY_PREFIX + key);
  } catch (e) {
    // Nothing more we can do; the index no longer points at it.
  }
}

/**
 * The cache key of a read: path plus its query parameters in a fixed order, or null when the
 * read is not cached. Search results (keyword) are not cached: they are rarely repeated, each
 * would push a feed page out of the bounded cache, and what a resident searched for is more
 * personal than the feed.
 */
function keyFor({ url, method = 'GET', data }) {
  if (String(method).toUpperCase() !== 'GET') return null;
  const params = data && typeof data === 'object' ? data : {};
  if (params.keyword !== undefined && params.keyword !== null && String(params.keyword).trim() !== '') {
    return null;
  }
  const query = Object.keys(params)
    .filter((name) => params[name] !== undefined && params[name] !== null && params[name] !== '')
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(String(params[name]))}`)
    .join('&');
  return query ? `${url}?${query}` : url;
}

/** The stored {etag, data, storedAt} for a key, or null. */
function lookup(key) {
  if (!key) return null;
  try {
    const entry = wx.getStorageSync(ENTRY_PREFIX + key);
    return entry && typeof entry === 'object' && 'data' in entry ? entry : null;
  } catch (e) {
    return null;
  }
}

/** Store the latest body and ETag for a key, making it the most recently used entry. */
function remember(key, etag, data) {
  if (!key) return;
  const index = readIndex().filter((k) => k !== key);
  index.push(key);
  const evicted = index.splice(0, Math.max(0, index.length - MAX_ENTRIES));
  // The index is written before the entry, so clear() always knows every entry key even if
  // writing the entry itself fails half-way.
  writeIndex(index);
  evicted.forEach(removeEntry);
  try {
    wx.setStorageSync(ENTRY_PREFIX + key, { etag: etag || '', data, storedAt: Date.now() });
  } catch (e) {
    // Usually storage full: drop this entry rather than keep an old body under a new ETag.
    removeEntry(key);
  }
}

/** A 304 confirmed the stored copy: keep it, and make it the most recently used. */
function touch(key) {
  const index = readIndex();
  const at = index.indexOf(key);
  if (at < 0 || at === index.length - 1) return;
  index.splice(at, 1);
  index.push(key);
  writeIndex(index);
}

/** Forget every cached answer (the session ended or another resident signed in). */
function clear() {
  readIndex().forEach(removeEntry);
  try {
    wx.removeStorageSync(INDEX_KEY);
  } catch (e) {
    // ignore: nothing cached
  }
}

module.exports = { MAX_ENTRIES, keyFor, lookup, remember, touch, clear };
