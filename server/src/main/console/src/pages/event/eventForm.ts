// The event form's model and its translation to and from the API. Times are kept as epoch milliseconds (what the
// TDesign pickers give) and sent as ISO-8601 instants; the server reports errors by the request's field names
// (`sessions[1].endsAt`, `formFields[0].options`), so the rows here are kept in the order the server checks them.
import type { Schemas } from '@/api/client';
import { toShanghaiIso } from '@/time/shanghai';

export type EventRequest = Schemas['EventRequest'];
export type EventView = Schemas['EventView'];
export type FieldType = Schemas['FormField']['type'];

export interface SessionRow {
  startsAt?: number;
  endsAt?: number;
  /** Training hours; empty = the session's length rounded to half hours (the server's rule). */
  hours?: number;
}

export interface FieldRow {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: string[];
  min?: number;
  max?: number;
  maxLength?: number;
}

export interface EventForm {
  kind: EventRequest['kind'];
  title: string;
  description: string;
  organiserUnitId?: string;
  venueName: string;
  venueAddress: string;
  latitude?: number;
  longitude?: number;
  checkinRadiusM: number;
  sessions: SessionRow[];
  signupOpensAt?: number;
  signupClosesAt?: number;
  cancelDeadline?: number;
  capacity: number;
  waitlistEnabled: boolean;
  eligibleGroups: string[];
  eligibleRegions: string[];
  minAge?: number;
  maxAge?: number;
  volunteersOnly: boolean;
  formFields: FieldRow[];
  indicatorCodes: string[];
  minAttendancePercent: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** China keeps +08:00 all year. */
const SHANGHAI = 8 * HOUR;

/** 09:00 Shanghai time on the day after `now`. */
export function tomorrowMorning(now: number): number {
  const shanghaiMidnight = Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI;
  return shanghaiMidnight + DAY + 9 * HOUR;
}

/** A new event: one two-hour session tomorrow morning, signup open from now until it starts. */
export function emptyForm(now: number): EventForm {
  const start = tomorrowMorning(now);
  return {
    kind: 'TRAINING',
    title: '',
    description: '',
    organiserUnitId: undefined,
    venueName: '',
    venueAddress: '',
    latitude: undefined,
    longitude: undefined,
    checkinRadiusM: 500,
    sessions: [{ startsAt: start, endsAt: start + 2 * HOUR, hours: undefined }],
    signupOpensAt: Math.floor(now / 60_000) * 60_000,
    signupClosesAt: start,
    cancelDeadline: undefined,
    capacity: 50,
    waitlistEnabled: true,
    eligibleGroups: [],
    eligibleRegions: [],
    minAge: undefined,
    maxAge: undefined,
    volunteersOnly: false,
    formFields: [],
    indicatorCodes: [],
    minAttendancePercent: 60,
  };
}

const time = (iso?: string | null) => (iso ? new Date(iso).getTime() : undefined);
/** Sent with +08:00 spelled out: the API and whoever reads its logs see Shanghai time. */
const iso = (ms?: number) => (ms === undefined || ms === null || Number.isNaN(ms) ? undefined : toShanghaiIso(ms));
const num = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : Number(value));

/** The form showing a saved event. */
export function fromView(view: EventView): EventForm {
  return {
    kind: view.kind ?? 'TRAINING',
    title: view.title ?? '',
    description: view.description ?? '',
    organiserUnitId: view.organiserUnitId === undefined ? undefined : String(view.organiserUnitId),
    venueName: view.venue?.name ?? '',
    venueAddress: view.venue?.address ?? '',
    latitude: num(view.venue?.latitude),
    longitude: num(view.venue?.longitude),
    checkinRadiusM: view.venue?.checkinRadiusM ?? 500,
    sessions: (view.sessions ?? []).map((s) => ({ startsAt: time(s.startsAt), endsAt: time(s.endsAt), hours: num(s.hours) })),
    signupOpensAt: time(view.signupOpensAt),
    signupClosesAt: time(view.signupClosesAt),
    cancelDeadline: time(view.cancelDeadline),
    capacity: view.capacity ?? 1,
    waitlistEnabled: view.waitlistEnabled ?? true,
    eligibleGroups: [...(view.eligibility?.groups ?? [])],
    eligibleRegions: [...(view.eligibility?.regions ?? [])],
    minAge: view.eligibility?.minAge ?? undefined,
    maxAge: view.eligibility?.maxAge ?? undefined,
    volunteersOnly: view.eligibility?.volunteersOnly ?? false,
    formFields: (view.formFields ?? []).map((f) => ({
      key: f.key, label: f.label, type: f.type, required: f.required ?? false, options: [...(f.options ?? [])],
      min: num(f.min), max: num(f.max), maxLength: f.maxLength ?? undefined,
    })),
    indicatorCodes: [...(view.indicatorCodes ?? [])],
    minAttendancePercent: view.minAttendancePercent ?? 60,
  };
}

