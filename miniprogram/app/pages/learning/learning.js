const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pagedList, pagedData } = require('../../utils/paged');
const quiz = require('../../api/quiz');
const points = require('../../api/points');
const q = require('../../utils/quiz');

const TABS = [
  { label: '答题记录', value: 'all' },
  { label: '自测成绩', value: 'SELF_TEST' },
];

const STATUS_LABELS = { OPEN: '未交卷', SUBMITTED: '已交卷', EXPIRED: '到时自动交卷' };

/** One row of AttemptMapper.AttemptSummaryRow (times are Shanghai local times without an offset). */
function attemptView(a) {
  const finished = a.status !== 'OPEN';
  return Object.assign({}, a, {
    kindLabel: q.KIND_LABELS[a.kind] || '',
    statusLabel: STATUS_LABELS[a.status] || a.status,
    scoreText: finished && a.score !== null && a.score !== undefined ? `${a.score}/${a.maxScore} 分` : '',
    resultLabel: finished && a.passed !== null && a.passed !== undefined ? (a.passed ? '通过' : '未通过') : '',
    timeText: q.formatDateTime(a.finishedAt || a.startedAt),
    open: !finished,
  });
}

Page(
  elderPage({
    ...pagedList({
      fetch(params) {
        return quiz.myAttempts(Object.assign(params, { kind: this.data.tab === 'all' ? '' : this.data.tab }));
      },
      toView: attemptView,
    }),
    ...loadable({
      // The summary figures are what the resident owns; the record list is the page.
      async fetch() {
        const [balance, certificates, first] = await Promise.all([points.balance(), quiz.certificates(), this.fetchFirstPage()]);
        return first && Object.assign({ balance: balance.balance, certificateCount: (certificates || []).length }, first);
      },
    }),

    data: Object.assign(pagedData(), {
      state: 'loading', // loading | ready | error
      error: null,
      tabs: TABS,
      tab: 'all',
      balance: 0,
      certificateCount: 0,
      listLoading: false,
    }),

    onShow() {
      // A quiz finished elsewhere must appear here.
      return this.load();
    },

    async onTab(e) {
      const tab = e.detail.value;
      if (tab === this.data.tab) return;
      this.setData(Object.assign(pagedData(), { tab, listLoading: true }));
      try {
        await this.reloadList();
      } catch (err) {
        // request() showed why; the tab stays and 加载更多 or another tap tries again.
      } finally {
        this.setData({ listLoading: false });
      }
    },

    onOpenAttempt(e) {
      wx.navigateTo({ url: `/pages/attempt/attempt?attemptId=${e.currentTarget.dataset.id}` });
    },

    onOpenPoints() {
      wx.navigateTo({ url: '/pages/points/points' });
    },

    onOpenCertificates() {
      wx.navigateTo({ url: '/pages/certificates/certificates' });
    },

    onOpenWrongBook() {
      wx.navigateTo({ url: '/pages/wrong-book/wrong-book' });
    },

    onVerify() {
      wx.navigateTo({ url: '/pages/certificate-verify/certificate-verify' });
    },

    onGoQuiz() {
      wx.switchTab({ url: '/pages/quiz/quiz' });
    },
  }),
);
