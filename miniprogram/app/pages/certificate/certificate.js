const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const toast = require('../../utils/toast');
const { request } = require('../../utils/request');
const q = require('../../utils/quiz');

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | missing | error
      cert: null,
    },

    onLoad(query) {
      this.verifyNo = String((query && query.verifyNo) || '').trim().toUpperCase();
      return this.load();
    },

    async load() {
      try {
        await auth.ensureLogin();
        // Rendered from the resident's own list: it carries the same (masked) name the public check shows.
        const list = await request({ url: '/api/v1/me/certificates' });
        const found = (list || []).find((c) => c.verifyNo === this.verifyNo);
        if (!found) {
          this.setData({ state: 'missing' });
          return;
        }
        this.setData({
          state: 'ready',
          cert: Object.assign({}, found, { dateText: q.formatDate(found.issuedAt) }),
        });
      } catch (err) {
        this.setData({ state: 'error' });
      }
    },

    onCopyNo() {
      if (!this.data.cert) return;
      wx.setClipboardData({
        data: this.data.cert.verifyNo,
        success: () => toast.showSuccess('编号已复制'),
      });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },
  }),
);
