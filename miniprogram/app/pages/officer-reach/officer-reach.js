const { elderPage } = require('../../behaviors/elder-page');
const { loadable, orNullIfMissing } = require('../../utils/page-load');
const officers = require('../../api/officers');
const content = require('../../api/content');
const c = require('../../utils/content');
const { formatDate } = require('../../utils/quiz');

// Items offered for a poster: the newest of the feed.
const PICK_COUNT = 10;

function villageView(v, i) {
  return Object.assign({}, v, { key: v.regionCode || `none-${i}`, place: v.townName ? `${v.townName} / ${v.regionName}` : v.regionName });
}

Page(
  elderPage({
    ...loadable({
      consent: true,
      async fetch() {
        // Both answer 404 NOT_OFFICER until an application is approved.
        const [summary, byVillage] = await Promise.all([
          orNullIfMissing(officers.reach({ silent: true })),
          orNullIfMissing(officers.reachByVillage({ silent: true })),
        ]);
        if (!summary || !byVillage) return { state: 'none' };
        this.loadPicks();
        return {
          summary: Object.assign({}, summary, {
            lastActiveText: summary.lastActiveOn ? formatDate(summary.lastActiveOn) : '还没有',
          }),
          opens: byVillage.opens,
          villages: (byVillage.villages || []).map(villageView),
        };
      },
    }),

    data: {
      state: 'loading', // loading | ready | none | error | consent
      error: null,
      summary: null,
      opens: 0,
      villages: [],
      picks: [],
      picksState: 'loading', // loading | ready | error
    },

    onShow() {
      return this.load();
    },

    /** Recent items to make a poster of; secondary, so a failure only hides the list. */
    async loadPicks() {
      try {
        const { data } = await content.feed({ page: 1, size: PICK_COUNT }, { silent: true });
        this.setData({ picks: (data.items || []).map(c.cardView), picksState: 'ready' });
      } catch (err) {
        this.setData({ picksState: 'error' });
      }
    },

    onPoster(e) {
      wx.navigateTo({ url: `/pages/share-poster/share-poster?id=${e.currentTarget.dataset.id}` });
    },

    onOpenApplication() {
      wx.navigateTo({ url: '/pages/officer/officer' });
    },
  }),
);
