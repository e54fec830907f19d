const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pagedList, pagedData } = require('../../utils/paged');
const points = require('../../api/points');
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
    ...pagedList({ fetch: (params) => points.history(params), toView: entryView }),
    ...loadable({
      async fetch() {
        const [balance, history] = await Promise.all([points.balance(), this.fetchFirstPage()]);
        if (!history) return null;
        return Object.assign(
          {
            balance: balance.balance,
            today: (balance.today || []).map((t) => Object.assign({}, t, { full: t.cap > 0 && t.earned >= t.cap })),
          },
          history,
        );
      },
    }),

    data: Object.assign({ state: 'loading', error: null, balance: 0, today: [] }, pagedData()),

    onShow() {
      return this.load();
    },
  }),
);
