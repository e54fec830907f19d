// 积分 (server: points/). Field names follow PointsBalance and PointsEntry.

const { call, query } = require('./call');

/** GET /me/points → {balance, today: [{reason, label, earned, cap}]}. */
function balance(options) {
  return call({ url: '/api/v1/me/points' }, options);
}

/** GET /me/points/history?page=&size= → a page of PointsEntry, newest first. */
function history(params, options) {
  return call({ url: '/api/v1/me/points/history', data: query(params) }, options);
}

module.exports = { balance, history };
