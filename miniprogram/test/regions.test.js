const r = require('../app/utils/regions');
const { regions } = require('./helpers/fixtures');

const towns = () => r.townsOf(regions());
const names = (column) => column.map((o) => o.name);

describe('region tree helpers (我的: a village is required)', () => {
  test('towns of a district answer; nothing usable reads as no towns', () => {
    expect(names(towns())).toEqual(['云溪镇', '陆城镇']);
    expect(r.townsOf(null)).toEqual([]);
    expect(r.townsOf({ code: '430603' })).toEqual([]);
  });

  test('options keep only code and name', () => {
    expect(r.toOptions(towns())).toEqual([
      { code: '430603101', name: '云溪镇' },
      { code: '430603102', name: '陆城镇' },
    ]);
    expect(r.toOptions(undefined)).toEqual([]);
  });

  test('a village or town code is found as [town, village]; an unknown one falls back to [0, 0]', () => {
    expect(r.indexOfRegion(towns(), '430603102202')).toEqual([1, 1]);
    expect(r.indexOfRegion(towns(), '430603102')).toEqual([1, 0]);
    expect(r.indexOfRegion(towns(), '999999')).toEqual([0, 0]);
    expect(r.indexOfRegion(towns(), null)).toEqual([0, 0]);
    expect(r.indexOfRegion([], '430603102')).toEqual([0, 0]);
  });

  test('columns show the towns and the villages of one town', () => {
    const [townColumn, villageColumn] = r.regionColumns(towns(), 1);
    expect(names(townColumn)).toEqual(['云溪镇', '陆城镇']);
    expect(names(villageColumn)).toEqual(['陆城社区', '儒矶村']);
    expect(r.villageOptions(towns(), 0)).toEqual([
      { code: '430603101201', name: '新塘村' },
      { code: '430603101202', name: '八一村' },
    ]);
    expect(r.regionColumns([], 0)).toEqual([[], []]);
  });

  test('the chosen region is the village, or the town when it has no villages', () => {
    const t = towns().concat([{ code: '430603103', name: '松阳湖街道', children: [] }]);
    expect(r.regionAt(t, 1, 1).code).toBe('430603102202');
    expect(r.regionAt(t, 0, undefined).code).toBe('430603101201');
    expect(r.regionAt(t, 2, 0).code).toBe('430603103');
    expect(r.regionAt(t, 5, 0)).toBeNull();
  });
});

describe('optional region columns (代报名: the region may be unknown)', () => {
  test('the town column starts with 不清楚 / 不填, which has no villages', () => {
    const [townColumn, villageColumn] = r.optionalRegionColumns(towns(), 0);
    expect(names(townColumn)).toEqual(['不清楚 / 不填', '云溪镇', '陆城镇']);
    expect(townColumn[0].code).toBe('');
    expect(villageColumn).toEqual([]);
  });

  test('a town lists （整个乡镇） (its own code) before its villages, even with no villages', () => {
    expect(r.optionalRegionColumns(towns(), 2)[1]).toEqual([
      { code: '430603102', name: '（整个乡镇）' },
      { code: '430603102201', name: '陆城社区' },
      { code: '430603102202', name: '儒矶村' },
    ]);
    const t = [{ code: '430603103', name: '松阳湖街道' }];
    expect(r.optionalRegionColumns(t, 1)[1]).toEqual([{ code: '430603103', name: '（整个乡镇）' }]);
    expect(r.optionalRegionColumns(towns(), 9)[1]).toEqual([]);
  });

  test('the choice gives the code to send and the text to show', () => {
    expect(r.optionalRegionAt(towns(), 0, 0)).toEqual({ code: '', label: '不清楚 / 不填' });
    expect(r.optionalRegionAt(towns(), 0, 3)).toEqual({ code: '', label: '不清楚 / 不填' });
    expect(r.optionalRegionAt(towns(), 1, 0)).toEqual({ code: '430603101', label: '云溪镇（整个乡镇）' });
    expect(r.optionalRegionAt(towns(), 2, 2)).toEqual({ code: '430603102202', label: '陆城镇 / 儒矶村' });
    // An index the tree no longer has never sends a code it does not hold.
    expect(r.optionalRegionAt(towns(), 2, 7)).toEqual({ code: '430603102', label: '陆城镇（整个乡镇）' });
    expect(r.optionalRegionAt(towns(), 9, 0)).toEqual({ code: '', label: '不清楚 / 不填' });
  });
});
