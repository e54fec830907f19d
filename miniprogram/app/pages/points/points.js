const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
const { pagedList } = require('../../utils/paged');
const q = require('../../utils/quiz');


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
    ...pagedList({ url: '/api/v1/me/points/history', toView: entryView }),

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
          this.fetchFirstPage(),
        ]);
        this.setData({
          state: 'ready',
          balance: balance.balance,
          today: (balance.today || []).map((t) => Object.assign({}, t, { full: t.cap > 0 && t.earned >= t.cap })),
          items: history.items,
          total: history.total,
          page: history.page,
        });
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
    },



    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },
  }),
);
