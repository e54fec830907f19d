import { describe, expect, it } from 'vitest';

import type { StaffView } from '@/auth/roles';
import {
  canEnterBaseline, canEnterFigure, canReviewEntry, entryProblems, figureFor, monthsUpTo, quarterOf, quartersUpTo,
  reportProblems, reviewBlocker, taskUnitProblems, yearsOf, type Figure,
} from './planRules';

function staff(role: StaffView['role'], id = 7, unitId?: number): StaffView {
  return { id, username: 'u', displayName: '某人', role, roleLabel: '', status: 'ACTIVE', mustChangePassword: false, unitId: unitId ?? null, unitName: '', unitKind: '', lastLoginAt: '' };
}

const manual = { measure: 'MANUAL', leadUnitId: 3 } as Figure;

describe('who may enter and review figures', () => {
  it('lets the lead unit and the district enter a manual figure, nobody a computed one', () => {
    expect(canEnterFigure(manual, staff('UNIT_ADMIN', 1, 3))).toBe(true);
    expect(canEnterFigure(manual, staff('UNIT_ADMIN', 1, 4))).toBe(false);
    expect(canEnterFigure(manual, staff('ORGANISER', 1, 3))).toBe(false);
    expect(canEnterFigure(manual, staff('DISTRICT_ADMIN'))).toBe(true);
    expect(canEnterFigure({ measure: 'PERSON_TIMES', leadUnitId: 3 } as Figure, staff('DISTRICT_ADMIN'))).toBe(false);
    expect(canEnterFigure(manual, null)).toBe(false);
  });

  it('offers a baseline only where the target window takes one', () => {
    const window = { leadUnitId: 3, targetWindow: { takesBaseline: true } } as Figure;
    expect(canEnterBaseline(window, staff('UNIT_ADMIN', 1, 3))).toBe(true);
    expect(canEnterBaseline({ ...window, targetWindow: { takesBaseline: false } } as Figure, staff('DISTRICT_ADMIN'))).toBe(false);
    expect(canEnterBaseline({ leadUnitId: 3 } as Figure, staff('DISTRICT_ADMIN'))).toBe(false);
  });

  it('lets a district admin review an entry waiting for review, never their own', () => {
    const entry = { status: 'SUBMITTED', submittedBy: 9 };
    expect(canReviewEntry(entry, staff('DISTRICT_ADMIN', 7))).toBe(true);
    expect(canReviewEntry(entry, staff('DISTRICT_ADMIN', 9))).toBe(false);
    expect(reviewBlocker(entry, staff('DISTRICT_ADMIN', 9))).toContain('另一位区级管理员');
    expect(canReviewEntry(entry, staff('UNIT_ADMIN', 7, 3))).toBe(false);
    expect(reviewBlocker(entry, staff('UNIT_ADMIN', 7, 3))).toBe('等待区级管理员审核');
    expect(canReviewEntry({ status: 'APPROVED', submittedBy: 9 }, staff('DISTRICT_ADMIN', 7))).toBe(false);
    expect(reviewBlocker({ status: 'APPROVED', submittedBy: 9 }, staff('DISTRICT_ADMIN', 9))).toBeNull();
  });
});

describe('quarters and months', () => {
  it('names the quarter of a day', () => {
    expect(quarterOf(new Date(2025, 0, 1))).toBe('2025-Q1');
    expect(quarterOf(new Date(2025, 5, 30))).toBe('2025-Q2');
    expect(quarterOf(new Date(2025, 11, 31))).toBe('2025-Q4');
  });

  it('lists the quarters of the plan up to today, newest first, never past the plan', () => {
    expect(quartersUpTo('2022-01-01', '2025-12-31', new Date(2022, 7, 15))).toEqual(['2022-Q3', '2022-Q2', '2022-Q1']);
    const all = quartersUpTo('2022-01-01', '2025-12-31', new Date(2027, 0, 1));
    expect(all).toHaveLength(16);
    expect(all[0]).toBe('2025-Q4');
    expect(quartersUpTo('2026-01-01', '2030-12-31', new Date(2025, 5, 1))).toEqual([]);
  });

  it('lists the months a snapshot may be taken for', () => {
    expect(monthsUpTo('2025-10-01', new Date(2026, 0, 20))).toEqual(['2026-01', '2025-12', '2025-11', '2025-10']);
  });
});

