const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pagedList, pagedData } = require('../../utils/paged');
const content = require('../../api/content');
const c = require('../../utils/content');

Page(
  elderPage({
    ...pagedList({ fetch: (params) => content.favourites(params), toView: c.cardView, dedupeBy: 'id' }),
    ...loadable({
      fetch() {
        return this.fetchFirstPage();
      },
    }),

    data: Object.assign({ state: 'loading', error: null }, pagedData()),

    onShow() {
      // Reloaded on every show: an item un-favourited on its page must disappear here.
      return this.load();
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
  }),
);
