const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const privacy = require('../../utils/privacy');
const { request } = require('../../utils/request');
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
    data: {
      state: 'loading', // loading | ready | error | consent
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

    async load() {
      try {
        const resident = await auth.ensureLogin();
        if (privacy.needsConsent(resident)) {
          // Taking a quiz creates records about the resident: not before the policy is accepted.
          this.setData({ state: 'consent' });
          return;
        }
        const [cards, streak] = await Promise.all([
          request({ url: '/api/v1/quizzes' }),
          request({ url: '/api/v1/me/daily-streak' }),
        ]);
        this.setData(Object.assign({ state: 'ready', streak: streak || { current: 0, best: 0 } }, arrange(cards)));
      } catch (err) {
        if (err.code === 'SIGNED_OUT') {
          wx.switchTab({ url: '/pages/index/index' });
          return;
        }
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },

    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },

    onStart(e) {
      const { id, done } = e.currentTarget.dataset;
      if (done) return;
      wx.navigateTo({ url: `/pages/attempt/attempt?quizId=${id}` });
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
