const { elderPage } = require('../../behaviors/elder-page');
const session = require('../../utils/session');
const { loadable } = require('../../utils/page-load');
const { fieldErrorsFor } = require('../../utils/errors');
const volunteers = require('../../api/volunteers');

const STATUS_LABELS = { PENDING: '待审核', APPROVED: '已通过审核', REJECTED: '未通过审核' };

/** "种植, 养殖、电脑" → ["种植", "养殖", "电脑"]: residents type whatever separator comes to hand. */
function splitSkills(text) {
  return String(text || '')
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// Server field names of the application (skills[0] counts for skills) → our inputs.
const FIELDS = ['realName', 'skills', 'regionCode', 'availability'];

Page(
  elderPage({
    // The application stores a real name: not before the policy is accepted.
    ...loadable({
      consent: true,
      async fetch(resident) {
        this.setData({ regionName: (resident && resident.regionName) || '' });
        try {
          return this.statusOf(await volunteers.mine({ silent: true }));
        } catch (err) {
          if (err.status !== 404) throw err;
          return { state: 'form' };
        }
      },
    }),

    data: {
      state: 'loading', // loading | form | status | error | consent
      error: null,
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

    statusOf(v) {
      return {
        state: 'status',
        volunteer: Object.assign({}, v, { skillsText: (v.skills || []).join('、') }),
        statusLabel: STATUS_LABELS[v.status] || v.status,
      };
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
        this.setData(this.statusOf(await volunteers.apply(data, { silent: true })));
      } catch (err) {
        const errors = fieldErrorsFor(err.fieldErrors, FIELDS);
        const shown = Object.keys(errors).length > 0;
        this.setData({ errors, refusal: shown ? '' : err.detail });
      } finally {
        this.submitting = false;
        this.setData({ submitting: false });
      }
    },
  }),
);
