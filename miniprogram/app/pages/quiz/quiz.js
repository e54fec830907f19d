const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const quiz = require('../../api/quiz');
const q = require('../../utils/quiz');

/** Split the server's cards by kind and add the texts the template shows. */
function arrange(cards) {
  const groups = { daily: null, practice: null, selfTests: [], contests: [] };
  (cards || []).forEach((card) => {
    const used = card.attemptsUsed || 0;
    const view = Object.assign({}, card, {
      windowText: q.formatWindow(card.opensAt, card.closesAt),
      attemptsText: `已答 ${used}/${card.attemptsAllowed} 次`,
      usedUp: card.attemptsAllowed > 0 && used >= card.attemptsAllowed,
      limitText: card.countdown && card.timeLimitSeconds ? `限时 ${Math.round(card.timeLimitSeconds / 60)} 分钟` : '不限时',
    });
    if (card.kind === 'DAILY' && !groups.daily) groups.daily = view;
    else if (card.kind === 'PRACTICE' && !groups.practice) groups.practice = view;
    else if (card.kind === 'SELF_TEST') groups.selfTests.push(view);
    else if (card.kind === 'CONTEST') groups.contests.push(view);
  });
  return groups;
}

Page(
  elderPage({
    // Taking a quiz creates records about the resident: not before the policy is accepted.
    ...loadable({
      consent: true,
      async fetch() {
        const [cards, streak] = await Promise.all([quiz.list(), quiz.dailyStreak()]);
        return Object.assign({ streak: streak || { current: 0, best: 0 } }, arrange(cards));
      },
    }),

    data: {
      state: 'loading', // loading | ready | error | consent
      error: null,
      daily: null,
      practice: null,
      selfTests: [],
      contests: [],
      streak: { current: 0, best: 0 },
    },

    onShow() {
      // Counts change after every attempt, so the list is fetched each time the tab shows.
      return this.load();
    },

    onStart(e) {
      const { id, done, limit } = e.currentTarget.dataset;
      if (done) return;
      const go = () => wx.navigateTo({ url: `/pages/attempt/attempt?quizId=${id}` });
      // 关怀模式: a timed contest says so plainly before the clock starts, and the resident chooses.
      if (this.data.elder && limit) {
        wx.showModal({
          title: '这是限时答题',
          content: `${limit}，从点“开始答题”算起。题目上方会显示剩余时间；时间到了不会替您交卷，但不能再改答案，请记得点“交卷”。`,
          confirmText: '开始答题',
          cancelText: '先不答',
          success: (res) => {
            if (res && res.confirm) go();
          },
        });
        return;
      }
      go();
    },

    onPractice() {
      wx.navigateTo({ url: '/pages/practice/practice?source=RANDOM' });
    },

    onWrongBook() {
      wx.navigateTo({ url: '/pages/wrong-book/wrong-book' });
    },

    onLeaderboard(e) {
      const { id, title } = e.currentTarget.dataset;
      wx.navigateTo({ url: `/pages/leaderboard/leaderboard?quizId=${id}&title=${encodeURIComponent(title || '')}` });
    },

    onCertificates() {
      wx.navigateTo({ url: '/pages/certificates/certificates' });
    },
  }),
);
