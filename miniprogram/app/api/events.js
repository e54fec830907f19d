// 活动与培训 (server: event/EventController, NoticeTemplateController). Field names follow EventViews
// (EventSummaryView, EventView, SignupView, AttendanceView) and EventRequests.

const { call, query } = require('./call');
const { requestWithRetry } = require('../utils/request');

/** GET /events?page=&size=&kind=&past= → a page of EventSummaryView. */
function list(params, options) {
  return call({ url: '/api/v1/events', data: query(params) }, options);
}

/** GET /events/{id} → EventView (with formFields and mySignup). */
function detail(id, options) {
  return call({ url: `/api/v1/events/${id}` }, options);
}

/** POST /events/{id}/signups {form, subscribedTemplates?} → SignupView. */
function signup(id, body, options) {
  return call({ url: `/api/v1/events/${id}/signups`, method: 'POST', data: body }, options);
}

/** POST /events/{id}/proxy-signups {name, phone, populationGroup?, regionCode?, form} → SignupView. */
function proxySignup(id, body, options) {
  return call({ url: `/api/v1/events/${id}/proxy-signups`, method: 'POST', data: body }, options);
}

/** GET /me/signups?page=&size=. */
function mySignups(params, options) {
  return call({ url: '/api/v1/me/signups', data: query(params) }, options);
}

/** GET /me/proxy-signups?page=&size=: the signups made for others. */
function myProxySignups(params, options) {
  return call({ url: '/api/v1/me/proxy-signups', data: query(params) }, options);
}

/** GET /signups/{id} → SignupView (with the ticket once confirmed). */
function signupDetail(signupId, options) {
  return call({ url: `/api/v1/signups/${signupId}` }, options);
}

/** GET /signups/{id}/attendance → [MyAttendance]: check-in, check-out and 学时 per session. */
function signupAttendance(signupId, options) {
  return call({ url: `/api/v1/signups/${signupId}/attendance` }, options);
}

/** POST /signups/{id}/cancel → the cancelled SignupView. */
function cancel(signupId, options) {
  return call({ url: `/api/v1/signups/${signupId}/cancel`, method: 'POST' }, options);
}

/** POST /signups/claim {phone} → the claimed SignupViews. */
function claim(phone, options) {
  return call({ url: '/api/v1/signups/claim', method: 'POST', data: { phone } }, options);
}

/** GET /events/notice-templates → [{type, templateId}]. */
function noticeTemplates(options) {
  return call({ url: '/api/v1/events/notice-templates' }, options);
}

/** POST /events/notice-subscriptions {templates}. */
function subscribeNotices(templates, options) {
  return call({ url: '/api/v1/events/notice-subscriptions', method: 'POST', data: { templates } }, options);
}

/**
 * POST /checkins {token, latitude?, longitude?} → AttendanceView. Idempotent on the server, so it is
 * re-sent on network failure or 5xx with growing pauses (weak village networks); always silent.
 */
function checkin(body) {
  return requestWithRetry({ url: '/api/v1/checkins', method: 'POST', data: body });
}

/** GET /signups/{id}/certificate → TrainingCertificateView (issued the first time; 409 TRAINING_CERTIFICATE_NOT_EARNED). */
function trainingCertificate(signupId, options) {
  return call({ url: `/api/v1/signups/${signupId}/certificate` }, options);
}

/** GET /training-certificates/{no}: the public check of a training certificate number (no login). */
function verifyTrainingCertificate(verifyNo, options) {
  return call({ url: `/api/v1/training-certificates/${encodeURIComponent(verifyNo)}`, auth: false }, options);
}

/** POST /helper-checkins {token, latitude?, longitude?} → HelperCheckinView: an officer helping at the venue. */
function helperCheckin(body, options) {
  return call({ url: '/api/v1/helper-checkins', method: 'POST', data: body }, options);
}

module.exports = {
  helperCheckin,
  trainingCertificate,
  verifyTrainingCertificate,
  list,
  detail,
  signup,
  proxySignup,
  mySignups,
  myProxySignups,
  signupDetail,
  signupAttendance,
  cancel,
  claim,
  noticeTemplates,
  subscribeNotices,
  checkin,
};
