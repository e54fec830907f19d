import { describe, expect, it } from 'vitest';

import { importSummary, regionRows, regionSummary, type RegionNode } from './regionTree';

const tree: RegionNode = {
  code: '430603', name: '云溪区', level: 'DISTRICT', kind: '区', sampleData: false,
  children: [
    {
      code: '430603100', name: '陆城镇', level: 'TOWN', kind: '镇', sampleData: false,
      children: [
        { code: '430603100201', name: '白泥村', level: 'VILLAGE', kind: '村', population: 2000, sampleData: false },
        { code: '430603100202', name: '陆城样例村2', level: 'VILLAGE', kind: '村', population: 500, sampleData: true },
        { code: '430603100203', name: '新村', level: 'VILLAGE', kind: '村', sampleData: false },
      ],
    },
    { code: '430603001', name: '云溪街道', level: 'TOWN', kind: '街道', population: 9000, sampleData: false, children: [] },
  ],
};

describe('regionRows', () => {
  it('lists each town before its villages', () => {
    expect(regionRows(tree).map((r) => r.code)).toEqual(['430603100', '430603100201', '430603100202',
      '430603100203', '430603001']);
  });

  it('gives a town without its own figure the sum of its villages known populations', () => {
    const town = regionRows(tree)[0];
    expect(town.population).toBe(2500);
    expect(town.summed).toBe(true);
    expect(town.villages).toBe(3);
  });

  it('keeps a town figure of its own and an unknown village population as unknown', () => {
    const rows = regionRows(tree);
    expect(rows[4]).toMatchObject({ population: 9000, summed: false });
    expect(rows[3].population).toBeNull();
  });

  it('counts villages, samples and missing populations', () => {
    expect(regionSummary(regionRows(tree))).toEqual({ towns: 2, villages: 3, samples: 1, withoutPopulation: 1 });
  });

  it('shows nothing for no tree', () => {
    expect(regionRows(undefined)).toEqual([]);
  });
});

describe('importSummary', () => {
  it('says nothing went in when any row is bad', () => {
    expect(importSummary({ totalRows: 3, written: false, errors: [{ row: 2, reason: 'x' }] }))
      .toBe('共 3 行，1 行有错误：本次没有导入任何内容。请按下表改正后重新上传');
  });

  it('counts what a good file added, updated and left alone', () => {
    expect(importSummary({ totalRows: 4, written: true, added: 2, updated: 1, unchanged: 1, errors: [] }))
      .toBe('共 4 行，已导入：新增 2 个，更新 1 个，1 个没有变化');
  });

  it('explains an empty file', () => {
    expect(importSummary({ totalRows: 0, written: false, errors: [] })).toContain('没有村（社区）行');
  });
});
