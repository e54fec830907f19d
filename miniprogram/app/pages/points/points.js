const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
const q = require('../../utils/quiz');

const PAGE_SIZE = 20;

function entryView(e) {
  return Object.assign({}, e, {
    amountText: e.amount > 0 ? `+${e.amount}` : `${e.amount}`,
    timeText: q.formatDateTime(e.createdAt),
    // The ledger is append-only: a reversal is its own negative line, and a capped award
    // shows that fewer points were given than asked for.
    capped: e.amount >= 0 && e.requested > e.amount,
  });
}

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | error
      balance: 0,
      today: [],
      items: [],
      total: 0,
      page: 0,
      loadingMore: false,
    },

    onShow() {
      return this.load();
    },

    async load() {
      try {
        await auth.ensureLogin();
        const [balance, history] = await Promise.all([
          request({ url: '/api/v1/me/points' }),
          request({ url: '/api/v1/me/points/history', data: { page: 1, size: PAGE_SIZE } }),
        ]);
        this.setData({
          state: 'ready',
          balance: balance.balance,
          today: (balance.today || []).map((t) => Object.assign({}, t, { full: t.cap > 0 && t.earned >= t.cap })),
          items: history.items.map(entryView),
          total: history.total,
          page: 1,
        });
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
    },

    async onLoadMore() {
      if (this.data.loadingMore || this.data.items.length >= this.data.total) return;
      this.setData({ loadingMore: true });
      try {
        const page = this.data.page + 1;
        const res = await request({ url: '/api/v1/me/points/history', data: { page, size: PAGE_SIZE } });
        this.setData({ items: this.data.items.concat(res.items.map(entryView)), total: res.total, page });
      } catch (err) {
        // request() showed the reason; the button stays for another try.
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    onReachBottom() {
      this.onLoadMore();
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },
  }),
);