describe('figures by year', () => {
  const yearly = {
    value: 120, percentOfTarget: 40, elapsedPercent: 45, status: 'BEHIND', windowStart: '2025-01-01',
    years: [
      { year: 2024, value: 320, percentOfTarget: 106.7, elapsedPercent: 100, status: 'DONE', phase: 'PAST', met: true },
      { year: 2025, value: 120, percentOfTarget: 40, elapsedPercent: 45, status: 'BEHIND', phase: 'CURRENT', met: false },
      { year: 2026, value: 0, percentOfTarget: 0, phase: 'FUTURE', met: false },
    ],
  } as unknown as Figure;
  const period = { value: 900, percentOfTarget: 22.5, elapsedPercent: 86, status: 'BEHIND', years: null } as unknown as Figure;
  const window = {
    ...period,
    targetWindow: { name: '“十四五”期间', start: '2021-01-01', end: '2025-12-31', takesBaseline: true },
  } as unknown as Figure;

  it('collects the years that have figures of their own', () => {
    expect(yearsOf([period, yearly])).toEqual([2024, 2025, 2026]);
  });

  it('reads a per-year target for the chosen year and leaves a future year without a status', () => {
    expect(figureFor(yearly, 2024)).toMatchObject({ value: 320, status: 'DONE', window: '2024 年' });
    expect(figureFor(yearly, 2026).status).toBeNull();
    expect(figureFor(yearly, null)).toMatchObject({ value: 120, window: '2025 年（当年）' });
  });

  it('keeps whole-period and “十四五” figures as they stand, naming their window', () => {
    expect(figureFor(period, 2024)).toMatchObject({ value: 900, window: '规划期' });
    expect(figureFor(window, null).window).toBe('“十四五”期间（2021—2025）');
  });
});

describe('form checks', () => {
  const ok = { asOf: '2025-05-31', value: '2', note: '', evidenceKeys: ['s/1/evidence/a.pdf'] };

  it('accepts a complete manual entry', () => {
    expect(entryProblems(ok, {})).toEqual({});
  });

  it('names each missing or wrong field of a manual entry', () => {
    expect(entryProblems({ asOf: '', value: '', note: '', evidenceKeys: [] }, {}))
      .toEqual({ asOf: '请填写数据截止日期', value: '请填写数值', evidenceKeys: '请附上佐证材料' });
    expect(entryProblems({ ...ok, value: '-1' }, {}).value).toBe('数值不能为负');
    expect(entryProblems({ ...ok, value: 'abc' }, {}).value).toBe('数值须为数字');
    expect(entryProblems({ ...ok, value: '100.5' }, { unit: '%' }).value).toBe('百分比不能超过 100');
    expect(entryProblems({ ...ok, value: '100' }, { unit: '%' })).toEqual({});
    expect(entryProblems({ ...ok, value: '1.234' }, {}).value).toBe('最多保留两位小数');
  });

  it('wants a whole number and no date for a baseline', () => {
    expect(entryProblems({ ...ok, asOf: '', value: '12.5' }, { baseline: true })).toEqual({ value: '人数、人次须为整数' });
    expect(entryProblems({ ...ok, asOf: '', value: '12' }, { baseline: true })).toEqual({});
  });

  it('wants progress in a quarterly report', () => {
    expect(reportProblems({ progress: '  ', figures: '', evidenceKeys: [] })).toEqual({ progress: '请填写工作进展' });
    expect(reportProblems({ progress: '举办培训 3 场', figures: '', evidenceKeys: [] })).toEqual({});
  });

  it('wants a lead unit, no unit in both lists and a reason when units change', () => {
    expect(taskUnitProblems([], [], '')).toEqual({ leadUnitIds: '请至少指定一个牵头单位', reason: '请写明调整原因' });
    expect(taskUnitProblems([1], [1, 2], '调整')).toEqual({ participantUnitIds: '同一单位不能既牵头又参加' });
    expect(taskUnitProblems([1], [2], '机构改革')).toEqual({});
  });
});
