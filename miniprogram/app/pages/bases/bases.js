const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pagedList, pagedData } = require('../../utils/paged');
const location = require('../../utils/location');
const bases = require('../../api/bases');
const b = require('../../utils/bases');

const VIEWS = [
  { label: '列表', value: 'list' },
  { label: '地图', value: 'map' },
];

// A district has tens of bases: one page puts them all on the map.
const PAGE_SIZE = 50;

Page(
  elderPage({
    ...pagedList({
      fetch(params) {
        const where = this.where ? { lat: this.where.latitude, lng: this.where.longitude } : {};
        return bases.list(Object.assign(params, where, { type: this.data.type }));
      },
      toView: b.baseView,
      dedupeBy: 'id',
      size: PAGE_SIZE,
    }),
    ...loadable({
      async fetch() {
        // Asked once per page: the list works without it, ordered by name.
        if (!this.located) {
          this.located = await location.locate();
          this.where = this.located.latitude !== undefined ? this.located : null;
        }
        const first = await this.fetchFirstPage();
        if (!first) return null;
        return Object.assign(this.mapData(first.items), first, {
          locationState: this.where ? 'ok' : this.located.refused ? 'refused' : 'failed',
        });
      },
    }),

    data: Object.assign(
      {
        state: 'loading', // loading | ready | error
        error: null,
        views: VIEWS,
        view: 'list',
        types: b.TYPES,
        type: '',
        locationState: 'ok', // ok | refused | failed
        markers: [],
        center: b.mapCenter(null, []),
      },
      pagedData(),
    ),

    onLoad() {
      return this.load();
    },

    mapData(items) {
      return { markers: b.markersOf(items), center: b.mapCenter(this.where, items) };
    },

    onView(e) {
      const view = e.detail.value;
      // The map shows every base loaded so far, including pages loaded since the last look.
      this.setData(Object.assign({ view }, view === 'map' ? this.mapData(this.data.items) : {}));
    },

    onType(e) {
      const type = e.currentTarget.dataset.type || '';
      if (type === this.data.type) return undefined;
      this.setData(Object.assign(pagedData(), { type, state: 'loading' }));
      return this.load();
    },

    onOpen(e) {
      wx.navigateTo({ url: `/pages/base/detail?id=${e.currentTarget.dataset.id}` });
    },

    onMarkerTap(e) {
      const id = e.detail && (e.detail.markerId !== undefined ? e.detail.markerId : e.markerId);
      if (id !== undefined && id !== null) wx.navigateTo({ url: `/pages/base/detail?id=${id}` });
    },

    /** After allowing location in the settings, the list is ordered by distance again. */
    onAllowLocation() {
      location.openSettings();
      this.located = null;
    },

    onShow() {
      // Back from the settings page: try the position again.
      if (this.data.state === 'ready' && this.located === null) {
        this.setData(Object.assign(pagedData(), { state: 'loading' }));
        return this.load();
      }
      return undefined;
    },
  }),
);
