// Builders for the science-base API payloads, shaped like the server's BaseService.BaseView and CheckInView.

function base(id, overrides = {}) {
  return Object.assign(
    {
      id,
      name: `科普基地 ${id}`,
      type: 'EDUCATION',
      typeLabel: '科普教育基地',
      level: 'DISTRICT',
      levelLabel: '区级',
      accreditedOn: '2024-06-01',
      accreditedBy: '云溪区科学技术协会',
      regionCode: '430603100201',
      address: '云溪区陆城镇长江大道 1 号',
      latitude: 29.4701,
      longitude: 113.2702,
      geofenceMeters: 300,
      openingHours: '周二至周日 9:00–17:00',
      contactName: '李老师',
      contactPhone: '0730-8412345',
      description: '石化科普展厅：炼油流程模型、安全生产体验区。',
      photoKeys: [],
      status: 'ACTIVE',
      distanceMeters: null,
    },
    overrides,
  );
}

function checkIn(overrides = {}) {
  return Object.assign(
    { id: 77, baseId: 3, baseName: '科普基地 3', visitDay: '2026-11-29', distanceMeters: 42, checkedInAt: '2026-11-29T10:00:00+08:00' },
    overrides,
  );
}

module.exports = { base, checkIn };
