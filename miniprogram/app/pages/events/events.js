const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const privacy = require('../../utils/privacy');
const { loadable } = require('../../utils/page-load');
const { pagedList, pagedData } = require('../../utils/paged');
const events = require('../../api/events');
const ev = require('../../utils/events');
const checkin = require('../../utils/checkin');

const KINDS = [
  { value: '', label: '全部' },
  { value: 'TRAINING', label: '培训课程' },
  { value: 'LECTURE', label: '科普讲座' },
  { value: 'ACTIVITY', label: '科普活动' },
  { value: 'VOLUNTEER_SERVICE', label: '志愿服务' },
  { value: 'BASE_VISIT', label: '基地参观' },
  { value: 'COMPETITION', label: '竞赛' },
];

Page(
  elderPage({
    ...pagedList({
      fetch(params) {
        return events.list(Object.assign(params, { kind: this.data.kind, past: this.data.past || undefined }));
      },
      toView: ev.summaryView,
      dedupeBy: 'id',
    }),
    ...loadable({
      fetch() {
        return this.fetchFirstPage();
      },
    }),

    data: Object.assign(
      {
        state: 'loading', // loading | ready | error
        error: null,
        kinds: KINDS,
        kind: '',
        past: false,
        checkinResult: null,
        checkingIn: false,
      },
      pagedData(),
    ),

    onShow() {
      // Seats change all the time; refresh whenever the tab comes back.
      return this.load();
    },

    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh && wx.stopPullDownRefresh());
    },

    /** A filter chip: the list starts again from page 1 (a late answer for the old filter is dropped). */
    refilter(changes) {
      this.setData(Object.assign({ state: 'loading', error: null }, changes, pagedData()));
      return this.load();
    },

    onKind(e) {
      const kind = e.currentTarget.dataset.kind || '';
      if (kind === this.data.kind) return undefined;
      return this.refilter({ kind });
    },

    onTogglePast() {
      return this.refilter({ past: !this.data.past });
    },

    onOpen(e) {
      wx.navigateTo({ url: `/pages/event/detail?id=${e.currentTarget.dataset.id}` });
    },

    onMySignups() {
      wx.navigateTo({ url: '/pages/my-signups/my-signups' });
    },

    onVolunteer() {
      wx.navigateTo({ url: '/pages/volunteer/volunteer' });
    },

    onBases() {
      wx.navigateTo({ url: '/pages/bases/bases' });
    },

    async onScan() {
      if (this.checkingIn) return;
      const resident = await auth.ensureLogin().catch(() => null);
      if (privacy.needsConsent(resident)) {
        wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
        return;
      }
      // A plain field, set before any await, stops a double tap from scanning twice.
      this.checkingIn = true;
      this.setData({ checkingIn: true });
      try {
        const result = await checkin.scanAndCheckin();
        if (result) this.setData({ checkinResult: result });
      } finally {
        this.checkingIn = false;
        this.setData({ checkingIn: false });
      }
    },

    onCloseResult() {
      this.setData({ checkinResult: null });
    },
  }),
);
