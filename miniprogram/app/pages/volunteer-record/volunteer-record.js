const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { request } = require('../../utils/request');
const { pagedList } = require('../../utils/paged');

/** "2026-11-29" → "2026年11月29日": the certificate reads like a paper one. */
function dateText(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day || '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

function hoursText(hours) {
  return `${Number(hours || 0)} 小时`;
}

function serviceView(s) {
  return Object.assign({}, s, { dayText: dateText(s.servedOn), hoursText: hoursText(s.hours) });
}

function certificateView(c) {
  return Object.assign({}, c, {
    hoursText: hoursText(c.totalHours),
    skillsText: (c.skills || []).join('、'),
    periodText: c.firstServedOn ? `${dateText(c.firstServedOn)} 至 ${dateText(c.lastServedOn)}` : '',
    issuedText: dateText(c.issuedAt),
  });
}

Page(
  elderPage({
    ...pagedList({ url: '/api/v1/volunteers/me/services', toView: serviceView }),

    data: {
      state: 'loading', // loading | ready | pending | none | error
      pendingText: '',
      certificate: null,
      items: [],
      total: 0,
      page: 0,
      loadingMore: false,
    },

    onLoad() {
      return this.load();
    },

    async load() {
      try {
        await auth.ensureLogin();
        // The certificate answers first whether there is anything to show: 404 not a volunteer,
        // 409 not approved yet (the server's Chinese reason is shown as it is).
        let certificate;
        try {
          certificate = await request({ url: '/api/v1/volunteers/me/certificate', silent: true });
        } catch (err) {
          if (err.status === 404) {
            this.setData({ state: 'none' });
            return;
          }
          if (err.status === 409) {
            this.setData({ state: 'pending', pendingText: err.detail });
            return;
          }
          throw err;
        }
        const first = await this.fetchFirstPage();
        this.setData(Object.assign({ state: 'ready', certificate: certificateView(certificate) }, first));
      } catch (err) {
        this.setData({ state: 'error' });
      }
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },

    onOpenVolunteer() {
      wx.redirectTo({ url: '/pages/volunteer/volunteer' });
    },

    onOpenEvent(e) {
      wx.navigateTo({ url: `/pages/event/detail?id=${e.currentTarget.dataset.eventId}` });
    },
  }),
);
