const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const session = require('../../utils/session');
const privacy = require('../../utils/privacy');
const toast = require('../../utils/toast');
const { describeError } = require('../../utils/errors');
const { pagedList, pagedData } = require('../../utils/paged');
const content = require('../../api/content');
const emergencies = require('../../api/emergencies');
const c = require('../../utils/content');
const { POPULATION_GROUPS } = require('../../utils/groups');

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
    // Each page is a conditional request (ETag revalidation); offline, the last copy of it comes back
    // marked stale. Pinned emergency items stay on top however many pages are merged.
    ...pagedList({
      fetch(params) {
        return content.feed(Object.assign(params, {
          type: this.data.type,
          topic: this.data.topic,
          group: GROUP_OPTIONS[this.data.groupIndex].value,
          keyword: this.data.keyword,
        }));
      },
      toView: c.cardView,
      merge: c.mergeFeed,
    }),

    data: Object.assign(pagedData(), {
      // loading | ready | error | signedOut
      state: 'loading',
      error: null,
      greeting: '您好',
      nickname: '',
      needsConsent: false,
      restarting: false,

      // The feed: loading | ready | error
      feedState: 'loading',
      feedError: null,
      types: c.TYPES,
      topics: c.TOPICS,
      groups: GROUP_OPTIONS,
      groupIndex: 0,
      type: '',
      topic: '',
      keywordInput: '',
      keyword: '',
      // 应急提醒: shown once the server says a template is configured
      emergencyAlerts: false,
      emergencyRemaining: 0,
    }),

    onLoad() {
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
        this.loadEmergencyAlerts();
      } catch (err) {
        this.setData(err.code === 'SIGNED_OUT' ? { state: 'signedOut' } : { state: 'error', error: describeError(err) });
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

    /** Page 1 of the feed for the current filters (replaces the list; an older query's late answer is dropped). */
    async loadFeed() {
      if (!this.data.items.length) this.setData({ feedState: 'loading', feedError: null });
      try {
        const first = await this.fetchFirstPage();
        if (!first) return;
        // Stale or not, returning from an item keeps this list; pulling down tries the network again.
        this.feedLoaded = true;
        this.setData(Object.assign({ feedState: 'ready', feedError: null }, first));
      } catch (err) {
        // With a list already on screen the toast from request() is enough.
        if (!this.data.items.length) this.setData({ feedState: 'error', feedError: describeError(err) });
      }
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
      this.setData(Object.assign(pagedData(), changes));
      return this.loadFeed();
    },

    onTypeChange(e) {
      const type = e.currentTarget.dataset.value || '';
      if (type === this.data.type) return undefined;
      return this.refilter({ type });
    },

    onTopicChange(e) {
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

    /** t-search's submit (keyboard 搜索) or its 搜索 action. */
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

    onOpenCourses() {
      wx.navigateTo({ url: '/pages/courses/courses' });
    },

    /** The emergency template id, fetched ahead of the tap (wx.requestSubscribeMessage must not follow an await). */
    async loadEmergencyAlerts() {
      try {
        const s = await emergencies.subscription({ silent: true });
        this.emergencyTemplateId = (s && s.templateId) || null;
        this.setData({ emergencyAlerts: Boolean(this.emergencyTemplateId), emergencyRemaining: (s && s.remaining) || 0 });
      } catch (err) {
        // No alerts offered when unknown; the banner still shows emergencies.
      }
    },

    /** 接收应急提醒: one acceptance is one message (WeChat's rule), so the resident may accept again later. */
    onSubscribeEmergency() {
      const templateId = this.emergencyTemplateId;
      if (!templateId || typeof wx.requestSubscribeMessage !== 'function') return;
      wx.requestSubscribeMessage({
        tmplIds: [templateId],
        success: async (res) => {
          if (!res || res[templateId] !== 'accept') return;
          try {
            const s = await emergencies.subscribe();
            this.setData({ emergencyRemaining: (s && s.remaining) || 0 });
            toast.showSuccess('已订阅应急提醒');
          } catch (err) {
            // request() has shown the error
          }
        },
        fail: () => {},
      });
    },

    onOpenAntiFraud() {
      wx.navigateTo({ url: '/pages/antifraud/antifraud' });
    },

    onOpenMe() {
      wx.switchTab({ url: '/pages/me/me' });
    },
  }),
);
