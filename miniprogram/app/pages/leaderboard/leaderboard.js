const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { describeError } = require('../../utils/errors');
const quiz = require('../../api/quiz');
const q = require('../../utils/quiz');

const TOP = 50;

function standingView(s, i) {
  // Exact ties share a rank, so the rank alone is not a unique list key.
  return Object.assign({}, s, { key: `${s.rank}-${i}`, durationText: q.formatDuration(s.durationMs), medal: s.rank <= 3 });
}

function regionView(r) {
  return Object.assign({}, r, {
    rateText: r.participationRate === null || r.participationRate === undefined ? '—' : `${r.participationRate}%`,
    averageText: r.averageScore === null || r.averageScore === undefined ? '—' : `${r.averageScore}`,
  });
}

Page(
  elderPage({
    ...loadable({
      async fetch() {
        const [board, prefs] = await Promise.all([quiz.leaderboard(this.quizId, TOP), quiz.preferences()]);
        this.showBoard(board);
        return { optIn: Boolean(prefs && prefs.leaderboardOptIn) };
      },
    }),

    data: {
      state: 'loading', // loading | ready | error
      error: null,
      tab: 'people', // people | regions
      title: '',
      participants: 0,
      items: [],
      me: null,
      regionsLoaded: false,
      regionsState: 'idle', // idle | loading | ready | error
      regionsError: null,
      tabs: [
        { label: '个人榜', value: 'people' },
        { label: '地区榜', value: 'regions' },
      ],
      towns: [],
      villages: [],
      optIn: false,
      savingOptIn: false,
    },

    onLoad(query) {
      this.quizId = query && query.quizId;
      const title = query && query.title ? decodeURIComponent(query.title) : '';
      this.setData({ title });
      if (title) wx.setNavigationBarTitle({ title: `${title} · 排行榜` });
      return this.load();
    },

    showBoard(board) {
      const me = board.me || {};
      this.setData({
        participants: board.participants || 0,
        items: (board.items || []).map(standingView),
        me: Object.assign({}, me, { durationText: q.formatDuration(me.durationMs), hasRank: me.rank !== null && me.rank !== undefined }),
      });
    },

    async loadRegions() {
      this.setData({ regionsState: 'loading', regionsError: null });
      try {
        const board = await quiz.regionBoard(this.quizId, { silent: true });
        this.setData({
          regionsState: 'ready',
          towns: (board.towns || []).map(regionView),
          villages: (board.villages || []).map(regionView),
        });
      } catch (err) {
        this.setData({ regionsState: 'error', regionsError: describeError(err) });
      }
    },

    onTab(e) {
      const tab = e.detail.value;
      if (tab === this.data.tab) return;
      this.setData({ tab });
      // The region board is a second, heavier query: only when someone asks for it.
      if (tab === 'regions' && this.data.regionsState !== 'ready') this.loadRegions();
    },

    async onOptInChange(e) {
      const on = Boolean(e.detail.value);
      const previous = this.data.optIn;
      this.setData({ optIn: on, savingOptIn: true });
      try {
        const prefs = await quiz.setPreferences(on);
        this.setData({ optIn: Boolean(prefs && prefs.leaderboardOptIn) });
        // My own line on the board changes with the setting.
        const board = await quiz.leaderboard(this.quizId, TOP);
        this.showBoard(board);
      } catch (err) {
        this.setData({ optIn: previous });
      } finally {
        this.setData({ savingOptIn: false });
      }
    },

    onRetryRegions() {
      this.loadRegions();
    },
  }),
);
