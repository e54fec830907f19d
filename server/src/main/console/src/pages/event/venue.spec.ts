import { describe, expect, it } from 'vitest';

import { pickSession, renewalDelay, secondsLeft } from './venue';

const sessions = [
  { id: 1, seq: 1, startsAt: '2026-12-05T09:00:00+08:00', endsAt: '2026-12-05T11:00:00+08:00' },
  { id: 2, seq: 2, startsAt: '2026-12-06T09:00:00+08:00', endsAt: '2026-12-06T11:00:00+08:00' },
];
const at = (iso: string) => Date.parse(iso);

describe('the session the venue screen shows', () => {
  it('is the one open for check-in: from an hour before it starts until it ends', () => {
    expect(pickSession(sessions, at('2026-12-05T08:00:00+08:00'))?.id).toBe(1);
    expect(pickSession(sessions, at('2026-12-05T11:00:00+08:00'))?.id).toBe(1);
    expect(pickSession(sessions, at('2026-12-06T08:30:00+08:00'))?.id).toBe(2);
  });

  it('is otherwise the next one to open, and after the last one the last', () => {
    expect(pickSession(sessions, at('2026-12-01T00:00:00+08:00'))?.id).toBe(1);
    expect(pickSession(sessions, at('2026-12-05T12:00:00+08:00'))?.id).toBe(2);
    expect(pickSession(sessions, at('2026-12-09T00:00:00+08:00'))?.id).toBe(2);
    expect(pickSession([], 0)).toBeUndefined();
  });
});

describe('the code countdown', () => {
  it('counts the server\'s seconds down from when the code arrived, never below zero', () => {
    expect(secondsLeft(30, 1_000, 1_000)).toBe(30);
    expect(secondsLeft(30, 1_000, 1_400)).toBe(30);
    expect(secondsLeft(30, 1_000, 11_000)).toBe(20);
    expect(secondsLeft(7, 0, 6_100)).toBe(1);
    expect(secondsLeft(7, 0, 60_000)).toBe(0);
  });

  it('asks for the next code just after the server\'s window turns, and never in a tight loop', () => {
    expect(renewalDelay(30)).toBe(30_300);
    expect(renewalDelay(1)).toBe(1_300);
    expect(renewalDelay(0)).toBe(1_000);
  });
});
