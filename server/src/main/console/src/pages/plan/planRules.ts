// The plan pages' own logic, kept out of the components so it can be tested: who may enter or review a figure
// (the same rules as the server, which stays the authority), quarters, per-year figures, and the checks a manual
// entry or a quarterly report gets before it is sent.
import type { Schemas } from '@/api/client';
import type { StaffView } from '@/auth/roles';

export type Figure = Schemas['Figure'];
export type ManualEntry = Schemas['ManualEntryView'];

export const ENTRY_STATUS_LABELS: Record<string, string> = {
  SUBMITTED: '待审核',
  APPROVED: '已通过',
  REJECTED: '已退回',
};

export const ENTRY_STATUS_THEMES: Record<string, 'warning' | 'success' | 'danger'> = {
  SUBMITTED: 'warning',
  APPROVED: 'success',
  REJECTED: 'danger',
};

export const ENTRY_KIND_LABELS: Record<string, string> = { VALUE: '指标数值', BASELINE: '规划期前基数' };

export const UNIT_ROLE_LABELS: Record<string, string> = { LEAD: '牵头', PARTICIPANT: '参加', TOWN: '镇街属地落实' };

export const MEASURE_LABELS: Record<string, string> = {
  PERSON_TIMES: '人次（按记录）',
  DISTINCT_PERSONS: '去重人数',
  OFFICER_COVERAGE: '科普信息员覆盖率',
  PROMOTER_COVERAGE: '科普宣传员覆盖率',
  BASES_ACCREDITED: '基地名录',
  MANUAL: '手工填报',
};

export const SECTION_KIND_LABELS: Record<string, string> = { GOAL: '总体目标', ACTION: '提升行动', PROJECT: '重点工程' };

/** A figure the caller's unit may enter: a manual indicator it leads (the district admin may enter any). */
export function canEnterFigure(figure: Pick<Figure, 'measure' | 'leadUnitId'>, staff: StaffView | null): boolean {
  if (!staff || figure.measure !== 'MANUAL') return false;
  return staff.role === 'DISTRICT_ADMIN' || (staff.role === 'UNIT_ADMIN' && staff.unitId === figure.leadUnitId);
}

/** A baseline (the part of a “十四五” window before the plan) may be entered where the target's window takes one. */
export function canEnterBaseline(figure: Pick<Figure, 'targetWindow' | 'leadUnitId'>, staff: StaffView | null): boolean {
  if (!staff || !figure.targetWindow?.takesBaseline) return false;
  return staff.role === 'DISTRICT_ADMIN' || (staff.role === 'UNIT_ADMIN' && staff.unitId === figure.leadUnitId);
}

/** Two people: a district admin reviews an entry waiting for review, never their own. */
export function canReviewEntry(entry: Pick<ManualEntry, 'status' | 'submittedBy'>, staff: StaffView | null): boolean {
  return !!staff && staff.role === 'DISTRICT_ADMIN' && entry.status === 'SUBMITTED' && entry.submittedBy !== staff.id;
}

/** Why the caller sees no review buttons on an entry waiting for review (null when they may review it). */
export function reviewBlocker(entry: Pick<ManualEntry, 'status' | 'submittedBy'>, staff: StaffView | null): string | null {
  if (!staff || entry.status !== 'SUBMITTED') return null;
  if (staff.role !== 'DISTRICT_ADMIN') return '等待区级管理员审核';
  if (entry.submittedBy === staff.id) return '这是您本人提交的填报，须由另一位区级管理员审核';
  return null;
}

/** The quarter a day falls in, as the API writes it: 2025-Q2. */
export function quarterOf(day: Date): string {
  return `${day.getFullYear()}-Q${Math.floor(day.getMonth() / 3) + 1}`;
}

/** Quarters from the plan's start up to the one containing `today` (not past the plan's end), newest first. */
export function quartersUpTo(periodStart: string, periodEnd: string, today: Date): string[] {
  const start = new Date(`${periodStart}T00:00:00`);
  const end = new Date(`${periodEnd}T00:00:00`);
  const last = today < end ? today : end;
  const out: string[] = [];
  for (let y = start.getFullYear(), q = Math.floor(start.getMonth() / 3); ; q++) {
    if (q === 4) {
      q = 0;
      y++;
    }
    const first = new Date(y, q * 3, 1);
    if (first > last) break;
    out.push(`${y}-Q${q + 1}`);
  }
  return out.reverse();
}

