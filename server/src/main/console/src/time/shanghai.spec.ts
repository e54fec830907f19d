import { describe, expect, it } from 'vitest';

import { fromShanghaiWall, toShanghaiIso, toShanghaiWall } from './shanghai';

describe('Shanghai time', () => {
  const nine = Date.parse('2026-12-05T01:00:00Z'); // 09:00 in Shanghai

  it('shows an instant as Shanghai wall-clock time', () => {
    expect(toShanghaiWall(nine)).toBe('2026-12-05 09:00:00');
    expect(toShanghaiWall('2026-12-05T09:00:00+08:00')).toBe('2026-12-05 09:00:00');
    expect(toShanghaiWall('2026-12-04T20:30:00-05:00')).toBe('2026-12-05 09:30:00');
    expect(toShanghaiWall(Date.parse('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30:00');
    expect(toShanghaiWall(undefined)).toBeUndefined();
    expect(toShanghaiWall('not a time')).toBeUndefined();
  });

  it('reads a picked wall-clock time as Shanghai time and sends it with +08:00', () => {
    expect(fromShanghaiWall('2026-12-05 09:00:00')).toBe(nine);
    expect(fromShanghaiWall('2026-12-05 09:00')).toBe(nine);
    expect(fromShanghaiWall('')).toBeUndefined();
    expect(fromShanghaiWall(1234)).toBeUndefined();
    expect(toShanghaiIso(nine)).toBe('2026-12-05T09:00:00+08:00');
    expect(toShanghaiIso(fromShanghaiWall('2027-01-01 00:30'))).toBe('2027-01-01T00:30:00+08:00');
    expect(toShanghaiIso(undefined)).toBeUndefined();
  });

  it('does not depend on the zone the test runs in', () => {
    // the helpers use only UTC arithmetic: a round trip gives back the same wall-clock time
    for (const wall of ['2026-03-29 02:30:00', '2026-10-25 02:30:00', '2026-06-01 00:00:00']) {
      expect(toShanghaiWall(fromShanghaiWall(wall))).toBe(wall);
    }
  });
});
