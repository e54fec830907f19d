// 我的: the resident's own profile, phone, data export and account deletion (server: resident/MeController).
// Every function returns request()'s promise; `options` passes silent / conditional through.

const { call } = require('./call');

/** GET /me → MeView. */
function get(options) {
  return call({ url: '/api/v1/me' }, options);
}

/** PATCH /me with some of nickname, avatarKey, regionCode, populationGroup, birthYear, elderMode, privacyPolicyVersion. */
function update(changes, options) {
  return call({ url: '/api/v1/me', method: 'PATCH', data: changes }, options);
}

/** POST /me/phone with the code of a getPhoneNumber button → MeView. */
function bindPhone(code, options) {
  return call({ url: '/api/v1/me/phone', method: 'POST', data: { code } }, options);
}

/** GET /me/export → {exportedAt, profile, sections}. */
function exportData(options) {
  return call({ url: '/api/v1/me/export' }, options);
}

/** DELETE /me: deletes the account (204). */
function remove(options) {
  return call({ url: '/api/v1/me', method: 'DELETE' }, options);
}

module.exports = { get, update, bindPhone, exportData, remove };
