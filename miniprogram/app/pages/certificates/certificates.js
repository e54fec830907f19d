const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const quiz = require('../../api/quiz');
const q = require('../../utils/quiz');

function certificateView(c) {
  return Object.assign({}, c, { dateText: q.formatDate(c.issuedAt), scoreText: `${c.score}/${c.maxScore} 分` });
}

Page(
  elderPage({
    ...loadable({
      async fetch() {
        const list = await quiz.certificates();
        return { items: (list || []).map(certificateView) };
      },
    }),

    data: {
      state: 'loading', // loading | ready | error
      error: null,
      items: [],
    },

    onShow() {
      return this.load();
    },

    onOpen(e) {
      const { no } = e.currentTarget.dataset;
      wx.navigateTo({ url: `/pages/certificate/certificate?verifyNo=${no}` });
    },

    onVerify() {
      wx.navigateTo({ url: '/pages/certificate-verify/certificate-verify' });
    },

    onGoQuiz() {
      wx.switchTab({ url: '/pages/quiz/quiz' });
    },
  }),
);
