const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
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
    data: {
      state: 'loading', // loading | ready | error
      tab: 'people', // people | regions
      title: '',
      participants: 0,
      items: [],
      me: null,
      regionsLoaded: false,
      regionsState: 'idle', // idle | loading | ready | error
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

    async load() {
      try {
        await auth.ensureLogin();
        const [board, prefs] = await Promise.all([
          request({ url: `/api/v1/quizzes/${this.quizId}/leaderboard`, data: { top: TOP } }),
          request({ url: '/api/v1/me/quiz-preferences' }),
        ]);
        this.showBoard(board);
        this.setData({ state: 'ready', optIn: Boolean(prefs && prefs.leaderboardOptIn) });
      } catch (err) {
        if (this.data.state !== 'ready') this.setData({ state: 'error' });
      }
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
      this.setData({ regionsState: 'loading' });
      try {
        const board = await request({ url: `/api/v1/quizzes/${this.quizId}/leaderboard/regions` });
        this.setData({
          regionsState: 'ready',
          towns: (board.towns || []).map(regionView),
          villages: (board.villages || []).map(regionView),
        });
      } catch (err) {
        this.setData({ regionsState: 'error' });
      }
    },

    onTab(e) {
      const tab = e.currentTarget.dataset.tab;
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
        const prefs = await request({ url: '/api/v1/me/quiz-preferences', method: 'PUT', data: { leaderboardOptIn: on } });
        this.setData({ optIn: Boolean(prefs && prefs.leaderboardOptIn) });
        // My own line on the board changes with the setting.
        const board = await request({ url: `/api/v1/quizzes/${this.quizId}/leaderboard`, data: { top: TOP } });
        this.showBoard(board);
      } catch (err) {
        this.setData({ optIn: previous });
      } finally {
        this.setData({ savingOptIn: false });
      }
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },

    onRetryRegions() {
      this.loadRegions();
    },
  }),
);