/**
 * Sessions in the order the server checks them (by start; rows without a start last, as typed), so an error the
 * server reports for `sessions[i]` lands beside the row shown i-th.
 */
export function orderedSessions(rows: SessionRow[]): SessionRow[] {
  return rows.map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.startsAt ?? Infinity) - (b.row.startsAt ?? Infinity) || a.index - b.index)
    .map(({ row }) => row);
}

/** The next free machine key for a new signup-form field (staff name fields, not keys). */
export function nextFieldKey(fields: FieldRow[]): string {
  const taken = new Set(fields.map((f) => f.key));
  let n = fields.length + 1;
  while (taken.has(`f${n}`)) n++;
  return `f${n}`;
}

export function newField(fields: FieldRow[]): FieldRow {
  return { key: nextFieldKey(fields), label: '', type: 'TEXT', required: false, options: [] };
}

const isSelect = (type: FieldType) => type === 'SINGLE_SELECT' || type === 'MULTI_SELECT';

/** The request for the form (sessions in the server's order); `confirmSeatWithdrawal` only when the person agreed. */
export function toRequest(form: EventForm, confirmSeatWithdrawal = false): EventRequest {
  const text = (s: string) => (s.trim() === '' ? undefined : s);
  return {
    kind: form.kind,
    title: form.title,
    description: text(form.description),
    organiserUnitId: form.organiserUnitId ? Number(form.organiserUnitId) : undefined,
    venueName: form.venueName,
    venueAddress: text(form.venueAddress),
    latitude: form.latitude,
    longitude: form.longitude,
    checkinRadiusM: form.checkinRadiusM,
    sessions: orderedSessions(form.sessions).map((s) => ({
      startsAt: iso(s.startsAt) as string,
      endsAt: iso(s.endsAt) as string,
      hours: s.hours,
    })),
    signupOpensAt: iso(form.signupOpensAt) as string,
    signupClosesAt: iso(form.signupClosesAt) as string,
    cancelDeadline: iso(form.cancelDeadline),
    capacity: form.capacity,
    waitlistEnabled: form.waitlistEnabled,
    eligibleGroups: form.eligibleGroups as EventRequest['eligibleGroups'],
    eligibleRegions: form.eligibleRegions,
    minAge: form.minAge,
    maxAge: form.maxAge,
    volunteersOnly: form.volunteersOnly,
    formFields: form.formFields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      options: isSelect(f.type) ? f.options : [],
      min: f.type === 'NUMBER' ? f.min : undefined,
      max: f.type === 'NUMBER' ? f.max : undefined,
      maxLength: f.type === 'TEXT' ? f.maxLength : undefined,
    })),
    indicatorCodes: form.indicatorCodes,
    minAttendancePercent: form.minAttendancePercent,
    confirmSeatWithdrawal: confirmSeatWithdrawal || undefined,
  };
}

/** What an edit did to seats, in a sentence for the staff member (empty when it changed none). */
export function describeSeatChange(change?: Schemas['SeatChangeView'] | null): string {
  if (!change) return '';
  const parts: string[] = [];
  if (change.withdrawn) {
    const how = [change.waitlisted ? `${change.waitlisted} 人转入候补` : '', change.cancelled ? `${change.cancelled} 人的报名取消` : '']
      .filter(Boolean).join('，');
    parts.push(`收回 ${change.withdrawn} 个名额（${how}），已通知他们`);
  }
  if (change.promoted) parts.push(`候补递补 ${change.promoted} 人`);
  return parts.join('；');
}
