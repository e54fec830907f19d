// 组织者模式 (server: event/OrganiserController, /api/v1/organiser). The resident's WeChat login is
// bound to a staff account; the server checks that binding and the account's unit on every call.
// Field names follow EventViews (VenueCodeView, AttendanceView, Roster, WalkInView) and
// OrganiserBindingService.BindingView.

const { call, query } = require('./call');

const BASE = '/api/v1/organiser';

/** GET /binding → BindingView; 403 NOT_AN_ORGANISER when this WeChat is not bound. */
function binding(options) {
  return call({ url: `${BASE}/binding` }, options);
}

/** POST /binding {username, password} → BindingView. */
function bind(username, password, options) {
  return call({ url: `${BASE}/binding`, method: 'POST', data: { username, password } }, options);
}

/** DELETE /binding. */
function unbind(options) {
  return call({ url: `${BASE}/binding`, method: 'DELETE' }, options);
}

/** GET /events?page=&size= → a page of EventSummaryView the account may run. */
function events(params, options) {
  return call({ url: `${BASE}/events`, data: query(params) }, options);
}

/** GET /events/{id} → EventView (with sessions). */
function event(id, options) {
  return call({ url: `${BASE}/events/${id}` }, options);
}

/** GET /events/{id}/sessions/{sid}/venue-code?purpose=IN|OUT → VenueCodeView. */
function venueCode(eventId, sessionId, purpose, options) {
  return call({ url: `${BASE}/events/${eventId}/sessions/${sessionId}/venue-code`, data: { purpose } }, options);
}

/** POST /events/{id}/tickets {ticket, purpose, sessionId?} → AttendanceView. */
function scanTicket(eventId, body, options) {
  return call({ url: `${BASE}/events/${eventId}/tickets`, method: 'POST', data: body }, options);
}

/** GET /events/{id}/roster → Roster. */
function roster(eventId, options) {
  return call({ url: `${BASE}/events/${eventId}/roster` }, options);
}

/** POST /events/{id}/sessions/{sid}/ticks {signupId, purpose} → AttendanceView. */
function tick(eventId, sessionId, body, options) {
  return call({ url: `${BASE}/events/${eventId}/sessions/${sessionId}/ticks`, method: 'POST', data: body }, options);
}

/** POST /events/{id}/walk-ins {person: {name, phone, regionCode?, populationGroup?, birthYear?}, sessionId?}. */
function walkIn(eventId, body, options) {
  return call({ url: `${BASE}/events/${eventId}/walk-ins`, method: 'POST', data: body }, options);
}

/**
 * POST /events/{id}/sync {ops: [{opId, kind, ticket?, signupId?, sessionId, purpose, at}]} →
 * [{opId, outcome: APPLIED|CONFLICT|REFUSED, duplicate, code, detail, attendance}].
 */
function sync(eventId, ops, options) {
  return call({ url: `${BASE}/events/${eventId}/sync`, method: 'POST', data: { ops } }, options);
}

/**
 * GET /events/{id}/helpers → [HelperView {id, sessionId, name, roleLabel, checkInAt, locationVerified,
 * presenceConfirmed, confirmable}]: officers who checked in as helpers.
 */
function helpers(eventId, options) {
  return call({ url: `${BASE}/events/${eventId}/helpers` }, options);
}

/** POST /events/{id}/helpers/{hid}/confirm → HelperView: an unverified helper check-in now counts. */
function confirmHelper(eventId, helperId, options) {
  return call({ url: `${BASE}/events/${eventId}/helpers/${helperId}/confirm`, method: 'POST' }, options);
}

/** GET /ticket-keys → {keys: [{kid, algorithm: 'Ed25519', publicKey}]}: verifies signed tickets offline. */
function ticketKeys(options) {
  return call({ url: `${BASE}/ticket-keys` }, options);
}

module.exports = { binding, bind, unbind, events, event, venueCode, scanTicket, roster, tick, walkIn, sync, ticketKeys,
  helpers, confirmHelper };
