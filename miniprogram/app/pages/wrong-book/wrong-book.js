const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pagedList, pagedData } = require('../../utils/paged');
const quiz = require('../../api/quiz');
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
    ...pagedList({ fetch: (params) => quiz.wrongBook(params), toView }),
    ...loadable({
      fetch() {
        return this.fetchFirstPage();
      },
    }),

    data: Object.assign({ state: 'loading', error: null }, pagedData()),

    onShow() {
      // Practising from here changes the book; refresh whenever the page comes back.
      return this.load();
    },

    onPractice() {
      wx.navigateTo({ url: '/pages/practice/practice?source=WRONG_BOOK' });
    },
  }),
);
