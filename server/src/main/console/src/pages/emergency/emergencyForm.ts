// The rules of the 应急发布 pages that do not need a browser: how long an emergency runs, what is sent, how the
// delivery counts read.
export const CONFIRM_TEXT = '确认发布';

export const DURATIONS = [
  { label: '6 小时', hours: 6 },
  { label: '12 小时', hours: 12 },
  { label: '24 小时', hours: 24 },
  { label: '3 天', hours: 72 },
  { label: '7 天', hours: 168 },
];

export const STATUS: Record<string, { label: string; theme: 'warning' | 'success' | 'default' | 'danger' }> = {
  PENDING: { label: '待审批', theme: 'warning' },
  PUBLISHED: { label: '已发布', theme: 'success' },
  ENDED: { label: '已结束', theme: 'default' },
  REJECTED: { label: '已驳回', theme: 'danger' },
};

/** The end as the API takes it: now plus the chosen hours, to the second, with the offset. */
export function endsAt(hours: number, now: Date = new Date()): string {
  const end = new Date(Math.floor(now.getTime() / 1000) * 1000 + hours * 3600_000);
  return end.toISOString().replace('.000Z', 'Z');
}

export interface Targeting {
  wholeDistrict: boolean;
  regionCodes: string[];
}

/** What to tell the admin before sending, or '' when the targeting is complete. */
export function targetingProblem(t: Targeting): string {
  return !t.wholeDistrict && t.regionCodes.length === 0 ? '请选择要通知的镇街或村社区，或选择全区' : '';
}

export function targetBody(t: Targeting): Targeting {
  return t.wholeDistrict ? { wholeDistrict: true, regionCodes: [] } : { wholeDistrict: false, regionCodes: [...t.regionCodes] };
}

export interface Delivery {
  pending?: number;
  sent?: number;
  noQuota?: number;
  refused?: number;
  failed?: number;
  read?: number;
}

export function deliverySummary(d: Delivery | undefined): string {
  if (!d) return '';
  const parts = [`已送达 ${d.sent ?? 0}`, `无订阅次数 ${d.noQuota ?? 0}`, `拒收 ${d.refused ?? 0}`];
  if (d.failed) parts.push(`失败 ${d.failed}`);
  if (d.pending) parts.push(`发送中 ${d.pending}`);
  parts.push(`已读 ${d.read ?? 0}`);
  return parts.join(' · ');
}

export function targetSummary(e: { wholeDistrict?: boolean; targets?: { name?: string }[] }): string {
  return e.wholeDistrict ? '全区' : (e.targets ?? []).map((t) => t.name).join('、');
}
