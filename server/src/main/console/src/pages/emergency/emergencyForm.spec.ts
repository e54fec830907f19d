import { describe, expect, it } from 'vitest';

import { deliverySummary, endsAt, targetBody, targetingProblem, targetSummary } from './emergencyForm';

describe('endsAt', () => {
  it('adds the chosen hours to now, to the second', () => {
    expect(endsAt(6, new Date('2026-07-01T02:00:00.456Z'))).toBe('2026-07-01T08:00:00Z');
  });
});

describe('targeting', () => {
  it('asks for a place unless the whole district is chosen', () => {
    expect(targetingProblem({ wholeDistrict: false, regionCodes: [] })).toContain('请选择');
    expect(targetingProblem({ wholeDistrict: true, regionCodes: [] })).toBe('');
    expect(targetingProblem({ wholeDistrict: false, regionCodes: ['430603100'] })).toBe('');
  });

  it('sends no places with the whole district', () => {
    expect(targetBody({ wholeDistrict: true, regionCodes: ['430603100'] })).toEqual({ wholeDistrict: true, regionCodes: [] });
  });

  it('names the places', () => {
    expect(targetSummary({ wholeDistrict: false, targets: [{ name: '陆城镇' }, { name: '路口样例村1' }] })).toBe('陆城镇、路口样例村1');
    expect(targetSummary({ wholeDistrict: true, targets: [] })).toBe('全区');
  });
});

describe('deliverySummary', () => {
  it('reads sent, no quota, refused and read, and failures only when there are some', () => {
    expect(deliverySummary({ pending: 0, sent: 3, noQuota: 2, refused: 1, failed: 0, read: 4 }))
      .toBe('已送达 3 · 无订阅次数 2 · 拒收 1 · 已读 4');
    expect(deliverySummary({ sent: 1, failed: 2, pending: 1 })).toContain('失败 2');
  });
});
