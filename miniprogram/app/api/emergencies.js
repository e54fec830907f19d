// 应急科普 (server: emergency/EmergencyController). Field names follow EmergencyViews (ActiveEmergencyView,
// EmergencySubscriptionView).

const { call } = require('./call');

/** GET /emergencies/active → [ActiveEmergencyView]: the running emergencies of the resident's place, read or not. */
function active(options) {
  return call({ url: '/api/v1/emergencies/active' }, options);
}

/** POST /emergencies/{id}/read → 204: the resident tapped 我知道了. */
function markRead(id, options) {
  return call({ url: `/api/v1/emergencies/${id}/read`, method: 'POST' }, options);
}

/** GET /emergencies/subscription → {templateId, remaining}; templateId null when messages are off. */
function subscription(options) {
  return call({ url: '/api/v1/emergencies/subscription' }, options);
}

/** POST /emergencies/subscription → {templateId, remaining}: the resident just accepted one more message. */
function subscribe(options) {
  return call({ url: '/api/v1/emergencies/subscription', method: 'POST' }, options);
}

module.exports = { active, markRead, subscription, subscribe };
