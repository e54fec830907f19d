// The division tree as the region page's table shows it: each town followed by its villages, a town's population
// being its own figure or, when it has none, the sum of its villages' known figures.
import type { Schemas } from '@/api/client';

export type RegionNode = Schemas['RegionNode'];

export interface RegionRow {
  code: string;
  name: string;
  level: 'TOWN' | 'VILLAGE';
  kind: string;
  population: number | null;
  /** For a town without a figure of its own: the population is the sum of its villages'. */
  summed: boolean;
  sample: boolean;
  villages: number;
  townName: string;
}

export interface RegionSummary {
  towns: number;
  villages: number;
  samples: number;
  withoutPopulation: number;
}

export function regionRows(tree: RegionNode | undefined): RegionRow[] {
  const rows: RegionRow[] = [];
  for (const town of tree?.children ?? []) {
    const villages = town.children ?? [];
    const known = villages.filter((v) => v.population != null);
    const sum = known.reduce((total, v) => total + (v.population ?? 0), 0);
    rows.push({
      code: town.code ?? '',
      name: town.name ?? '',
      level: 'TOWN',
      kind: town.kind ?? '',
      population: town.population ?? (known.length ? sum : null),
      summed: town.population == null && known.length > 0,
      sample: Boolean(town.sampleData),
      villages: villages.length,
      townName: town.name ?? '',
    });
    for (const village of villages) {
      rows.push({
        code: village.code ?? '',
        name: village.name ?? '',
        level: 'VILLAGE',
        kind: village.kind ?? '',
        population: village.population ?? null,
        summed: false,
        sample: Boolean(village.sampleData),
        villages: 0,
        townName: town.name ?? '',
      });
    }
  }
  return rows;
}

export function regionSummary(rows: RegionRow[]): RegionSummary {
  const villages = rows.filter((r) => r.level === 'VILLAGE');
  return {
    towns: rows.length - villages.length,
    villages: villages.length,
    samples: villages.filter((v) => v.sample).length,
    withoutPopulation: villages.filter((v) => v.population == null).length,
  };
}

export interface ImportReport {
  totalRows?: number;
  written?: boolean;
  added?: number;
  updated?: number;
  unchanged?: number;
  errors?: { row?: number; reason?: string }[];
}

/** One line about an import: what went in, or why nothing did. */
export function importSummary(report: ImportReport): string {
  const errors = report.errors?.length ?? 0;
  if (!report.totalRows) return '文件中没有村（社区）行：请在模板的第 2 行起填写';
  if (errors > 0) {
    return `共 ${report.totalRows} 行，${errors} 行有错误：本次没有导入任何内容。请按下表改正后重新上传`;
  }
  return `共 ${report.totalRows} 行，已导入：新增 ${report.added ?? 0} 个，更新 ${report.updated ?? 0} 个，`
    + `${report.unchanged ?? 0} 个没有变化`;
}
