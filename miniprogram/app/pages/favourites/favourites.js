const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
const c = require('../../utils/content');

const PAGE_SIZE = 20;

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | error
      items: [],
      total: 0,
      page: 0,
      loadingMore: false,
    },

    onShow() {
      // Reloaded on every show: an item un-favourited on its page must disappear here.
      return this.load();
    },

    async load() {
      try {
        await auth.ensureLogin();
        const res = await request({ url: '/api/v1/me/favourites', data: { page: 1, size: PAGE_SIZE } });
        this.setData({ state: 'ready', items: res.items.map(c.cardView), total: res.total, page: 1 });
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
    },

    async onLoadMore() {
      if (this.data.loadingMore || this.data.items.length >= this.data.total) return;
      this.setData({ loadingMore: true });
      try {
        const page = this.data.page + 1;
        const res = await request({ url: '/api/v1/me/favourites', data: { page, size: PAGE_SIZE } });
        const known = new Set(this.data.items.map((x) => x.id));
        this.setData({
          items: this.data.items.concat(res.items.map(c.cardView).filter((x) => !known.has(x.id))),
          total: res.total,
          page,
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
        await this.load();
      } finally {
        wx.stopPullDownRefresh();
      }
    },

    onOpenItem(e) {
      const id = e.detail && e.detail.id;
      if (id) wx.navigateTo({ url: `/pages/content/detail?id=${id}` });
    },

    onOpenFeed() {
      wx.switchTab({ url: '/pages/index/index' });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },
  }),
);
