const { elderPage } = require('../../behaviors/elder-page');
const { describeError } = require('../../utils/errors');
const quiz = require('../../api/quiz');
const events = require('../../api/events');
const q = require('../../utils/quiz');

// Certificate numbers are 20 letters and digits; people copy them with spaces or in lower case.
function normalise(text) {
  return String(text || '').replace(/[\s-]+/g, '').toUpperCase();
}

Page(
  elderPage({
    data: {
      no: '',
      checking: false,
      outcome: '', // '' | valid | unknown | error
      cert: null,
      error: null,
      hint: '',
    },

    onLoad(query) {
      // Opened with ?no= (e.g. from a link on a printed certificate): check at once.
      const no = normalise(query && query.no);
      if (no) {
        this.setData({ no });
        return this.verify();
      }
      return undefined;
    },

    onInput(e) {
      this.setData({ no: e.detail.value, outcome: '', hint: '' });
    },

    onOpenTraining() {
      wx.navigateTo({ url: `/pages/training-certificate/training-certificate?no=${this.data.cert.verifyNo}` });
    },

    onVerify() {
      return this.verify();
    },

    /** The public check: no login, the holder's name comes masked. */
    async verify() {
      const no = normalise(this.data.no);
      if (no.length !== 20) {
        this.setData({ outcome: '', hint: '证书编号是 20 位字母和数字，请核对后再查验。' });
        return;
      }
      if (this.checking) return;
      this.checking = true;
      this.setData({ checking: true, hint: '', no });
      try {
        const cert = await quiz.verifyCertificate(no, { silent: true }).catch((err) => {
          // not a quiz certificate: it may be a training certificate (the same 20-character numbers)
          if (err.status !== 404) throw err;
          return events.verifyTrainingCertificate(no, { silent: true }).then((t) => Object.assign({ training: true }, t));
        });
        this.setData({ outcome: cert.training ? 'training' : 'valid',
          cert: Object.assign({}, cert, { dateText: q.formatDate(cert.issuedAt) }) });
      } catch (err) {
        if (err.status === 404) this.setData({ outcome: 'unknown', cert: null });
        else this.setData({ outcome: 'error', error: describeError(err), cert: null });
      } finally {
        this.checking = false;
        this.setData({ checking: false });
      }
    },

    onOpenCertificate() {
      if (this.data.cert) wx.navigateTo({ url: `/pages/certificate/certificate?verifyNo=${this.data.cert.verifyNo}` });
    },
  }),
);
