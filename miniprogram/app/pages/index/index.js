const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const session = require('../../utils/session');
const privacy = require('../../utils/privacy');
const toast = require('../../utils/toast');
const { request } = require('../../utils/request');
const c = require('../../utils/content');
const { POPULATION_GROUPS } = require('../../utils/groups');

const PAGE_SIZE = 20;

// First entry: no group filter, so the server's default applies (the resident's own group first).
const GROUP_OPTIONS = [{ value: '', label: '全部人群' }].concat(POPULATION_GROUPS);

function greetingFor(hour) {
  if (hour < 5) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

Page(
  elderPage({
    data: {
      // loading | ready | error | signedOut
      state: 'loading',
      greeting: '您好',
      nickname: '',
      needsConsent: false,
      restarting: false,

      // The feed: loading | ready | error
      feedState: 'loading',
      types: c.TYPES,
      topics: c.TOPICS,
      groups: GROUP_OPTIONS,
      groupIndex: 0,
      type: '',
      topic: '',
      keywordInput: '',
      keyword: '',
      items: [],
      total: 0,
      page: 0,
      pageSize: PAGE_SIZE,
      loadingMore: false,
      // The list on screen came from the copy stored at the last good load (offline open).
      stale: false,
    },

    onLoad() {
      // Answers to an older query (filters changed while it was in flight) are dropped.
      this.feedSeq = 0;
      this.feedLoaded = false;
    },

    onShow() {
      return this.load();
    },

    async load() {
      this.setData({ greeting: greetingFor(new Date().getHours()) });
      if (session.isSignedOut()) {
        this.setData({ state: 'signedOut' });
        return;
      }
      try {
        const resident = await auth.ensureLogin();
        this.showResident(resident);
      } catch (err) {
        this.setData({ state: err.code === 'SIGNED_OUT' ? 'signedOut' : 'error' });
        return;
      }
      // Coming back from an item keeps the list and scroll position; pull down to refresh.
      if (!this.feedLoaded) await this.loadFeed();
    },

    showResident(resident) {
      this.setData({
        state: 'ready',
        nickname: (resident && resident.nickname) || '',
        needsConsent: privacy.needsConsent(resident),
      });
      privacy.requireConsent(resident);
    },

    /** Page 1 of the feed for the current filters (replaces the list). */
    async loadFeed() {
      this.feedSeq += 1;
      const seq = this.feedSeq;
      if (!this.data.items.length) this.setData({ feedState: 'loading' });
      try {
        const { data: res, stale } = await this.fetchPage(1);
        if (seq !== this.feedSeq) return;
        // Stale or not, returning from an item keeps this list; pulling down tries the network again.
        this.feedLoaded = true;
        this.setData({
          feedState: 'ready',
          items: c.mergeFeed([], res.items.map(c.cardView)),
          total: res.total,
          page: 1,
          stale,
        });
      } catch (err) {
        if (seq !== this.feedSeq) return;
        // With a list already on screen the toast from request() is enough.
        if (!this.data.items.length) this.setData({ feedState: 'error' });
      }
    },

    fetchPage(page) {
      const data = { page, size: PAGE_SIZE };
      if (this.data.type) data.type = this.data.type;
      if (this.data.topic) data.topic = this.data.topic;
      const group = GROUP_OPTIONS[this.data.groupIndex].value;
      if (group) data.group = group;
      if (this.data.keyword) data.keyword = this.data.keyword;
      // Revalidated with the stored ETag; offline, the last copy of this page comes back marked stale.
      return request({ url: '/api/v1/contents', data, conditional: true });
    },

    async onLoadMore() {
      if (this.data.loadingMore || this.data.feedState !== 'ready' || this.data.page * PAGE_SIZE >= this.data.total) return;
      const seq = this.feedSeq;
      this.setData({ loadingMore: true });
      try {
        const page = this.data.page + 1;
        const { data: res, stale } = await this.fetchPage(page);
        if (seq !== this.feedSeq) return;
        this.setData({
          items: c.mergeFeed(this.data.items, res.items.map(c.cardView)),
          total: res.total,
          page,
          stale: stale || this.data.stale,
        });
      } catch (err) {
        // request() showed the reason; the button stays for another try.
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    onReachBottom() {
      return this.onLoadMore();
    },

    async onPullDownRefresh() {
      try {
        if (this.data.state === 'ready') await this.loadFeed();
        else await this.load();
      } finally {
        wx.stopPullDownRefresh();
      }
    },

    /** Filters replace the list from page 1. */
    refilter(changes) {
      this.setData(Object.assign({ items: [], total: 0, page: 0 }, changes));
      return this.loadFeed();
    },

    onTypeTap(e) {
      const type = e.currentTarget.dataset.value || '';
      if (type === this.data.type) return undefined;
      return this.refilter({ type });
    },

    onTopicTap(e) {
      const value = e.currentTarget.dataset.value || '';
      // Tapping the chosen topic again clears it.
      return this.refilter({ topic: value === this.data.topic ? '' : value });
    },

    onGroupChange(e) {
      const groupIndex = Number(e.detail.value) || 0;
      if (groupIndex === this.data.groupIndex) return undefined;
      return this.refilter({ groupIndex });
    },

    onKeywordInput(e) {
      this.setData({ keywordInput: e.detail.value });
    },

    onSearch(e) {
      const raw = e && e.detail && typeof e.detail.value === 'string' ? e.detail.value : this.data.keywordInput;
      const keyword = String(raw || '').trim();
      return this.refilter({ keyword, keywordInput: keyword });
    },

    onClearSearch() {
      return this.refilter({ keyword: '', keywordInput: '' });
    },

    onOpenItem(e) {
      const id = e.detail && e.detail.id;
      if (id) wx.navigateTo({ url: `/pages/content/detail?id=${id}` });
    },

    onFeedRetry() {
      return this.loadFeed();
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },

    /** After 注销账号 only an explicit tap here creates a new account. */
    async onRestart() {
      this.setData({ restarting: true });
      try {
        const resident = await auth.login({ restart: true });
        this.showResident(resident);
        this.feedLoaded = false;
        await this.loadFeed();
      } catch (err) {
        toast.showError(err.detail || err.message);
      } finally {
        this.setData({ restarting: false });
      }
    },

    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },

    onOpenMe() {
      wx.switchTab({ url: '/pages/me/me' });
    },
  }),
);
