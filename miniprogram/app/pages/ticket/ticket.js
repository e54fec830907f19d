// 签到凭证: the resident's ticket drawn as a QR code at the top of its own page, for the organiser to
// scan, with the resident's attendance and 学时 of this training below. The ticket is kept on the
// phone, so the page opens in a village hall with no signal.

const { elderPage } = require('../../behaviors/elder-page');
const events = require('../../api/events');
const ticketCache = require('../../utils/ticket-cache');

function when(iso) {
  return String(iso || '').replace('T', ' ').slice(0, 16);
}

function attendanceView(a, index) {
  let hoursText = '结算中';
  if (a.credited === true) hoursText = `${Number(a.hours)} 学时`;
  else if (a.credited === false) hoursText = '未达到学时要求';
  else if (!a.presenceConfirmed) hoursText = '待组织者确认';
  return {
    sessionId: a.sessionId,
    label: `第 ${index + 1} 场`,
    inText: a.checkInAt ? `签到 ${when(a.checkInAt).slice(11)}` : '',
    outText: a.checkOutAt ? `签退 ${when(a.checkOutAt).slice(11)}` : '未签退',
    hoursText,
  };
}

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | none | error
      offline: false,
      ticket: null,
      attendance: [],
      totalHours: 0,
      certifiable: false,
      qrSize: 260,
    },

    async onLoad(query) {
      this.signupId = Number(query.id);
      const info = wx.getWindowInfo ? wx.getWindowInfo() : null;
      const width = info && info.windowWidth ? info.windowWidth : 375;
      // big enough to scan at arm's length; bigger still in 关怀模式
      this.setData({ qrSize: Math.floor(width * (this.data.elder ? 0.8 : 0.64)) });
      const cached = ticketCache.read(this.signupId);
      if (cached) this.setData({ state: 'ready', ticket: cached });
      await this.refresh(Boolean(cached));
    },

    onOpenCertificate() {
      wx.navigateTo({ url: `/pages/training-certificate/training-certificate?signupId=${this.signupId}` });
    },

    async refresh(hasCache) {
      try {
        const signup = await events.signupDetail(this.signupId, { silent: true });
        if (!signup.ticket) {
          ticketCache.drop(this.signupId);
          this.setData({ state: 'none', ticket: null });
          return;
        }
        const ticket = { token: signup.ticket, title: signup.eventTitle, startsText: when(signup.eventStartsAt),
          name: signup.participantName || '' };
        ticketCache.keep(this.signupId, ticket);
        const rows = await events.signupAttendance(this.signupId, { silent: true });
        const total = rows.filter((a) => a.credited).reduce((sum, a) => sum + Number(a.hours || 0), 0);
        // settled with hours: the training certificate can be opened (the server issues it then)
        const certifiable = !signup.proxy && total > 0 && rows.every((a) => a.credited !== null && a.credited !== undefined);
        this.setData({ state: 'ready', offline: false, ticket, attendance: rows.map(attendanceView), totalHours: total,
          certifiable });
      } catch (err) {
        if (hasCache) this.setData({ offline: true });
        else this.setData({ state: 'error' });
      }
    },
  }),
);
