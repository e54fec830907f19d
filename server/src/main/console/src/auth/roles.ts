// Staff roles (staff/StaffRole on the server) and what the console offers each. The server decides every
// permission; these only decide which menus and buttons to show.
import type { Schemas } from '@/api/client';
import type { Present } from '@/api/present';

export type StaffView = Present<Schemas['StaffView'],
  'id' | 'username' | 'displayName' | 'role' | 'roleLabel' | 'status' | 'mustChangePassword'>;
export type StaffRole = StaffView['role'];

export const ROLE_LABELS: Record<StaffRole, string> = {
  DISTRICT_ADMIN: '区级管理员',
  UNIT_ADMIN: '单位管理员',
  TOWN_ADMIN: '镇街管理员',
  ORGANISER: '活动组织者',
};

export const ALL_ROLES: StaffRole[] = ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER'];
/** Review content (never their own), moderate comments, publish and archive. */
export const REVIEWERS: StaffRole[] = ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN'];
/** Write questions, set up and run contests within their scope. */
export const QUIZ_AUTHORS: StaffRole[] = ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER'];
/** Create, edit, publish and cancel events of their unit (organisers run them on site: roster, check-in, finish). */
export const EVENT_ADMINS: StaffRole[] = ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN'];

/** Write courses of their unit and publish colleagues' courses (the server allows no organisers). */
export const COURSE_AUTHORS: StaffRole[] = ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN'];

/** Enter manual figures for the indicators their unit leads (the district admin also reviews them). */
export const FIGURE_ENTRANTS: StaffRole[] = ['DISTRICT_ADMIN', 'UNIT_ADMIN'];
/** Report quarterly on their unit's tasks (the district admin sees who has not). */
export const TASK_REPORTERS: StaffRole[] = ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN'];

/** See their unit's staff accounts; add organisers (the district admin: any account). */
export const STAFF_MANAGERS: StaffRole[] = ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN'];
/** Follow emergencies: the district publishes; a town admin sees, read-only, those for the district or their town. */
export const EMERGENCY_READERS: StaffRole[] = ['DISTRICT_ADMIN', 'TOWN_ADMIN'];
/** Review volunteers' and officers' applications (a town admin: their town's). */
export const APPLICATION_REVIEWERS: StaffRole[] = ['DISTRICT_ADMIN', 'TOWN_ADMIN'];

export function hasRole(staff: StaffView | null | undefined, roles: readonly StaffRole[] | undefined): boolean {
  if (!staff) return false;
  return !roles || roles.includes(staff.role);
}

export function isDistrictAdmin(staff: StaffView | null | undefined): boolean {
  return staff?.role === 'DISTRICT_ADMIN';
}

/** Whose records the caller manages, as a short phrase for page headers. */
export function scopeLabel(staff: StaffView): string {
  if (staff.role === 'DISTRICT_ADMIN') return '全区';
  return staff.unitName ?? '本单位';
}
