// Which session of an event the organiser is working on: the one open for check-in now (from an hour
// before it starts to its end), else the next to come, else the last. Same window as the server's.

const organiser = require('../api/organiser');

const EARLY_MS = 60 * 60 * 1000;

function pickSession(sessions, now) {
  const list = (sessions || []).slice().sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  if (!list.length) return null;
  const t = now === undefined ? Date.now() : now;
  const open = list.find((s) => t >= Date.parse(s.startsAt) - EARLY_MS && t < Date.parse(s.endsAt));
  if (open) return open;
  const next = list.find((s) => Date.parse(s.startsAt) > t);
  return next || list[list.length - 1];
}

/** The organiser's event and the session to work on (see pickSession). */
async function eventAndSession(eventId) {
  const event = await organiser.event(eventId);
  return { event, session: pickSession(event.sessions) };
}

module.exports = { pickSession, eventAndSession };
