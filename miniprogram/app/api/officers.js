// 科普信息员 / 科普宣传员 (server: officer/OfficerController). Field names follow
// OfficerService.OfficerView and ReachView, OfficerReach.ReachByVillage and OfficerShareCodes.ShareCode.

const { call } = require('./call');

/** GET /officers/me → every application of the resident (one per role), with its status. */
function mine(options) {
  return call({ url: '/api/v1/officers/me' }, options);
}

/** POST /officers/applications {role, regionCode, realName, phone, motivation?} → OfficerView (PENDING). */
function apply(body, options) {
  return call({ url: '/api/v1/officers/applications', method: 'POST', data: body }, options);
}

/** GET /officers/me/reach → {officerId, shares, activities, reachedResidents, lastActiveOn, active, activeDays}; 404 NOT_OFFICER before approval. */
function reach(options) {
  return call({ url: '/api/v1/officers/me/reach' }, options);
}

/** GET /officers/me/reach/villages → {opens, reachedResidents, villages: [{regionCode, regionName, townName, residents}]}, most reached first. */
function reachByVillage(options) {
  return call({ url: '/api/v1/officers/me/reach/villages' }, options);
}

/** POST /officers/me/share-codes {contentId, shareToken} → {key, url}: the poster's mini-program code (PNG). */
function shareCode(contentId, shareToken, options) {
  return call({ url: '/api/v1/officers/me/share-codes', method: 'POST', data: { contentId, shareToken } }, options);
}

module.exports = { mine, apply, reach, reachByVillage, shareCode };
