// 名单: find a participant by name or the visible digits of the masked phone, tick them in or out
// (people without phones, proxy signups; ticking also confirms an unverified check-in), and register
// walk-ins at the door (a proxy signup by the organiser; the server checks the event's conditions). The
// walk-in's village is picked from the district's region tree (镇/街道 → 村/社区), so the plan's per-village
// figures count them; the server refuses a code that is not one of its villages.
//
// Without network the page works from the roster it saved last time it was online (utils/offline-roster.js):
// a tick is checked against the session's window, kept in the same offline queue as ticket scans
// (utils/checkin-queue.js) with the time it happened and its own operation id, and the person shows
// "已签到（待同步）". When the network returns (wx.onNetworkStatusChange), the page is shown again or 立即同步
// is tapped, the queue is synced one entry at a time (the server applies each operation id once) and each
// person shows the server's answer: a conflict (ticked or scanned on another phone too) and a refusal say so
// on that person's row and in the queue below.
//
// Below the roster, online only: the 科普信息员 who checked in as helpers. One whose position was not verified
// counts as the officer's activity only once the organiser taps 确认在场 here (or in the console).

const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pickSession } = require('../../utils/sessions');
const organiser = require('../../api/organiser');
const offlineRoster = require('../../utils/offline-roster');
const queue = require('../../utils/checkin-queue');
const toast = require('../../utils/toast');
const { phoneOffline, isNetworkError } = require('../../utils/network');
const regionsApi = require('../../api/regions');
const regions = require('../../utils/regions');

function stateOf(entry, sessionId, queued) {
  // a tick or scan waiting to be synced is what the organiser did last: it shows, marked as such
  const mine = queued.filter((q) => q.signupId === entry.signupId && q.sessionId === sessionId && q.state === 'PENDING');
  if (mine.some((q) => q.purpose === 'OUT')) return { code: 'out', text: '已签退（待同步）', pending: true };
  if (mine.some((q) => q.purpose === 'IN')) return { code: 'in', text: '已签到（待同步）', pending: true };
  const a = (entry.attendance || []).find((x) => x.sessionId === sessionId);
  if (!a) return { code: 'none', text: '未签到' };
  if (a.checkOutAt) return { code: 'out', text: '已签退' };
  if (!a.presenceConfirmed) return { code: 'unverified', text: '已签到（待确认）' };
  return { code: 'in', text: '已签到' };
}

/** The server's answer on this person's latest synced entry that did not simply apply: a conflict or a refusal. */
function noteOf(entry, sessionId, queued) {
  const answered = queued.filter((q) => q.signupId === entry.signupId && q.sessionId === sessionId
    && (q.state === 'CONFLICT' || q.state === 'REFUSED'));
  const last = answered[answered.length - 1];
  if (!last || !last.result) return null;
  const word = last.purpose === 'OUT' ? '签退' : '签到';
  return {
    ok: last.state === 'CONFLICT',
    text: last.state === 'CONFLICT' ? `另一台手机也记录了${word}：${last.result.note}`
      : `${word}未通过：${last.result.note}`,
  };
}

/** A helper check-in as the roster shows it. */
function helperRow(h) {
  let stateText = '位置已核验，已计入';
  if (!h.locationVerified && h.presenceConfirmed) stateText = '已确认，已计入';
  else if (!h.presenceConfirmed) stateText = h.confirmable ? '位置未核验，待确认' : '位置未核验，不计入';
  return { id: h.id, name: h.name, role: h.roleLabel || '', time: String(h.checkInAt || '').slice(5, 16).replace('T', ' '),
    stateText, confirmable: Boolean(h.confirmable) };
}

function hhmm(ms) {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(11, 16);
}

function matches(entry, q) {
  if (!q) return true;
  return String(entry.name || '').indexOf(q) >= 0 || String(entry.phone || '').replace(/\*/g, '').indexOf(q) >= 0;
}

