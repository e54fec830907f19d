// Builders for the event API payloads (field names as in the server's EventViews records).

function summary(id, overrides = {}) {
  return Object.assign(
    {
      id,
      kind: 'TRAINING',
      kindLabel: '培训课程',
      status: 'PUBLISHED',
      title: `活动 ${id}`,
      organiserUnitName: '云溪区科协',
      venueName: '云溪镇文化站',
      startsAt: '2026-12-05T09:00:00+08:00',
      endsAt: '2026-12-05T11:30:00+08:00',
      capacity: 50,
      seatsLeft: 12,
      waitlistEnabled: true,
      trainingHours: 2.5,
    },
    overrides,
  );
}

function eventDetail(id, overrides = {}) {
  return Object.assign(
    {
      id,
      kind: 'TRAINING',
      kindLabel: '培训课程',
      status: 'PUBLISHED',
      title: '柑橘栽培技术培训',
      description: '请带好笔记本。',
      organiserUnitId: 3,
      organiserUnitName: '云溪区农业农村局',
      venue: { name: '云溪镇文化站', address: '云溪镇新塘路 1 号', latitude: 29.47, longitude: 113.27, checkinRadiusM: 500 },
      sessions: [
        { id: 501, seq: 1, startsAt: '2026-12-05T09:00:00+08:00', endsAt: '2026-12-05T11:00:00+08:00', hours: 2 },
        { id: 502, seq: 2, startsAt: '2026-12-06T09:00:00+08:00', endsAt: '2026-12-06T11:00:00+08:00', hours: 2 },
      ],
      startsAt: '2026-12-05T09:00:00+08:00',
      endsAt: '2026-12-06T11:00:00+08:00',
      signupOpensAt: '2026-11-01T08:00:00+08:00',
      signupClosesAt: '2099-12-04T18:00:00+08:00',
      cancelDeadline: '2099-12-04T12:00:00+08:00',
      capacity: 50,
      taken: 38,
      seatsLeft: 12,
      waitlistEnabled: true,
      eligibility: { groups: ['FARMER'], regions: [], minAge: 18, maxAge: null, volunteersOnly: false },
      formFields: [
        { key: 'crop', label: '主要作物', type: 'TEXT', required: true, options: [], min: null, max: null, maxLength: 50 },
        { key: 'acres', label: '种植面积（亩）', type: 'NUMBER', required: false, options: [], min: 0, max: 1000, maxLength: null },
        { key: 'session', label: '参加场次', type: 'SINGLE_SELECT', required: true, options: ['上午', '下午'], min: null, max: null, maxLength: null },
        { key: 'topics', label: '关心的问题', type: 'MULTI_SELECT', required: false, options: ['病虫害', '施肥', '销售'], min: null, max: null, maxLength: null },
        { key: 'phone', label: '联系电话', type: 'PHONE', required: true, options: [], min: null, max: null, maxLength: null },
        { key: 'arrive', label: '到达日期', type: 'DATE', required: false, options: [], min: null, max: null, maxLength: null },
      ],
      indicatorCodes: [],
      trainingHours: 4,
      minAttendancePercent: 60,
      mySignup: null,
    },
    overrides,
  );
}

function signup(id, overrides = {}) {
  return Object.assign(
    {
      id,
      eventId: 7,
      eventTitle: '柑橘栽培技术培训',
      eventStartsAt: '2026-12-05T09:00:00+08:00',
      status: 'CONFIRMED',
      waitlistPosition: null,
      proxy: false,
      participantName: null,
      participantPhone: null,
      createdAt: '2026-11-29T09:00:00+08:00',
      confirmedAt: '2026-11-29T09:00:00+08:00',
      cancelledAt: null,
      ticket: null,
    },
    overrides,
  );
}

function attendance(overrides = {}) {
  return Object.assign(
    {
      id: 900,
      eventId: 7,
      sessionId: 501,
      signupId: 31,
      method: 'SCAN',
      checkInAt: '2026-12-05T08:55:00+08:00',
      checkOutAt: null,
      locationVerified: true,
      distanceM: 35,
      attendedMinutes: null,
      credited: null,
      hours: null,
      alreadyRecorded: false,
    },
    overrides,
  );
}

function page(items, total = items.length) {
  return { items, total, page: 1, size: 20 };
}

module.exports = { summary, eventDetail, signup, attendance, page };
