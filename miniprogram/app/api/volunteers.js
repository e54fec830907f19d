// 科技志愿者 (server: volunteer/VolunteerController). Field names follow VolunteerRecords.

const { call, query } = require('./call');

/** GET /volunteers/me → the application and its review (404 VOLUNTEER_NOT_FOUND before applying). */
function mine(options) {
  return call({ url: '/api/v1/volunteers/me' }, options);
}

/** POST /volunteers/me {realName, skills, regionCode, availability}. */
function apply(body, options) {
  return call({ url: '/api/v1/volunteers/me', method: 'POST', data: body }, options);
}

/** GET /volunteers/me/certificate: 404 not a volunteer, 409 not approved yet. */
function certificate(options) {
  return call({ url: '/api/v1/volunteers/me/certificate' }, options);
}

/** GET /volunteers/me/services?page=&size=. */
function services(params, options) {
  return call({ url: '/api/v1/volunteers/me/services', data: query(params) }, options);
}

module.exports = { mine, apply, certificate, services };
