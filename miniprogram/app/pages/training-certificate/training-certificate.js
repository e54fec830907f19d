// 培训证明: the certificate for a training the resident attended with credited hours, drawn like the quiz
// certificate (pages/certificate). Opened from the ticket page with ?signupId= (the server issues it the
// first time, once the hours are settled), or with ?no= from the public check (pages/certificate-verify).

const { elderPage } = require('../../behaviors/elder-page');
const { loadable, orNullIfMissing } = require('../../utils/page-load');
const toast = require('../../utils/toast');
const events = require('../../api/events');

function dayText(isoDate) {
  const [y, m, d] = String(isoDate || '').slice(0, 10).split('-');
  return y ? `${y}年${Number(m)}月${Number(d)}日` : '';
}

function view(cert) {
  const first = dayText(cert.firstDay);
  const last = dayText(cert.lastDay);
  return Object.assign({}, cert, {
    hoursText: String(Number(cert.hours)),
    periodText: first === last ? first : `${first}至${last}`,
    dateText: dayText(cert.issuedAt),
  });
}

Page(
  elderPage({
    ...loadable({
      async fetch() {
        if (this.verifyNo) {
          const cert = await orNullIfMissing(events.verifyTrainingCertificate(this.verifyNo, { silent: true }));
          return cert ? { cert: view(cert) } : { state: 'missing' };
        }
        try {
          return { cert: view(await events.trainingCertificate(this.signupId, { silent: true })) };
        } catch (err) {
          if (err && err.code === 'TRAINING_CERTIFICATE_NOT_EARNED') return { state: 'not-earned', notEarned: err.detail };
          if (err && err.status === 404) return { state: 'missing' };
          throw err;
        }
      },
    }),

    data: {
      state: 'loading', // loading | ready | missing | not-earned | error
      error: null,
      cert: null,
      notEarned: '',
    },

    onLoad(query) {
      this.signupId = Number(query && query.signupId) || null;
      this.verifyNo = String((query && query.no) || '').trim().toUpperCase();
      if (!this.signupId && !this.verifyNo) {
        this.setData({ state: 'missing' });
        return undefined;
      }
      return this.load();
    },

    onCopyNo() {
      if (!this.data.cert) return;
      wx.setClipboardData({ data: this.data.cert.verifyNo, success: () => toast.showSuccess('编号已复制') });
    },
  }),
);
