const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { describeError } = require('../../utils/errors');
const courses = require('../../api/courses');

Page(
  elderPage({
    data: { state: 'loading', items: [], error: null },

    onLoad() {
      return this.load();
    },

    async load() {
      this.setData({ state: 'loading' });
      try {
        await auth.ensureLogin();
        const items = await courses.list(null, { silent: true });
        this.setData({ state: items.length ? 'list' : 'empty', items });
      } catch (err) {
        this.setData({ state: 'error', error: describeError(err, { refusedTitle: '现在打不开课程' }) });
      }
    },

    onRetry() {
      return this.load();
    },

    onOpen(e) {
      wx.navigateTo({ url: `/pages/course/course?id=${e.currentTarget.dataset.id}` });
    },
  }),
);
