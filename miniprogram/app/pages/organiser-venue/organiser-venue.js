// 现场签到码: the full-screen rotating QR the organiser's phone shows at the door. The code is a link
// (VenueCodeView.url), so WeChat's own 扫一扫 opens the check-in page as well as the in-app scan. It is
// fetched again when the server says (refreshAfterSeconds), with the seconds left and the live count
// on screen; without network the last code soon expires, and the page says so.

const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { eventAndSession } = require('../../utils/sessions');
const organiser = require('../../api/organiser');

Page(
  elderPage({
    ...loadable({
      async fetch() {
        const { event, session } = await eventAndSession(this.eventId);
        this.setData({ title: event.title, sessionId: session ? session.id : null });
        if (!session) return { state: 'ready', url: '' };
        await this.fetchCode();
        return null;
      },
    }),

    data: {
      state: 'loading',
      error: null,
      title: '',
      sessionId: null,
      purpose: 'IN',
      url: '',
      secondsLeft: 0,
      checkedIn: 0,
      checkedOut: 0,
      stale: false,
      qrSize: 300,
    },

    onLoad(query) {
      this.eventId = Number(query.id);
      const info = wx.getWindowInfo ? wx.getWindowInfo() : null;
      // as large as the screen allows, leaving a margin for the scanner's frame
      if (info && info.windowWidth) this.setData({ qrSize: Math.floor(info.windowWidth * 0.86) });
      if (wx.setKeepScreenOn) wx.setKeepScreenOn({ keepScreenOn: true });
      this.timer = setInterval(() => this.tick(), 1000);
      return this.load();
    },

    onUnload() {
      clearInterval(this.timer);
      this.timer = null;
    },

    async fetchCode() {
      try {
        const code = await organiser.venueCode(this.eventId, this.data.sessionId, this.data.purpose, { silent: true });
        this.setData({
          state: 'ready',
          url: code.url,
          secondsLeft: code.refreshAfterSeconds,
          checkedIn: code.checkedIn,
          checkedOut: code.checkedOut,
          stale: false,
        });
      } catch (err) {
        // keep the last code on screen, but say it will stop working; try again in a few seconds
        this.setData({ stale: true, secondsLeft: 5 });
        if (this.data.state !== 'ready') throw err;
      }
    },

    /** Once a second: count down, and fetch the next code when the server said it changes. */
    tick() {
      if (this.data.state !== 'ready' || !this.data.sessionId) return undefined;
      const left = this.data.secondsLeft - 1;
      if (left > 0) {
        this.setData({ secondsLeft: left });
        return undefined;
      }
      this.setData({ secondsLeft: 0 });
      return this.fetchCode();
    },

    onPurpose(e) {
      const purpose = e.currentTarget.dataset.purpose;
      if (purpose === this.data.purpose) return undefined;
      this.setData({ purpose });
      return this.fetchCode();
    },
  }),
);
