// Population groups as the server's enum names them, with the labels residents see.
// Shared by 我的 (choosing one's own group) and the feed filter, so both always agree.

const POPULATION_GROUPS = [
  { value: 'YOUTH', label: '青少年' },
  { value: 'FARMER', label: '农民' },
  { value: 'INDUSTRIAL_WORKER', label: '产业工人' },
  { value: 'ELDERLY', label: '老年人' },
  { value: 'OFFICIAL', label: '领导干部和公务员' },
  { value: 'OTHER', label: '其他' },
];

module.exports = { POPULATION_GROUPS };