Page(
  elderPage({
    ...loadable({
      async fetch() {
        let pack;
        try {
          const [event, roster] = await Promise.all([
            organiser.event(this.eventId, { silent: true }),
            organiser.roster(this.eventId, { silent: true }),
          ]);
          pack = offlineRoster.keep(this.eventId, { title: event.title, sessions: event.sessions || [],
            entries: offlineRoster.entriesOf(roster) });
          this.offline = false;
        } catch (err) {
          const saved = offlineRoster.read(this.eventId);
          if (!isNetworkError(err) || !saved) throw err;
          pack = saved;
          this.offline = true;
        }
        this.pack = pack;
        const session = pickSession(pack.sessions);
        this.session = session;
        this.sessionId = session ? session.id : null;
        this.entries = pack.entries;
        this.loadRegions();
        if (!this.offline) this.loadHelpers();
        return Object.assign({ title: pack.title }, this.offlineData(), this.view());
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
      offline: false,
      offlineNote: '',
      queue: [],
      pendingCount: 0,
      syncing: false,
      syncNote: '',
      helpers: [],
    },

    onLoad(query) {
      this.eventId = Number(query.id);
      this.entries = [];
      queue.syncOnReconnect(this);
      return this.load().then(() => this.syncNow());
    },

    onShow() {
      if (this.pack) this.syncNow();
    },

    onUnload() {
      queue.stopSyncOnReconnect(this);
    },

    offlineData() {
      return {
        offline: Boolean(this.offline),
        offlineNote: this.offline && this.pack
          ? `无网络：使用 ${hhmm(this.pack.savedAt)} 下载的名单，勾选的记录联网后自动同步` : '',
      };
    },

    view() {
      const q = this.data.query.trim();
      const queued = queue.list(this.eventId);
      return Object.assign({
        people: this.entries.filter((e) => matches(e, q)).map((e) => {
          const s = stateOf(e, this.sessionId, queued);
          const note = noteOf(e, this.sessionId, queued);
          return { signupId: e.signupId, name: e.name, phone: e.phone, proxy: e.proxy, stateCode: s.code, stateText: s.text,
            pending: Boolean(s.pending), note: note ? note.text : '', noteOk: note ? note.ok : true };
        }),
      }, queue.view(this.eventId));
    },

    /** The server's attendance for one person and session replaces what the page (and the saved roster) had. */
    applyAttendance(att) {
      const entry = this.entries.find((x) => x.signupId === att.signupId);
      if (!entry) return;
      const others = (entry.attendance || []).filter((x) => x.sessionId !== att.sessionId);
      entry.attendance = others.concat([att]);
      if (this.pack) this.pack = offlineRoster.keep(this.eventId, Object.assign({}, this.pack, { entries: this.entries }));
    },

    /** Sends the queue; what the server answered updates the people it concerns. */
    async syncNow() {
      if (this.syncRun) return this.syncRun;
      if (!queue.pending(this.eventId).length) {
        // nothing to send; if the page was working offline, the network may be back
        if (this.offline && await this.refreshRoster()) this.setData(Object.assign(this.offlineData(), this.view()));
        return null;
      }
      this.setData({ syncing: true });
      this.syncRun = (async () => {
        const started = Date.now();
        const outcome = await queue.sync(this.eventId);
        // only what this sync answered: an older answer must not undo a later tick made online
        queue.list(this.eventId)
          .filter((e) => e.attendance && e.state !== 'PENDING' && e.syncedAt >= started)
          .forEach((e) => this.applyAttendance(e.attendance));
        // the network is back: the roster from the server shows ticks made on other phones too
        if (!outcome.stopped && this.offline) await this.refreshRoster();
        this.setData(Object.assign({ syncing: false,
          syncNote: outcome.left ? '网络不稳定，剩余记录稍后自动同步' : `已同步 ${outcome.synced} 条` },
        this.offlineData(), this.view()));
        return outcome;
      })();
      try {
        return await this.syncRun;
      } finally {
        this.syncRun = null;
      }
    },

    /** The roster again from the server; true when it came (the page is then online again). */
    async refreshRoster() {
      try {
        const roster = await organiser.roster(this.eventId, { silent: true });
        this.entries = offlineRoster.entriesOf(roster);
        this.pack = offlineRoster.keep(this.eventId, Object.assign({}, this.pack, { entries: this.entries,
          savedAt: Date.now() }));
        this.offline = false;
        return true;
      } catch (err) {
        // still offline: what the page has (and the sync answered) stays on screen
        return false;
      }
    },

    onSyncTap() {
      return this.syncNow();
    },

    onClearSynced() {
      queue.clearSynced(this.eventId);
      this.setData(Object.assign({ syncNote: '' }, this.view()));
    },

    onSearch(e) {
      this.setData({ query: e.detail.value });
      this.setData(this.view());
    },

    async onTick(e) {
      const { id, purpose } = e.currentTarget.dataset;
      const signupId = Number(id);
      const entry = this.entries.find((x) => x.signupId === signupId);
      if (!entry) return;
      if (this.offline || await phoneOffline()) {
        this.offline = true;
        this.tickOffline(entry, purpose);
        return;
      }
      try {
        const att = await organiser.tick(this.eventId, this.sessionId, { signupId, purpose }, { silent: true });
        this.applyAttendance(att);
        this.setData(this.view());
      } catch (err) {
        if (isNetworkError(err)) {
          this.offline = true;
          this.tickOffline(entry, purpose);
        } else toast.showError(err.detail || '操作失败，请稍后重试');
      }
    },

    /** No network: the tick is checked against the session's window and queued with the time it happened. */
    tickOffline(entry, purpose) {
      const word = purpose === 'OUT' ? '签退' : '签到';
      const allowed = offlineRoster.tickAllowed(this.session, purpose, Date.now());
      if (!allowed.ok) {
        toast.showError(allowed.reason);
        return;
      }
      if (queue.alreadyQueued(this.eventId, entry.signupId, this.sessionId, purpose)) {
        toast.showError(`${entry.name} 已${word}，无需重复`);
        return;
      }
      queue.enqueue(this.eventId, { kind: 'TICK', signupId: entry.signupId, name: entry.name,
        sessionId: this.sessionId, purpose });
      wx.showToast({ title: `${word}已记录，联网后自动同步`, icon: 'none', duration: 2000 });
      this.setData(Object.assign({ syncNote: '' }, this.offlineData(), this.view()));
    },

    /** The officers who helped; not kept offline (confirming needs the server anyway). */
    async loadHelpers() {
      try {
        const list = await organiser.helpers(this.eventId, { silent: true });
        this.setData({ helpers: (list || []).map(helperRow) });
      } catch (err) {
        this.setData({ helpers: [] });
      }
    },

    async onConfirmHelper(e) {
      const id = Number(e.currentTarget.dataset.id);
      try {
        const h = await organiser.confirmHelper(this.eventId, id, { silent: true });
        this.setData({ helpers: this.data.helpers.map((x) => (x.id === id ? helperRow(h) : x)) });
        wx.showToast({ title: '已确认，计入其活动', icon: 'success' });
      } catch (err) {
        toast.showError(isNetworkError(err) ? '没有网络，联网后再确认' : (err.detail || '确认失败，请稍后重试'));
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
