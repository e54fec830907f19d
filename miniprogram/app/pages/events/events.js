const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const privacy = require('../../utils/privacy');
const { request } = require('../../utils/request');
const ev = require('../../utils/events');
const checkin = require('../../utils/checkin');

const PAGE_SIZE = 20;
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
    data: {
      state: 'loading', // loading | ready | error
      kinds: KINDS,
      kind: '',
      past: false,
      items: [],
      total: 0,
      page: 1,
      loadingMore: false,
      checkinResult: null,
      checkingIn: false,
    },

    onShow() {
      // Seats change all the time; refresh whenever the tab comes back.
      return this.load(1);
    },

    onPullDownRefresh() {
      return this.load(1).then(() => wx.stopPullDownRefresh && wx.stopPullDownRefresh());
    },

    async load(page) {
      const query = { page, size: PAGE_SIZE };
      if (this.data.kind) query.kind = this.data.kind;
      if (this.data.past) query.past = true;
      // A later filter change wins over an earlier answer arriving late.
      const seq = (this.loadSeq = (this.loadSeq || 0) + 1);
      try {
        await auth.ensureLogin();
        const res = await request({ url: '/api/v1/events', data: query });
        if (seq !== this.loadSeq) return;
        const fresh = (res.items || []).map(ev.summaryView);
        const items = page === 1 ? fresh : this.data.items.concat(fresh.filter((f) => !this.data.items.some((i) => i.id === f.id)));
        this.setData({ state: 'ready', items, total: res.total, page, loadingMore: false });
      } catch (err) {
        if (seq !== this.loadSeq) return;
        this.setData({ loadingMore: false });
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
    },

    onKind(e) {
      this.setData({ kind: e.currentTarget.dataset.kind, state: 'loading' });
      this.load(1);
    },

    onTogglePast() {
      this.setData({ past: !this.data.past, state: 'loading' });
      this.load(1);
    },

    onMore() {
      if (this.data.loadingMore || this.data.items.length >= this.data.total) return;
      this.setData({ loadingMore: true });
      this.load(this.data.page + 1);
    },

    onReachBottom() {
      this.onMore();
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load(1);
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
