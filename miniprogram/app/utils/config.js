// Runtime configuration of the mini-program.
//
// The API base URL is resolved at call time (not at module load) so that a developer can
// point a running devtools session at another server with
//   wx.setStorageSync('kepu.apiBaseUrl', 'http://192.168.1.10:8080')
// and the next request uses it without recompiling.

const DEFAULT_API_BASE_URL = 'http://127.0.0.1:8080';

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

/** Base URL of the 科普云溪 API: storage override, then ext config, then the default. */
function apiBaseUrl() {
  let fromStorage = '';
  try {
    fromStorage = wx.getStorageSync(STORAGE_KEYS.apiBaseUrl) || '';
  } catch (e) {
    fromStorage = '';
  }
  const fromExt = readExtConfig().apiBaseUrl || '';
  return stripTrailingSlash(fromStorage || fromExt || DEFAULT_API_BASE_URL);
}

module.exports = {
  DEFAULT_API_BASE_URL,
  PRIVACY_POLICY_VERSION,
  STORAGE_KEYS,
  apiBaseUrl,
};
