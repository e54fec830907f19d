// The district tree from GET /api/v1/regions (towns with their villages as `children`, each
// {code, name}) turned into the two columns of a multiSelector picker (镇/街道 -> 村/社区).
// Shared by 我的 (one's own village, always set) and 代报名 (optional: the person may be from
// anywhere, or the helper may not know), so both read the tree the same way.

// 代报名 must be possible without knowing where the person lives; the label matches GROUP_CHOICES.
const NO_REGION_LABEL = '不清楚 / 不填';
// A helper often knows the town but not the village: this entry records the town alone.
const WHOLE_TOWN_LABEL = '（整个乡镇）';

/** The towns of a district answer; an odd or empty answer reads as no towns. */
function townsOf(district) {
  return (district && district.children) || [];
}

// Only code and name: the picker's range goes through setData, and the nested villages of
// every town would be copied to the view layer for nothing.
function toOptions(nodes) {
  return (nodes || []).map((n) => ({ code: n.code, name: n.name }));
}

/** Locate a region code (village or town) in the tree as picker indexes [town, village]. */
function indexOfRegion(towns, regionCode) {
  for (let i = 0; i < towns.length; i += 1) {
    if (towns[i].code === regionCode) return [i, 0];
    const villages = towns[i].children || [];
    for (let j = 0; j < villages.length; j += 1) {
      if (villages[j].code === regionCode) return [i, j];
    }
  }
  return [0, 0];
}

/** The villages of the town at townIndex, as picker options (none for a town without villages). */
function villageOptions(towns, townIndex) {
  return toOptions(towns[townIndex] && towns[townIndex].children);
}

/** Picker columns when a village must be chosen: all towns, and the villages of the town at townIndex. */
function regionColumns(towns, townIndex) {
  return [toOptions(towns), villageOptions(towns, townIndex)];
}

/** The region chosen in those columns: the village, or the town itself when it has no villages. */
function regionAt(towns, townIndex, villageIndex) {
  const town = towns[townIndex];
  if (!town) return null;
  const villages = town.children || [];
  // A town without villages in the tree is itself the finest level we can record.
  return villages.length ? villages[villageIndex || 0] || null : town;
}

/**
 * Picker columns when the region is optional. The town column starts with 不清楚 / 不填 (its
 * village column is empty); every real town's villages start with （整个乡镇）, so a town can be
 * chosen alone and a town without villages in the tree is still choosable.
 */
function optionalRegionColumns(towns, townIndex) {
  const townColumn = [{ code: '', name: NO_REGION_LABEL }].concat(toOptions(towns));
  const town = townIndex > 0 ? towns[townIndex - 1] : null;
  const villageColumn = town ? [{ code: town.code, name: WHOLE_TOWN_LABEL }].concat(toOptions(town.children)) : [];
  return [townColumn, villageColumn];
}

/**
 * What was chosen in optionalRegionColumns at [townIndex, villageIndex]:
 * { code, label }, with code '' (nothing to send) for 不清楚 / 不填.
 */
function optionalRegionAt(towns, townIndex, villageIndex) {
  const town = townIndex > 0 ? towns[townIndex - 1] : null;
  if (!town) return { code: '', label: NO_REGION_LABEL };
  const village = villageIndex > 0 ? (town.children || [])[villageIndex - 1] : null;
  if (!village) return { code: town.code, label: `${town.name}${WHOLE_TOWN_LABEL}` };
  // Same "镇 / 村" form as the server's regionName on 我的.
  return { code: village.code, label: `${town.name} / ${village.name}` };
}

module.exports = {
  NO_REGION_LABEL,
  WHOLE_TOWN_LABEL,
  townsOf,
  toOptions,
  indexOfRegion,
  villageOptions,
  regionColumns,
  regionAt,
  optionalRegionColumns,
  optionalRegionAt,
};
