const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
const ev = require('../../utils/events');
const toast = require('../../utils/toast');
const subscribe = require('../../utils/subscribe');

const PAGE_SIZE = 20;

// 我的报名 and 代报名 share the rendering and the cancel endpoint; only the list differs.
const LISTS = { mine: '/api/v1/me/signups', proxied: '/api/v1/me/proxy-signups' };

function confirmCancel(item) {
  const content = item.status === 'WAITLISTED'
    ? `确定退出“${item.eventTitle}”的候补吗？退出后候补位置不再保留。`
    : `确定取消“${item.eventTitle}”的报名吗？名额会让给候补的居民。`;
  return new Promise((resolve) => {
    wx.showModal({
      title: '取消报名',
      content,
      confirmText: '确定取消',
      cancelText: '再想想',
      success: (res) => resolve(Boolean(res && res.confirm)),
      fail: () => resolve(false),
    });
  });
}

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | error
      items: [],
      total: 0,
      page: 1,
      ticket: null,
      tab: 'mine', // mine | proxied
      claimPhone: '',
      claimError: '',
      phoneNotBound: false,
      claimResult: '',
      claiming: false,
      canSubscribe: false,
      subscribeResult: '',
    },

    onLoad(options) {
      if (options && options.tab === 'proxied') this.setData({ tab: 'proxied' });
      // Fetched ahead of the tap on 订阅活动提醒, which must reach wx.requestSubscribeMessage without an await.
      subscribe.loadTemplates().then((list) => {
        this.templates = list;
        this.setData({ canSubscribe: list.length > 0 });
      });
    },

    onShow() {
      // Waitlist positions move and seats get promoted while the page is away.
      return this.load(1);
    },

    async load(page) {
      try {
        await auth.ensureLogin();
        const res = await request({ url: LISTS[this.data.tab], data: { page, size: PAGE_SIZE } });
        const fresh = (res.items || []).map(ev.signupView);
        this.setData({ state: 'ready', items: page === 1 ? fresh : this.data.items.concat(fresh), total: res.total, page });
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
    },

    onTab(e) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab || !LISTS[tab]) return undefined;
      this.setData({ tab, state: 'loading', items: [], total: 0, ticket: null });
      return this.load(1);
    },

    onClaimInput(e) {
      this.setData({ claimPhone: e.detail.value, claimError: '', claimResult: '' });
    },

    async onClaim() {
      if (this.claiming) return;
      this.claiming = true;
      this.setData({ claiming: true, claimError: '', claimResult: '', phoneNotBound: false });
      try {
        const claimed = await request({
          url: '/api/v1/signups/claim', method: 'POST', data: { phone: this.data.claimPhone.trim() }, silent: true,
        });
        this.setData({
          claimResult: claimed.length ? `已认领 ${claimed.length} 条报名，已放进“我的报名”` : '没有找到用这个手机号代报名、尚未认领的记录',
          claimPhone: '',
        });
        if (claimed.length && this.data.tab === 'mine') await this.load(1);
      } catch (err) {
        const field = (err.fieldErrors || []).find((f) => f.field === 'phone');
        this.setData({ claimError: field ? field.message : err.detail, phoneNotBound: err.code === 'PHONE_NOT_YOURS' });
      } finally {
        this.claiming = false;
        this.setData({ claiming: false });
      }
    },

    onOpenMe() {
      wx.switchTab({ url: '/pages/me/me' });
    },

    onSubscribe() {
      if (this.subscribing) return undefined;
      this.subscribing = true;
      // Straight from the tap, before any await (see utils/subscribe.js).
      return this.saveSubscriptions(subscribe.ask(this.templates));
    },

    async saveSubscriptions(acceptedPromise) {
      try {
        const accepted = await acceptedPromise;
        if (!accepted.length) {
          this.setData({ subscribeResult: '您没有选择接收通知，可以随时再点这里订阅' });
          return;
        }
        await request({ url: '/api/v1/events/notice-subscriptions', method: 'POST', data: { templates: accepted } });
        this.setData({ subscribeResult: '已订阅，活动开始前、候补递补或活动变更时会通知您（每次同意可收到一条）' });
      } catch (err) {
        // request() showed why; nothing else depends on it.
      } finally {
        this.subscribing = false;
      }
    },

    onMore() {
      if (this.data.items.length < this.data.total) this.load(this.data.page + 1);
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load(1);
    },

    onOpen(e) {
      wx.navigateTo({ url: `/pages/event/detail?id=${e.currentTarget.dataset.eventId}` });
    },

    onShowTicket(e) {
      const item = this.data.items.find((i) => i.id === Number(e.currentTarget.dataset.id));
      if (item && item.ticket) this.setData({ ticket: { title: item.eventTitle, token: item.ticket } });
    },

    onHideTicket() {
      this.setData({ ticket: null });
    },

    async onCancel(e) {
      if (this.cancelling) return;
      const id = Number(e.currentTarget.dataset.id);
      const item = this.data.items.find((i) => i.id === id);
      if (!item) return;
      this.cancelling = true;
      try {
        if (!(await confirmCancel(item))) return;
        const updated = await request({ url: `/api/v1/signups/${id}/cancel`, method: 'POST' });
        const items = this.data.items.map((i) => (i.id === id ? ev.signupView(updated) : i));
        this.setData({ items });
        toast.showSuccess('已取消');
      } catch (err) {
        // request() already showed the server's reason (e.g. past the cancel deadline).
      } finally {
        this.cancelling = false;
      }
    },
  }),
);
