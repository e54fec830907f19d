// One-time subscribe messages for events (活动提醒, 候补成功, 活动变更). The template ids are
// configured on the server only, so pages fetch them (GET /api/v1/events/notice-templates)
// before the resident taps; wx.requestSubscribeMessage must then be called straight from the
// tap, because WeChat refuses it once an await on the network has come in between.
// Nothing here ever rejects: a refusal, a ban or an old base library must not block a signup.

const events = require('../api/events');

/** The configured templates `[{type, templateId}]`; an empty list when unknown or unreachable. */
async function loadTemplates() {
  try {
    const list = await events.noticeTemplates({ silent: true });
    return Array.isArray(list) ? list.filter((t) => t && t.type && t.templateId) : [];
  } catch (err) {
    return [];
  }
}

/**
 * Asks the resident to accept the templates; resolves to the accepted types (e.g. ['REMINDER']).
 * Call it synchronously from a tap handler, before any await.
 */
function ask(templates) {
  const list = templates || [];
  if (!list.length || typeof wx.requestSubscribeMessage !== 'function') return Promise.resolve([]);
  return new Promise((resolve) => {
    try {
      wx.requestSubscribeMessage({
        tmplIds: list.map((t) => t.templateId),
        success: (res) => resolve(list.filter((t) => res && res[t.templateId] === 'accept').map((t) => t.type)),
        // Declined the whole dialog, turned subscriptions off in settings, or no tap gesture.
        fail: () => resolve([]),
      });
    } catch (err) {
      resolve([]);
    }
  });
}

module.exports = { loadTemplates, ask };
