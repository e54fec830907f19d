const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
const q = require('../../utils/quiz');

const PAGE_SIZE = 20;
const RIGHT_STREAK_TO_CLEAR = 2;

function toView(item) {
  const left = Math.max(0, RIGHT_STREAK_TO_CLEAR - (item.rightStreak || 0));
  return Object.assign({}, item, {
    typeLabel: q.TYPE_LABELS[item.type] || '',
    lastWrongText: q.formatDateTime(item.lastWrongAt),
    progressText: `答错 ${item.wrongCount} 次 · 再连续答对 ${left} 次移出`,
  });
}

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
      // Practising from here changes the book; refresh whenever the page comes back.
      return this.load();
    },

    async load() {
      try {
        await auth.ensureLogin();
        const res = await request({ url: '/api/v1/practice/wrong-book', data: { page: 1, size: PAGE_SIZE } });
        this.setData({ state: 'ready', items: res.items.map(toView), total: res.total, page: 1 });
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
    },

    async onLoadMore() {
      if (this.data.loadingMore || this.data.items.length >= this.data.total) return;
      this.setData({ loadingMore: true });
      try {
        const page = this.data.page + 1;
        const res = await request({ url: '/api/v1/practice/wrong-book', data: { page, size: PAGE_SIZE } });
        this.setData({ items: this.data.items.concat(res.items.map(toView)), total: res.total, page });
      } catch (err) {
        // request() showed the reason; the button stays for another try.
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    onReachBottom() {
      this.onLoadMore();
    },

    onPractice() {
      wx.navigateTo({ url: '/pages/practice/practice?source=WRONG_BOOK' });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },
  }),
);
