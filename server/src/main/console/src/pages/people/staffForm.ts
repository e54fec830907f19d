// The rules of the staff account forms, as the server applies them (staff/StaffAdminService): which roles a caller
// may give, which units fit a role, and the one-time passwords the console proposes.
import type { StaffRole, StaffView } from '@/auth/roles';

export interface UnitOption {
  label: string;
  value: string;
  kind?: string;
}

/** Roles the caller may give an account: the district admin any, a unit or town admin only organisers. */
export function assignableRoles(actor: StaffView | null): StaffRole[] {
  if (!actor) return [];
  return actor.role === 'DISTRICT_ADMIN' ? ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER'] : ['ORGANISER'];
}

/** Units that fit a role: a town admin belongs to a town, a unit admin to a department; organisers anywhere. */
export function unitsForRole(role: StaffRole | undefined, units: UnitOption[]): UnitOption[] {
  if (role === 'DISTRICT_ADMIN' || role === undefined) return [];
  if (role === 'TOWN_ADMIN') return units.filter((u) => u.kind === 'TOWN');
  if (role === 'UNIT_ADMIN') return units.filter((u) => u.kind !== 'TOWN');
  return units;
}

/** Whether the caller's console offers changing the account's role and unit (the district admin, not their own). */
export function canEdit(actor: StaffView | null, account: { id?: number }): boolean {
  return actor?.role === 'DISTRICT_ADMIN' && account.id !== actor.id;
}

/** Disable, enable, reset the password: everyone the caller manages except themselves. */
export function canManage(actor: StaffView | null, account: { id?: number; role?: string; unitId?: number | null }): boolean {
  if (!actor || account.id === actor.id) return false;
  if (actor.role === 'DISTRICT_ADMIN') return true;
  return account.role === 'ORGANISER' && account.unitId != null && account.unitId === actor.unitId;
}

export interface StaffFormValues {
  username: string;
  displayName: string;
  role: StaffRole | undefined;
  unitId: string | undefined;
  password: string;
}

/** The body of POST /staff: a district admin has no unit; a unit or town admin's organisers go to their own unit. */
export function createRequest(form: StaffFormValues, actor: StaffView | null) {
  const unitId = form.role === 'DISTRICT_ADMIN' ? undefined
    : actor && actor.role !== 'DISTRICT_ADMIN' ? actor.unitId ?? undefined
      : form.unitId ? Number(form.unitId) : undefined;
  return {
    username: form.username.trim(),
    displayName: form.displayName.trim(),
    role: form.role as StaffRole,
    unitId,
    password: form.password,
  };
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/**
 * A one-time password for a new or reset account: 12 characters (the server wants at least 10) with a capital, a
 * small letter and a digit. Shown once; the owner must replace it at the first login.
 */
export function oneTimePassword(random: (buffer: Uint32Array) => Uint32Array = (b) => crypto.getRandomValues(b)): string {
  for (;;) {
    const values = random(new Uint32Array(12));
    const password = Array.from(values, (v) => ALPHABET[v % ALPHABET.length]).join('');
    if (/[A-Z]/.test(password) && /[a-z]/.test(password) && /\d/.test(password)) return password;
  }
}
