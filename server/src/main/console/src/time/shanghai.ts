// Every time staff pick or read is Shanghai time, whatever zone the browser's computer is set to (a laptop on a
// trip, a misconfigured office PC). China has kept +08:00 all year since 1991, so the conversion is a fixed offset.
// Pickers hold a wall-clock string ("2026-12-05 09:00:00", which the picker never reinterprets); the API gets ISO
// instants that say +08:00 explicitly.

const OFFSET_MS = 8 * 3_600_000;
const WALL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The picker's value format (dayjs tokens). */
export const WALL_FORMAT = 'YYYY-MM-DD HH:mm:ss';

/** Epoch ms (or an ISO instant) as Shanghai wall-clock time, "YYYY-MM-DD HH:mm:ss". */
export function toShanghaiWall(value: number | string | null | undefined): string | undefined {
  const ms = typeof value === 'string' ? Date.parse(value) : value;
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return undefined;
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** A Shanghai wall-clock time ("YYYY-MM-DD HH:mm[:ss]") as epoch ms; undefined when it is not one. */
export function fromShanghaiWall(wall: unknown): number | undefined {
  if (typeof wall !== 'string') return undefined;
  const m = WALL.exec(wall.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) - OFFSET_MS;
}

/** Epoch ms as the ISO instant the API is sent: "2026-12-05T09:00:00+08:00". */
export function toShanghaiIso(value: number | null | undefined): string | undefined {
  const wall = toShanghaiWall(value);
  return wall ? `${wall.replace(' ', 'T')}+08:00` : undefined;
}
