// Builders for the officer API payloads, shaped like the server's OfficerService.OfficerView, ReachView,
// OfficerReach.ReachByVillage and OfficerShareCodes.ShareCode.

function officer(overrides = {}) {
  return Object.assign(
    {
      id: 31,
      role: 'INFO_OFFICER',
      roleLabel: '科普信息员',
      regionCode: '430603100201',
      regionName: '陆城样例村1',
      townName: '陆城镇',
      nameMasked: '张*',
      phoneMasked: '138****1234',
      motivation: '常在村群里转发科普',
      status: 'PENDING',
      appliedAt: '2026-11-20T09:00:00+08:00',
      reviewedAt: null,
      reviewNote: null,
      lastActiveOn: null,
      active: false,
    },
    overrides,
  );
}

function reach(overrides = {}) {
  return Object.assign(
    { officerId: 31, shares: 12, activities: 2, reachedResidents: 37, lastActiveOn: '2026-11-28', active: true, activeDays: 90 },
    overrides,
  );
}

function reachByVillage(overrides = {}) {
  return Object.assign(
    {
      opens: 45,
      reachedResidents: 37,
      villages: [
        { regionCode: '430603100201', regionName: '陆城样例村1', townName: '陆城镇', residents: 30 },
        { regionCode: '430603001002', regionName: '云溪样例社区2', townName: '云溪街道', residents: 5 },
        { regionCode: null, regionName: '未填写村（社区）', townName: null, residents: 2 },
      ],
    },
    overrides,
  );
}

module.exports = { officer, reach, reachByVillage };
