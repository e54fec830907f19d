// Runtime configuration of the mini-program.
//
// The API base URL depends on which version of the mini-program is running (app/env.js holds one
// URL per version: develop, trial, release). It is resolved at call time (not at module load) so
// that in the developer and trial versions a running session can be pointed at another server with
//   wx.setStorageSync('kepu.apiBaseUrl', 'http://192.168.1.10:8080')
// and the next request uses it without recompiling. The released version ignores that override:
// nothing on a resident's phone can send their requests elsewhere.

const env = require('../env');

const ENV_VERSIONS = ['develop', 'trial', 'release'];
const DEFAULT_API_BASE_URL = env.apiBaseUrls.develop;

// Bump this when the privacy policy text in pages/privacy changes: every resident whose
// accepted version differs is shown the policy again before anything more is collected.
const PRIVACY_POLICY_VERSION = '2026-11-01';

const STORAGE_KEYS = {
  apiBaseUrl: 'kepu.apiBaseUrl',
  accessToken: 'kepu.accessToken',
  accessTokenExpiresAt: 'kepu.accessTokenExpiresAt',
  refreshToken: 'kepu.refreshToken',
  refreshTokenExpiresAt: 'kepu.refreshTokenExpiresAt',
  resident: 'kepu.resident',
  elderMode: 'kepu.elderMode',
  // The resident said 不用了 to the suggestion to turn 关怀模式 on: not suggested again on this phone.
  elderSuggestDismissed: 'kepu.elderSuggestDismissed',
  // Set after the resident deleted the account, so we do not silently create a new one.
  signedOut: 'kepu.signedOut',
  // Conditional-GET cache (utils/conditional.js): the index of cached URLs and the prefix of
  // one key per URL. Belongs to the signed-in resident: cleared when the session ends.
  conditionalIndex: 'kepu.etag.index',
  conditionalEntryPrefix: 'kepu.etag:',
};

function readExtConfig() {
  // Ext config exists only when the app is deployed through a third-party platform;
  // getExtConfigSync is missing or throws elsewhere, which simply means "no override".
  try {
    if (typeof wx.getExtConfigSync === 'function') {
      return wx.getExtConfigSync() || {};
    }
  } catch (e) {
    // ignore: no ext config
  }
  return {};
}

function stripTrailingSlash(url) {
  return url.replace(/\/+$/, '');
}

/**
 * develop | trial | release. A base library without getAccountInfoSync (older than 2.2.2) counts as
 * release: guessing "develop" there would send a resident's requests to 127.0.0.1.
 */
function envVersion() {
  try {
    if (typeof wx.getAccountInfoSync === 'function') {
      const version = ((wx.getAccountInfoSync() || {}).miniProgram || {}).envVersion;
      if (ENV_VERSIONS.indexOf(version) >= 0) return version;
    }
  } catch (e) {
    // fall through
  }
  return 'release';
}

/**
 * Base URL of the 科普云溪 API: the storage override (develop and trial only), then the third-party
 * platform's ext config, then app/env.js for this version.
 */
function apiBaseUrl() {
  const version = envVersion();
  let fromStorage = '';
  if (version !== 'release') {
    try {
      fromStorage = wx.getStorageSync(STORAGE_KEYS.apiBaseUrl) || '';
    } catch (e) {
      fromStorage = '';
    }
  }
  const fromExt = readExtConfig().apiBaseUrl || '';
  return stripTrailingSlash(fromStorage || fromExt || env.apiBaseUrls[version]);
}

module.exports = {
  DEFAULT_API_BASE_URL,
  envVersion,
  PRIVACY_POLICY_VERSION,
  STORAGE_KEYS,
  apiBaseUrl,
};
