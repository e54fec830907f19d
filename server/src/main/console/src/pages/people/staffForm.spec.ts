import { describe, expect, it } from 'vitest';

import type { StaffView } from '@/auth/roles';
import { assignableRoles, canEdit, canManage, createRequest, oneTimePassword, unitsForRole } from './staffForm';

const district = { id: 1, username: 'admin', displayName: '区', role: 'DISTRICT_ADMIN', roleLabel: '区级管理员',
  status: 'ACTIVE', mustChangePassword: false } as StaffView;
const unitAdmin = { ...district, id: 2, role: 'UNIT_ADMIN', unitId: 7 } as StaffView;

const units = [
  { label: '区科协', value: '7', kind: 'DEPARTMENT' },
  { label: '陆城镇', value: '30', kind: 'TOWN' },
  { label: '高新区', value: '9', kind: 'PARK' },
];

describe('assignableRoles', () => {
  it('lets the district admin give any role and others only organiser', () => {
    expect(assignableRoles(district)).toHaveLength(4);
    expect(assignableRoles(unitAdmin)).toEqual(['ORGANISER']);
    expect(assignableRoles(null)).toEqual([]);
  });
});

describe('unitsForRole', () => {
  it('offers towns to a town admin, the other units to a unit admin, none to a district admin', () => {
    expect(unitsForRole('TOWN_ADMIN', units).map((u) => u.label)).toEqual(['陆城镇']);
    expect(unitsForRole('UNIT_ADMIN', units).map((u) => u.label)).toEqual(['区科协', '高新区']);
    expect(unitsForRole('ORGANISER', units)).toHaveLength(3);
    expect(unitsForRole('DISTRICT_ADMIN', units)).toEqual([]);
  });
});

describe('createRequest', () => {
  const form = { username: ' wang ', displayName: ' 王 ', role: 'TOWN_ADMIN' as const, unitId: '30', password: 'Abcdefgh23jk' };

  it('sends the chosen unit as a number and trims names', () => {
    expect(createRequest(form, district)).toEqual({ username: 'wang', displayName: '王', role: 'TOWN_ADMIN', unitId: 30,
      password: 'Abcdefgh23jk' });
  });

  it('sends no unit for a district admin account', () => {
    expect(createRequest({ ...form, role: 'DISTRICT_ADMIN' }, district).unitId).toBeUndefined();
  });

  it('puts a unit admin\'s organisers in their own unit whatever the form says', () => {
    expect(createRequest({ ...form, role: 'ORGANISER', unitId: '30' }, unitAdmin).unitId).toBe(7);
  });
});

describe('canEdit and canManage', () => {
  it('never offers actions on one\'s own account', () => {
    expect(canEdit(district, { id: 1 })).toBe(false);
    expect(canManage(district, { id: 1 })).toBe(false);
  });

  it('lets a unit admin manage only their own unit\'s organisers', () => {
    expect(canManage(unitAdmin, { id: 5, role: 'ORGANISER', unitId: 7 })).toBe(true);
    expect(canManage(unitAdmin, { id: 5, role: 'ORGANISER', unitId: 8 })).toBe(false);
    expect(canManage(unitAdmin, { id: 5, role: 'UNIT_ADMIN', unitId: 7 })).toBe(false);
    expect(canEdit(unitAdmin, { id: 5 })).toBe(false);
  });
});

describe('oneTimePassword', () => {
  it('is 12 unambiguous characters with a capital, a small letter and a digit', () => {
    for (let i = 0; i < 50; i++) {
      const password = oneTimePassword();
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
    }
  });

  it('draws again when a draw lacks a kind of character', () => {
    let call = 0;
    const password = oneTimePassword((buffer) => {
      call++;
      // first draw: all 'A'; second: A, a, 2 repeated
      buffer.forEach((_, i) => (buffer[i] = call === 1 ? 0 : [0, 24, 48][i % 3]));
      return buffer;
    });
    expect(call).toBe(2);
    expect(password).toBe('Aa2Aa2Aa2Aa2');
  });
});
