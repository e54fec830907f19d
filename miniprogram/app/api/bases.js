// 科普基地 (server: the science-base feature; BaseService.BaseView and CheckInView).

const { call, query } = require('./call');

/** GET /bases?lat=&lng=&type=&page=&size=: nearest first when a position is given, else by name. */
function list(params, options) {
  return call({ url: '/api/v1/bases', data: query(params) }, options);
}

/** GET /bases/{id} → BaseView. */
function detail(id, options) {
  return call({ url: `/api/v1/bases/${id}` }, options);
}

/** POST /bases/{id}/check-ins {latitude, longitude} → CheckInView; refused outside the base's range. */
function checkIn(id, position, options) {
  return call({ url: `/api/v1/bases/${id}/check-ins`, method: 'POST', data: position }, options);
}

module.exports = { list, detail, checkIn };
