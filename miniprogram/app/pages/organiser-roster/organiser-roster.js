// 名单: find a participant by name or the visible digits of the masked phone, tick them in or out
// (people without phones, proxy signups; ticking also confirms an unverified check-in), and register
// walk-ins at the door (a proxy signup by the organiser; the server checks the event's conditions). The
// walk-in's village is picked from the district's region tree (镇/街道 → 村/社区), so the plan's per-village
// figures count them; the server refuses a code that is not one of its villages.

const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { eventAndSession } = require('../../utils/sessions');
const organiser = require('../../api/organiser');
const regionsApi = require('../../api/regions');
const regions = require('../../utils/regions');

function stateOf(entry, sessionId) {
  const a = (entry.attendance || []).find((x) => x.sessionId === sessionId);
  if (!a) return { code: 'none', text: '未签到' };
  if (a.checkOutAt) return { code: 'out', text: '已签退' };
  if (!a.presenceConfirmed) return { code: 'unverified', text: '已签到（待确认）' };
  return { code: 'in', text: '已签到' };
}

function matches(entry, q) {
  if (!q) return true;
  return String(entry.name || '').indexOf(q) >= 0 || String(entry.phone || '').replace(/\*/g, '').indexOf(q) >= 0;
}

Page(
  elderPage({
    ...loadable({
      async fetch() {
        const { event, session } = await eventAndSession(this.eventId);
        this.sessionId = session ? session.id : null;
        const roster = await organiser.roster(this.eventId);
        this.entries = (roster.entries || []).filter((e) => e.status === 'CONFIRMED');
        this.loadRegions();
        return Object.assign({ title: event.title }, this.view());
      },
    }),

    data: {
      state: 'loading',
      error: null,
      title: '',
      query: '',
      people: [],
      walkIn: { name: '', phone: '' },
      regionState: 'loading',
      regionColumns: [[], []],
      regionIndex: [0, 0],
      regionCode: '',
      regionLabel: '',
      walkInError: '',
    },

    onLoad(query) {
      this.eventId = Number(query.id);
      this.entries = [];
      return this.load();
    },

    view() {
      const q = this.data.query.trim();
      return {
        people: this.entries.filter((e) => matches(e, q)).map((e) => {
          const s = stateOf(e, this.sessionId);
          return { signupId: e.signupId, name: e.name, phone: e.phone, proxy: e.proxy, stateCode: s.code, stateText: s.text };
        }),
      };
    },

    onSearch(e) {
      this.setData({ query: e.detail.value });
      this.setData(this.view());
    },

    async onTick(e) {
      const { id, purpose } = e.currentTarget.dataset;
      try {
        const att = await organiser.tick(this.eventId, this.sessionId, { signupId: Number(id), purpose });
        const entry = this.entries.find((x) => x.signupId === Number(id));
        const others = (entry.attendance || []).filter((x) => x.sessionId !== this.sessionId);
        entry.attendance = others.concat([att]);
        this.setData(this.view());
      } catch (err) {
        // request() has shown the server's reason
      }
    },

    onWalkInInput(e) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`walkIn.${field}`]: e.detail.value, walkInError: '' });
    },

    /** The region tree, once per page; the walk-in form says so when it cannot be loaded. */
    async loadRegions() {
      if (this.towns) return;
      try {
        const towns = regions.townsOf(await regionsApi.tree({ silent: true }));
        if (!towns.length) throw new Error('empty region tree');
        this.towns = towns;
        this.setData({ regionState: 'ready', regionColumns: regions.regionColumns(towns, 0), regionIndex: [0, 0] });
      } catch (err) {
        this.setData({ regionState: 'unavailable' });
      }
    },

    onRegionColumnChange(e) {
      const { column, value } = e.detail;
      if (column !== 0) return;
      // a new 镇/街道 shows its own 村/社区
      this.setData({ regionColumns: regions.regionColumns(this.towns, Number(value)), regionIndex: [Number(value), 0] });
    },

    onRegionChange(e) {
      const [townIndex, villageIndex] = (e.detail.value || []).map((v) => Number(v) || 0);
      const town = this.towns[townIndex];
      const village = regions.regionAt(this.towns, townIndex, villageIndex);
      if (!village) return;
      this.setData({
        regionColumns: regions.regionColumns(this.towns, townIndex),
        regionIndex: [townIndex, villageIndex],
        regionCode: village.code,
        regionLabel: village.code === town.code ? town.name : `${town.name} / ${village.name}`,
        walkInError: '',
      });
    },

    async onWalkIn() {
      const w = this.data.walkIn;
      if (!this.data.regionCode) {
        this.setData({ walkInError: '请选择参加人所在的村（社区）' });
        return;
      }
      const person = { name: w.name.trim(), phone: w.phone.trim(), regionCode: this.data.regionCode };
      try {
        const made = await organiser.walkIn(this.eventId, { person, sessionId: this.sessionId }, { silent: true });
        wx.showToast({ title: made.attendance ? '已补录并签到' : '已补录（候补中）', icon: 'success' });
        this.setData({ walkIn: { name: '', phone: '' }, regionCode: '', regionLabel: '' });
        await this.load();
      } catch (err) {
        this.setData({ walkInError: err.detail || '补录失败，请稍后重试' });
      }
    },
  }),
);
