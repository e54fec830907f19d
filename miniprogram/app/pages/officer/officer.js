const { elderPage } = require('../../behaviors/elder-page');
const session = require('../../utils/session');
const { loadable } = require('../../utils/page-load');
const { fieldErrorsFor } = require('../../utils/errors');
const officers = require('../../api/officers');
const o = require('../../utils/officers');

// Server field names of the application → our inputs (errors shown under them).
const FIELDS = ['role', 'regionCode', 'realName', 'phone', 'motivation'];

Page(
  elderPage({
    // The application keeps a real name and a phone number: not before the policy is accepted.
    ...loadable({
      consent: true,
      async fetch(resident) {
        const applications = ((await officers.mine()) || []).map(o.applicationView);
        o.rememberApproved(applications);
        const roles = o.openRoles(applications);
        const role = roles.some((r) => r.value === this.data.role) ? this.data.role : (roles[0] || {}).value || '';
        return {
          applications,
          approved: applications.some((a) => a.status === 'APPROVED'),
          roles: roles.map((r) => ({ label: r.label, value: r.value })),
          role,
          duty: (o.ROLES.find((r) => r.value === role) || {}).duty || '',
          regionName: (resident && resident.regionName) || '',
        };
      },
    }),

    data: {
      state: 'loading', // loading | ready | error | consent
      error: null,
      applications: [],
      approved: false,
      roles: [],
      role: '',
      duty: '',
      regionName: '',
      realName: '',
      phone: '',
      motivation: '',
      errors: {},
      refusal: '',
      submitting: false,
      submitted: '',
    },

    onShow() {
      return this.load();
    },

    onRole(e) {
      const role = e.detail.value;
      this.setData({ role, duty: (o.ROLES.find((r) => r.value === role) || {}).duty || '', 'errors.role': '' });
    },

    onInput(e) {
      const name = e.currentTarget.dataset.name;
      this.setData({ [name]: e.detail.value, [`errors.${name}`]: '', refusal: '' });
    },

    onReapply(e) {
      const role = e.currentTarget.dataset.role;
      this.setData({ role, duty: (o.ROLES.find((r) => r.value === role) || {}).duty || '' });
    },

    onOpenMe() {
      wx.switchTab({ url: '/pages/me/me' });
    },

    onOpenReach() {
      wx.navigateTo({ url: '/pages/officer-reach/officer-reach' });
    },

    onOpenHelperCheckin() {
      wx.navigateTo({ url: '/pages/helper-checkin/helper-checkin' });
    },

    async onSubmit() {
      if (this.submitting) return;
      this.submitting = true;
      const resident = session.getResident();
      this.setData({ submitting: true, errors: {}, refusal: '', submitted: '' });
      const data = {
        role: this.data.role,
        // One serves one's own village: the one recorded in 我的.
        regionCode: (resident && resident.regionCode) || '',
        realName: this.data.realName.trim(),
        phone: o.normalisePhone(this.data.phone),
        motivation: this.data.motivation.trim(),
      };
      try {
        const applied = o.applicationView(await officers.apply(data, { silent: true }));
        this.setData({ submitted: `已提交${applied.roleLabel}申请，镇（街道）审核后会在这里显示结果。`, realName: '', phone: '', motivation: '' });
        await this.load();
      } catch (err) {
        const errors = fieldErrorsFor(err.fieldErrors, FIELDS);
        this.setData({ errors, refusal: Object.keys(errors).length ? '' : err.detail });
      } finally {
        this.submitting = false;
        this.setData({ submitting: false });
      }
    },
  }),
);
