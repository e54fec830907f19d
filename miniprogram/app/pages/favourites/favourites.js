const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { pagedList } = require('../../utils/paged');
const c = require('../../utils/content');


Page(
  elderPage({
    ...pagedList({ url: '/api/v1/me/favourites', toView: c.cardView, dedupeBy: 'id' }),

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
        const first = await this.fetchFirstPage();
        this.setData(Object.assign({ state: 'ready' }, first));
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
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
