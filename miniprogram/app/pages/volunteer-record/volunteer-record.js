const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { pagedList, pagedData } = require('../../utils/paged');
const volunteers = require('../../api/volunteers');

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
    ...pagedList({ fetch: (params) => volunteers.services(params), toView: serviceView }),
    ...loadable({
      async fetch() {
        // The certificate answers first whether there is anything to show: 404 not a volunteer,
        // 409 not approved yet (the server's Chinese reason is shown as it is).
        let certificate;
        try {
          certificate = await volunteers.certificate({ silent: true });
        } catch (err) {
          if (err.status === 404) return { state: 'none' };
          if (err.status === 409) return { state: 'pending', pendingText: err.detail };
          throw err;
        }
        const first = await this.fetchFirstPage();
        return first && Object.assign({ certificate: certificateView(certificate) }, first);
      },
    }),

    data: Object.assign(
      {
        state: 'loading', // loading | ready | pending | none | error
        error: null,
        pendingText: '',
        certificate: null,
      },
      pagedData(),
    ),

    onLoad() {
      return this.load();
    },

    onOpenVolunteer() {
      wx.redirectTo({ url: '/pages/volunteer/volunteer' });
    },

    onOpenEvent(e) {
      wx.navigateTo({ url: `/pages/event/detail?id=${e.currentTarget.dataset.eventId}` });
    },
  }),
);
