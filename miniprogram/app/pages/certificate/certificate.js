const { elderPage } = require('../../behaviors/elder-page');
const { loadable, orNullIfMissing } = require('../../utils/page-load');
const toast = require('../../utils/toast');
const quiz = require('../../api/quiz');
const q = require('../../utils/quiz');

Page(
  elderPage({
    ...loadable({
      async fetch() {
        // The public check: the same masked name, score and date everyone who verifies the number sees.
        const cert = await orNullIfMissing(quiz.verifyCertificate(this.verifyNo, { silent: true }));
        if (!cert) return { state: 'missing' };
        return { cert: Object.assign({}, cert, { dateText: q.formatDate(cert.issuedAt) }) };
      },
    }),

    data: {
      state: 'loading', // loading | ready | missing | error
      error: null,
      cert: null,
    },

    onLoad(query) {
      this.verifyNo = String((query && query.verifyNo) || '').trim().toUpperCase();
      if (!this.verifyNo) {
        this.setData({ state: 'missing' });
        return undefined;
      }
      return this.load();
    },

    onCopyNo() {
      if (!this.data.cert) return;
      wx.setClipboardData({
        data: this.data.cert.verifyNo,
        success: () => toast.showSuccess('编号已复制'),
      });
    },
  }),
);
