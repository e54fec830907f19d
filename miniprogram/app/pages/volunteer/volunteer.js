const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const privacy = require('../../utils/privacy');
const session = require('../../utils/session');
const { request } = require('../../utils/request');

const STATUS_LABELS = { PENDING: '待审核', APPROVED: '已通过审核', REJECTED: '未通过审核' };

/** "种植, 养殖、电脑" → ["种植", "养殖", "电脑"]: residents type whatever separator comes to hand. */
function splitSkills(text) {
  return String(text || '')
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Server field names (realName, skills, skills[0], regionCode, availability) → our inputs. */
function errorsByInput(fieldErrors) {
  const out = {};
  (fieldErrors || []).forEach((e) => {
    const key = String(e.field || '').replace(/\[\d+\]$/, '');
    if (['realName', 'skills', 'regionCode', 'availability'].indexOf(key) >= 0) {
      out[key] = out[key] ? `${out[key]}；${e.message}` : e.message;
    }
  });
  return out;
}

Page(
  elderPage({
    data: {
      state: 'loading', // loading | form | status | error | consent
      volunteer: null,
      statusLabel: '',
      regionName: '',
      realName: '',
      skillsText: '',
      availability: '',
      errors: {},
      refusal: '',
      submitting: false,
    },

    onLoad() {
      return this.load();
    },

    async load() {
      try {
        const resident = await auth.ensureLogin();
        if (privacy.needsConsent(resident)) {
          // The application stores a real name: not before the policy is accepted.
          this.setData({ state: 'consent' });
          return;
        }
        this.setData({ regionName: (resident && resident.regionName) || '' });
        try {
          const v = await request({ url: '/api/v1/volunteers/me', silent: true });
          this.showVolunteer(v);
        } catch (err) {
          if (err.status !== 404) throw err;
          this.setData({ state: 'form' });
        }
      } catch (err) {
        this.setData({ state: 'error' });
      }
    },

    showVolunteer(v) {
      this.setData({
        state: 'status',
        volunteer: Object.assign({}, v, { skillsText: (v.skills || []).join('、') }),
        statusLabel: STATUS_LABELS[v.status] || v.status,
      });
    },

    onInput(e) {
      const name = e.currentTarget.dataset.name;
      const errKey = name === 'skillsText' ? 'skills' : name;
      this.setData({ [name]: e.detail.value, [`errors.${errKey}`]: '' });
    },

    onReapply() {
      const v = this.data.volunteer || {};
      this.setData({ state: 'form', skillsText: (v.skills || []).join('、'), availability: v.availability || '' });
    },

    onOpenMe() {
      wx.switchTab({ url: '/pages/me/me' });
    },

    onOpenRecord() {
      wx.navigateTo({ url: '/pages/volunteer-record/volunteer-record' });
    },

    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },

    async onSubmit() {
      if (this.submitting) return;
      const resident = session.getResident();
      this.submitting = true;
      this.setData({ submitting: true, refusal: '', errors: {} });
      const data = {
        realName: this.data.realName.trim(),
        skills: splitSkills(this.data.skillsText),
        // The application is for where the resident lives, which 我的 already records.
        regionCode: (resident && resident.regionCode) || '',
        availability: this.data.availability.trim(),
      };
      try {
        const v = await request({ url: '/api/v1/volunteers/me', method: 'POST', data, silent: true });
        this.showVolunteer(v);
      } catch (err) {
        const errors = errorsByInput(err.fieldErrors);
        const shown = Object.keys(errors).length > 0;
        this.setData({ errors, refusal: shown ? '' : err.detail });
      } finally {
        this.submitting = false;
        this.setData({ submitting: false });
      }
    },
  }),
);
