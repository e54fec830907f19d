import { describe, expect, it } from 'vitest';

import {
  describeSeatChange, emptyForm, fromView, newField, nextFieldKey, orderedSessions, toRequest, tomorrowMorning,
  type EventView,
} from './eventForm';

const at = (iso: string) => Date.parse(iso);

describe('a new event form', () => {
  it('starts tomorrow at 09:00 Shanghai time, whatever the time zone of the browser', () => {
    // 15:39 in Shanghai → 09:00 the next day
    expect(new Date(tomorrowMorning(at('2026-12-03T07:39:00Z'))).toISOString()).toBe('2026-12-04T01:00:00.000Z');
    // 01:00 on the 4th in Shanghai (still the 3rd in UTC) → 09:00 on the 5th
    expect(new Date(tomorrowMorning(at('2026-12-03T17:00:00Z'))).toISOString()).toBe('2026-12-05T01:00:00.000Z');
  });

  it('has one two-hour session and signup open from now until the session starts', () => {
    const now = at('2026-12-03T07:39:27Z');
    const form = emptyForm(now);
    expect(form.sessions).toHaveLength(1);
    expect(form.sessions[0].endsAt! - form.sessions[0].startsAt!).toBe(2 * 3_600_000);
    expect(form.signupOpensAt).toBe(at('2026-12-03T07:39:00Z'));
    expect(form.signupClosesAt).toBe(form.sessions[0].startsAt);
    expect(form.waitlistEnabled).toBe(true);
    expect(form.minAttendancePercent).toBe(60);
  });
});

describe('the request', () => {
  const view: EventView = {
    id: 7, kind: 'LECTURE', status: 'PUBLISHED', title: '智慧助老课堂', description: '', organiserUnitId: 3,
    venue: { name: '社区活动室', address: '长岭街道', latitude: 29.47, longitude: 113.27, checkinRadiusM: 300 },
    sessions: [
      { id: 1, seq: 1, startsAt: '2026-12-05T09:00:00+08:00', endsAt: '2026-12-05T11:00:00+08:00', hours: 2 },
      { id: 2, seq: 2, startsAt: '2026-12-06T09:00:00+08:00', endsAt: '2026-12-06T10:30:00+08:00', hours: 1.5 },
    ],
    signupOpensAt: '2026-12-01T08:00:00+08:00', signupClosesAt: '2026-12-05T08:00:00+08:00',
    cancelDeadline: '2026-12-04T20:00:00+08:00', capacity: 40, taken: 12, waitlistEnabled: false,
    eligibility: { groups: ['ELDERLY'], regions: ['430603100'], minAge: 60, maxAge: undefined, volunteersOnly: false },
    formFields: [{ key: 'phone', label: '子女电话', type: 'PHONE', required: false, options: [] }],
    indicatorCodes: ['SMART_ELDERLY'], minAttendancePercent: 80,
  } as unknown as EventView;

  it('says again what a saved event says (nothing is lost by opening and saving)', () => {
    const request = toRequest(fromView(view));
    expect(request).toMatchObject({
      kind: 'LECTURE', title: '智慧助老课堂', organiserUnitId: 3, venueName: '社区活动室', venueAddress: '长岭街道',
      latitude: 29.47, longitude: 113.27, checkinRadiusM: 300, capacity: 40, waitlistEnabled: false,
      eligibleGroups: ['ELDERLY'], eligibleRegions: ['430603100'], minAge: 60, maxAge: undefined,
      indicatorCodes: ['SMART_ELDERLY'], minAttendancePercent: 80,
    });
    expect(request.description).toBeUndefined();
    expect(request.sessions.map((s) => [s.startsAt, s.endsAt, s.hours])).toEqual([
      ['2026-12-05T09:00:00+08:00', '2026-12-05T11:00:00+08:00', 2],
      ['2026-12-06T09:00:00+08:00', '2026-12-06T10:30:00+08:00', 1.5],
    ]);
    expect(request.signupOpensAt).toBe('2026-12-01T08:00:00+08:00');
    expect(request.cancelDeadline).toBe('2026-12-04T20:00:00+08:00');
    expect(request.formFields).toEqual([{ key: 'phone', label: '子女电话', type: 'PHONE', required: false, options: [],
      min: undefined, max: undefined, maxLength: undefined }]);
    expect(request.confirmSeatWithdrawal).toBeUndefined();
    expect(toRequest(fromView(view), true).confirmSeatWithdrawal).toBe(true);
  });

  it('orders sessions as the server checks them, so its errors (sessions[i]) land beside the row shown i-th', () => {
    const rows = [{ startsAt: 300 }, { startsAt: undefined, endsAt: 5 }, { startsAt: 100 }, { startsAt: 200 }];
    expect(orderedSessions(rows).map((r) => r.startsAt)).toEqual([100, 200, 300, undefined]);
    const form = { ...emptyForm(at('2026-12-03T00:00:00Z')), sessions: [{ startsAt: 2000, endsAt: 3000 }, { startsAt: 0, endsAt: 1000 }] };
    expect(toRequest(form).sessions.map((s) => s.startsAt)).toEqual(['1970-01-01T08:00:00+08:00', '1970-01-01T08:00:02+08:00']);
  });

  it('sends only what each kind of question uses', () => {
    const form = emptyForm(0);
    form.formFields = [
      { key: 'f1', label: '作物', type: 'TEXT', required: true, options: ['留下的'], min: 1, max: 2, maxLength: 50 },
      { key: 'f2', label: '亩数', type: 'NUMBER', required: false, options: ['x'], min: 0, max: 500, maxLength: 9 },
      { key: 'f3', label: '品种', type: 'MULTI_SELECT', required: false, options: ['早稻', '晚稻'], min: 1, maxLength: 9 },
    ];
    expect(toRequest(form).formFields).toEqual([
      { key: 'f1', label: '作物', type: 'TEXT', required: true, options: [], min: undefined, max: undefined, maxLength: 50 },
      { key: 'f2', label: '亩数', type: 'NUMBER', required: false, options: [], min: 0, max: 500, maxLength: undefined },
      { key: 'f3', label: '品种', type: 'MULTI_SELECT', required: false, options: ['早稻', '晚稻'], min: undefined, max: undefined, maxLength: undefined },
    ]);
  });

  it('gives new questions a key no other question of the form has', () => {
    expect(nextFieldKey([])).toBe('f1');
    const fields = [newField([]), { ...newField([]), key: 'f2' }];
    expect(nextFieldKey(fields)).toBe('f3');
    expect(nextFieldKey([{ ...newField([]), key: 'f2' }])).toBe('f3');
    expect(newField(fields)).toMatchObject({ key: 'f3', type: 'TEXT', required: false, options: [] });
  });
});

describe('what an edit did to seats', () => {
  it('tells how many seats were taken back and what became of their holders', () => {
    expect(describeSeatChange({ withdrawn: 3, waitlisted: 3, cancelled: 0, promoted: 0 })).toBe('收回 3 个名额（3 人转入候补），已通知他们');
    expect(describeSeatChange({ withdrawn: 2, waitlisted: 0, cancelled: 2, promoted: 0 })).toBe('收回 2 个名额（2 人的报名取消），已通知他们');
    expect(describeSeatChange({ withdrawn: 0, waitlisted: 0, cancelled: 0, promoted: 4 })).toBe('候补递补 4 人');
    expect(describeSeatChange({ withdrawn: 0, waitlisted: 0, cancelled: 0, promoted: 0 })).toBe('');
    expect(describeSeatChange(undefined)).toBe('');
  });
});
