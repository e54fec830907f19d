const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { pagedList } = require('../../utils/paged');
const q = require('../../utils/quiz');

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
    ...pagedList({ url: '/api/v1/practice/wrong-book', toView }),

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
        const first = await this.fetchFirstPage();
        this.setData(Object.assign({ state: 'ready' }, first));
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
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
