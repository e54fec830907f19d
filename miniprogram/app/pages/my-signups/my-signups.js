const ticketCache = require('../../utils/ticket-cache');
const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pagedList, pagedData } = require('../../utils/paged');
const events = require('../../api/events');
const ev = require('../../utils/events');
const toast = require('../../utils/toast');
const subscribe = require('../../utils/subscribe');

// 我的报名 and 代报名 share the rendering and the cancel endpoint; only the list differs.
const LISTS = { mine: events.mySignups, proxied: events.myProxySignups };
const TABS = [
  { label: '我的报名', value: 'mine' },
  { label: '我代报名的', value: 'proxied' },
];

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
    ...pagedList({
      fetch(params) {
        return LISTS[this.data.tab](params);
      },
      toView: ev.signupView,
    }),
    ...loadable({
      fetch() {
        return this.fetchFirstPage();
      },
    }),

    data: Object.assign(pagedData(), {
      state: 'loading', // loading | ready | error
      error: null,
      tabs: TABS,
      ticket: null,
      tab: 'mine', // mine | proxied
      claimPhone: '',
      claimError: '',
      phoneNotBound: false,
      claimResult: '',
      claiming: false,
      canSubscribe: false,
      subscribeResult: '',
    }),

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
      return this.load();
    },

    onTab(e) {
      const tab = e.detail.value;
      if (tab === this.data.tab || !LISTS[tab]) return undefined;
      this.setData(Object.assign(pagedData(), { tab, state: 'loading', ticket: null }));
      return this.load();
    },

    onClaimInput(e) {
      this.setData({ claimPhone: e.detail.value, claimError: '', claimResult: '' });
    },

    async onClaim() {
      if (this.claiming) return;
      this.claiming = true;
      this.setData({ claiming: true, claimError: '', claimResult: '', phoneNotBound: false });
      try {
        const claimed = await events.claim(this.data.claimPhone.trim(), { silent: true });
        this.setData({
          claimResult: claimed.length ? `已认领 ${claimed.length} 条报名，已放进“我的报名”` : '没有找到用这个手机号代报名、尚未认领的记录',
          claimPhone: '',
        });
        if (claimed.length && this.data.tab === 'mine') await this.load();
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
        await events.subscribeNotices(accepted);
        this.setData({ subscribeResult: '已订阅，活动开始前、候补递补或活动变更时会通知您（每次同意可收到一条）' });
      } catch (err) {
        // request() showed why; nothing else depends on it.
      } finally {
        this.subscribing = false;
      }
    },

    onOpen(e) {
      wx.navigateTo({ url: `/pages/event/detail?id=${e.currentTarget.dataset.eventId}` });
    },

    /** The ticket's own page draws it as a QR code and keeps it for opening without network. */
    onShowTicket(e) {
      const item = this.data.items.find((i) => i.id === Number(e.currentTarget.dataset.id));
      if (!item || !item.ticket) return;
      ticketCache.keep(item.id, { token: item.ticket, title: item.eventTitle, startsText: '', name: item.participantName || '' });
      wx.navigateTo({ url: `/pages/ticket/ticket?id=${item.id}` });
    },

    async onCancel(e) {
      if (this.cancelling) return;
      const id = Number(e.currentTarget.dataset.id);
      const item = this.data.items.find((i) => i.id === id);
      if (!item) return;
      this.cancelling = true;
      try {
        if (!(await confirmCancel(item))) return;
        const updated = await events.cancel(id);
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
