// Chart options of the dashboard, kept apart from the page so they can be tested as plain data.
import type { Schemas } from '@/api/client';

type Figure = Schemas['Figure'];
type SectionParticipation = Schemas['SectionParticipation'];

export const STATUS_LABELS: Record<string, string> = {
  DONE: '已完成',
  ON_TRACK: '进度正常',
  BEHIND: '滞后',
  NO_DATA: '待填报',
};

export const STATUS_THEMES: Record<string, 'success' | 'primary' | 'danger' | 'default'> = {
  DONE: 'success',
  ON_TRACK: 'primary',
  BEHIND: 'danger',
  NO_DATA: 'default',
};

/** "每年" is added to a yearly target's name unless the name says so already. */
export function indicatorName(figure: Figure): string {
  const name = figure.name ?? '';
  return figure.targetBasis === 'YEARLY' && !name.includes('每年') ? `${name}（每年）` : name;
}

export function progressOption(figures: Figure[]) {
  return {
    title: { text: '指标完成率与时间进度', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 160, right: 24, top: 36, bottom: 40 },
    xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
    yAxis: { type: 'category', data: figures.map((f) => (f.name ?? '').slice(0, 12)), inverse: true },
    series: [
      { name: '完成率(%)', type: 'bar', data: figures.map((f) => Number(f.percentOfTarget ?? 0)) },
      { name: '时间进度(%)', type: 'scatter', data: figures.map((f) => Number(f.elapsedPercent ?? 0)) },
    ],
  };
}

export function participationOption(sections: SectionParticipation[]) {
  const label = (s: SectionParticipation) =>
    (s.sectionName ?? '').replace('科学素质提升行动', '').replace('工程', '');
  return {
    title: { text: '各行动、工程的参与情况（人次）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 20, top: 36, bottom: 84 },
    xAxis: { type: 'category', data: sections.map(label), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: '活动签到', type: 'bar', stack: 'p', data: sections.map((s) => s.eventAttendance ?? 0) },
      { name: '答题', type: 'bar', stack: 'p', data: sections.map((s) => s.quizzes ?? 0) },
      { name: '阅读', type: 'bar', stack: 'p', data: sections.map((s) => s.contentReads ?? 0) },
    ],
  };
}

export function trendOption(figure: Figure) {
  const trend = figure.trend ?? [];
  return {
    title: { text: '月度累计', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 20, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: trend.map((p) => p.month) },
    yAxis: { type: 'value' },
    series: [{ name: figure.name, type: 'line', data: trend.map((p) => Number(p.value ?? 0)) }],
  };
}

export function townOption(figure: Figure) {
  const towns = figure.byTown ?? [];
  return {
    title: { text: '分镇（街道）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {},
    grid: { left: 56, right: 20, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: towns.map((b) => b.name), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [{ name: '分镇（街道）', type: 'bar', data: towns.map((b) => Number(b.value ?? 0)) }],
  };
}

export function groupOption(figure: Figure) {
  return {
    title: { text: '分人群', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {},
    series: [{
      name: '分人群',
      type: 'pie',
      radius: '60%',
      data: (figure.byGroup ?? []).map((b) => ({ name: b.name, value: Number(b.value ?? 0) })),
    }],
  };
}
