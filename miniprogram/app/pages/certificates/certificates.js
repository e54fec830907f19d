const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
const q = require('../../utils/quiz');

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | error
      items: [],
    },

    onShow() {
      return this.load();
    },

    async load() {
      try {
        await auth.ensureLogin();
        const list = await request({ url: '/api/v1/me/certificates' });
        const items = (list || []).map((c) =>
          Object.assign({}, c, { dateText: q.formatDate(c.issuedAt), scoreText: `${c.score}/${c.maxScore} 分` }),
        );
        this.setData({ state: 'ready', items });
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
    },

    onOpen(e) {
      const { no } = e.currentTarget.dataset;
      wx.navigateTo({ url: `/pages/certificate/certificate?verifyNo=${no}` });
    },

    onGoQuiz() {
      wx.switchTab({ url: '/pages/quiz/quiz' });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },
  }),
);
