// 扫凭证: the organiser scans residents' ticket QR codes (in or out) and sees a big ✓/✗ with the
// reason; the phone vibrates short for ✓ and long for ✗, so a queue can move without looking.
//
// Without network (the phone says so, or a request fails for want of one) the ticket is checked on the
// phone against what this page downloaded last time it was online (roster and verification keys,
// utils/offline-ticket.js), kept in the offline queue (utils/checkin-queue.js), shown as 待同步 N 条,
// and sent when the network comes back (wx.onNetworkStatusChange) or the page is shown again.

const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pickSession } = require('../../utils/sessions');
const { scanResult } = require('../../utils/ticket-scan');
const offlineTicket = require('../../utils/offline-ticket');
const queue = require('../../utils/checkin-queue');
const { verifySignedTicket } = require('../../utils/signed-ticket');
const organiser = require('../../api/organiser');
const { phoneOffline, isNetworkError } = require('../../utils/network');

function scanCode() {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(String(res.result || '').trim()),
      fail: () => resolve(''),
    });
  });
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
          const keys = await organiser.ticketKeys({ silent: true }).then((r) => r.keys || [], () => []);
          pack = { eventId: this.eventId, title: event.title, sessions: event.sessions || [],
            people: offlineTicket.peopleOf(roster), keys };
          offlineTicket.keep(this.eventId, pack);
        } catch (err) {
          pack = offlineTicket.read(this.eventId);
          if (!isNetworkError(err) || !pack) throw err;
        }
        const session = pickSession(pack.sessions);
        this.pack = pack;
        return Object.assign({ title: pack.title, sessionId: session ? session.id : null,
          rosterSize: (pack.people || []).length }, this.queueData());
      },
    }),

    data: {
      state: 'loading',
      error: null,
      title: '',
      sessionId: null,
      purpose: 'IN',
      result: null,
      scanned: 0,
      rosterSize: 0,
      queue: [],
      pendingCount: 0,
      syncing: false,
      syncNote: '',
    },

    onLoad(query) {
      this.eventId = Number(query.id);
      queue.syncOnReconnect(this);
      return this.load().then(() => this.syncNow());
    },

    onShow() {
      if (this.pack) this.syncNow();
    },

    onUnload() {
      queue.stopSyncOnReconnect(this);
    },

    queueData() {
      return queue.view(this.eventId);
    },

    async syncNow() {
      if (!queue.pending(this.eventId).length) return null;
      this.setData({ syncing: true });
      const outcome = await queue.sync(this.eventId);
      this.setData(Object.assign({ syncing: false,
        syncNote: outcome.left ? '网络不稳定，剩余记录稍后自动同步' : `已同步 ${outcome.synced} 条` }, this.queueData()));
      return outcome;
    },

    onSyncTap() {
      return this.syncNow();
    },

    onClearSynced() {
      queue.clearSynced(this.eventId);
      this.setData(Object.assign({ syncNote: '' }, this.queueData()));
    },

    onPurpose(e) {
      this.setData({ purpose: e.currentTarget.dataset.purpose, result: null });
    },

    /** The phone's own check and a place in the queue. */
    scanOffline(ticket) {
      const { purpose, sessionId } = this.data;
      const verdict = offlineTicket.check(ticket, this.pack || offlineTicket.read(this.eventId),
        { sessionId, nowMs: Date.now() }, verifySignedTicket);
      if (!verdict.ok) return { ok: false, mark: '✗', title: verdict.title, note: verdict.note };
      const word = purpose === 'OUT' ? '签退' : '签到';
      if (queue.alreadyQueued(this.eventId, verdict.signupId, sessionId, purpose)) {
        return { ok: false, mark: '✗', title: purpose === 'OUT' ? '已签退' : '已签到', note: `${verdict.name} 此前已${word}，无需重复` };
      }
      queue.enqueue(this.eventId, { ticket, signupId: verdict.signupId, name: verdict.name, sessionId, purpose });
      return { ok: true, mark: '✓', title: `${word}已记录`, note: `${verdict.name} · 无网络，联网后自动同步` };
    },

    async onScan() {
      const ticket = await scanCode();
      if (!ticket) return;
      const { purpose, sessionId } = this.data;
      let result;
      if (await phoneOffline()) {
        result = this.scanOffline(ticket);
      } else {
        try {
          const att = await organiser.scanTicket(this.eventId, { ticket, purpose, sessionId }, { silent: true });
          result = scanResult(purpose, att, null);
        } catch (err) {
          result = isNetworkError(err) ? this.scanOffline(ticket) : scanResult(purpose, null, err);
        }
      }
      if (result.ok) wx.vibrateShort({ type: 'heavy' });
      else wx.vibrateLong();
      this.setData(Object.assign({ result, scanned: this.data.scanned + (result.ok ? 1 : 0) }, this.queueData()));
    },
  }),
);
