const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
const ev = require('../../utils/events');
const toast = require('../../utils/toast');

const PAGE_SIZE = 20;

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
    },

    onShow() {
      // Waitlist positions move and seats get promoted while the page is away.
      return this.load(1);
    },

    async load(page) {
      try {
        await auth.ensureLogin();
        const res = await request({ url: '/api/v1/me/signups', data: { page, size: PAGE_SIZE } });
        const fresh = (res.items || []).map(ev.signupView);
        this.setData({ state: 'ready', items: page === 1 ? fresh : this.data.items.concat(fresh), total: res.total, page });
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
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
