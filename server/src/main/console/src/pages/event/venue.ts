// The venue screen's timing: which session it shows, and when the rotating check-in code is due for renewal.
// The server says how many seconds its current code has left (`refreshAfterSeconds`), counted on the server's
// clock, so a projector PC whose own clock is wrong still renews on time.

export interface SessionTimes {
  id?: number;
  seq?: number;
  startsAt?: string;
  endsAt?: string;
}

/** Check-in opens this long before a session starts (the server's rule). */
export const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;

/** The session to show: the one open for check-in now, else the next to open, else the last. */
export function pickSession<T extends SessionTimes>(sessions: readonly T[], now: number): T | undefined {
  const timed = sessions.filter((s) => s.startsAt && s.endsAt);
  const open = timed.find((s) => now >= Date.parse(s.startsAt!) - CHECKIN_OPENS_BEFORE_MS && now <= Date.parse(s.endsAt!));
  if (open) return open;
  const next = timed.filter((s) => Date.parse(s.startsAt!) > now)
    .sort((a, b) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!))[0];
  return next ?? timed[timed.length - 1] ?? sessions[sessions.length - 1];
}

/** Whole seconds until the code shown should be replaced, given when it arrived. Never negative. */
export function secondsLeft(refreshAfterSeconds: number, receivedAt: number, now: number): number {
  return Math.max(0, Math.ceil(refreshAfterSeconds - (now - receivedAt) / 1000));
}

/**
 * Milliseconds to wait before asking for the next code: just after the server's window turns (a little margin, so
 * the answer is the new code and not the old one again), and never less than a second.
 */
export function renewalDelay(refreshAfterSeconds: number): number {
  return Math.max(1_000, refreshAfterSeconds * 1000 + 300);
}