/** The months a snapshot may be taken for: from the plan's start to the current month, newest first ("2025-05"). */
export function monthsUpTo(periodStart: string, today: Date): string[] {
  const start = new Date(`${periodStart}T00:00:00`);
  const out: string[] = [];
  for (let d = new Date(start.getFullYear(), start.getMonth(), 1); d <= today; d = new Date(d.getFullYear(), d.getMonth() + 1, 1)) {
    out.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  return out.reverse();
}

/** The years a figure can be read for: each year of the plan that has figures of its own (per-year targets). */
export function yearsOf(figures: readonly Figure[]): number[] {
  const years = new Set<number>();
  for (const f of figures) for (const y of f.years ?? []) if (y.year !== undefined) years.add(y.year);
  return [...years].sort((a, b) => a - b);
}

export interface FigureAsRead {
  value?: number | null;
  percentOfTarget?: number | null;
  elapsedPercent?: number | null;
  status?: Figure['status'] | null;
  /** What the figures cover, for the table: “2024 年”, “十四五”期间 2021—2025, or the plan period. */
  window: string;
}

/**
 * A figure as read for `year` (null: as the dashboard reports it now). A per-year target shows that year's own
 * count; a target over the whole period has no per-year figure, so it is shown as it stands.
 */
export function figureFor(figure: Figure, year: number | null): FigureAsRead {
  const perYear = year === null ? undefined : figure.years?.find((y) => y.year === year);
  if (perYear) {
    return {
      value: perYear.value,
      percentOfTarget: perYear.percentOfTarget,
      elapsedPercent: perYear.elapsedPercent,
      status: perYear.phase === 'FUTURE' ? null : perYear.status,
      window: `${year} 年`,
    };
  }
  const window = figure.targetWindow
    ? `${figure.targetWindow.name}（${figure.targetWindow.start?.slice(0, 4)}—${figure.targetWindow.end?.slice(0, 4)}）`
    : figure.years ? `${figure.windowStart?.slice(0, 4)} 年（当年）` : '规划期';
  return {
    value: figure.value,
    percentOfTarget: figure.percentOfTarget,
    elapsedPercent: figure.elapsedPercent,
    status: figure.status,
    window,
  };
}

export interface EntryForm {
  asOf: string;
  value: string;
  note: string;
  evidenceKeys: string[];
}

/**
 * What is wrong with a manual entry before it is sent, by field (the server checks again and its answer is shown
 * the same way): a date, a number that is not negative (at most 100 for a percentage; whole for a baseline of
 * persons), and at least one piece of evidence.
 */
export function entryProblems(form: EntryForm, options: { unit?: string; baseline?: boolean }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!options.baseline && !form.asOf) problems.asOf = '请填写数据截止日期';
  const text = form.value.trim();
  const value = Number(text);
  if (text === '') problems.value = '请填写数值';
  else if (!Number.isFinite(value)) problems.value = '数值须为数字';
  else if (value < 0) problems.value = '数值不能为负';
  else if (options.unit === '%' && value > 100) problems.value = '百分比不能超过 100';
  else if (options.baseline && !Number.isInteger(value)) problems.value = '人数、人次须为整数';
  else if (!/^\d+(\.\d{1,2})?$/.test(text)) problems.value = '最多保留两位小数';
  if (form.note.length > 1000) problems.note = '说明过长（最多 1000 字）';
  if (form.evidenceKeys.length === 0) problems.evidenceKeys = '请附上佐证材料';
  return problems;
}

export interface ReportForm {
  progress: string;
  figures: string;
  evidenceKeys: string[];
}

/** What is wrong with a quarterly report before it is sent, by field. */
export function reportProblems(form: ReportForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!form.progress.trim()) problems.progress = '请填写工作进展';
  else if (form.progress.length > 5000) problems.progress = '工作进展过长（最多 5000 字）';
  if (form.figures.length > 2000) problems.figures = '数据过长（最多 2000 字）';
  return problems;
}

/** Lead and participating units of a task as chosen in the reassignment form: at least one lead, none in both. */
export function taskUnitProblems(leadUnitIds: number[], participantUnitIds: number[], reason: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (leadUnitIds.length === 0) problems.leadUnitIds = '请至少指定一个牵头单位';
  const both = leadUnitIds.filter((id) => participantUnitIds.includes(id));
  if (both.length > 0) problems.participantUnitIds = '同一单位不能既牵头又参加';
  if (!reason.trim()) problems.reason = '请写明调整原因';
  return problems;
}
