const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const privacy = require('../../utils/privacy');
const { request } = require('../../utils/request');
const ev = require('../../utils/events');
const { POPULATION_GROUPS } = require('../../utils/groups');

// 人群 is optional for someone signed up by proxy: the first choice leaves it out.
const GROUP_CHOICES = [{ value: '', label: '不清楚 / 不填' }].concat(POPULATION_GROUPS);

/** Server errors on name / phone go under those inputs; `form.<key>` ones under the custom fields. */
function splitErrors(form, fieldErrors) {
  const errors = {};
  const rest = [];
  (fieldErrors || []).forEach((e) => {
    if (e.field === 'name' || e.field === 'phone') errors[e.field] = e.message;
    else rest.push(e);
  });
  const applied = ev.applyFieldErrors(form, rest);
  return { errors, form: applied.form, other: applied.other };
}

Page(
  elderPage({
    ...ev.formHandlers,

    data: {
      state: 'loading', // loading | ready | closed | consent | missing | error
      event: null,
      closedText: '',
      name: '',
      phone: '',
      groupLabels: GROUP_CHOICES.map((g) => g.label),
      groupIndex: 0,
      form: [],
      errors: {},
      refusal: '',
      submitting: false,
      result: null,
    },

    onLoad(options) {
      this.eventId = Number(options && options.id) || null;
      if (!this.eventId) {
        this.setData({ state: 'missing' });
        return undefined;
      }
      return this.load();
    },

    async load() {
      try {
        const resident = await auth.ensureLogin();
        if (privacy.needsConsent(resident)) {
          // We would store another person's name and phone: not before the policy is accepted.
          this.setData({ state: 'consent' });
          return;
        }
        const e = await request({ url: `/api/v1/events/${this.eventId}`, silent: true });
        this.fields = e.formFields;
        const closedText = ev.signupClosedText(e);
        this.setData({
          state: closedText ? 'closed' : 'ready',
          closedText,
          event: ev.summaryView(e),
          form: ev.formState(e.formFields),
        });
      } catch (err) {
        this.setData({ state: err.code === 'EVENT_NOT_FOUND' || err.status === 404 ? 'missing' : 'error' });
      }
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },

    onField(e) {
      const name = e.currentTarget.dataset.name;
      this.setData({ [name]: e.detail.value, [`errors.${name}`]: '' });
    },

    onGroup(e) {
      this.setData({ groupIndex: Number(e.detail.value) || 0 });
    },

    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },

    async onSubmit() {
      if (this.submitting) return;
      this.submitting = true;
      this.setData({ submitting: true, refusal: '', errors: {} });
      const group = GROUP_CHOICES[this.data.groupIndex].value;
      const data = { name: this.data.name.trim(), phone: this.data.phone.trim(), form: ev.answers(this.data.form) };
      if (group) data.populationGroup = group;
      try {
        const signup = await request({ url: `/api/v1/events/${this.eventId}/proxy-signups`, method: 'POST', data, silent: true });
        this.setData({ result: ev.signupView(signup), form: ev.applyFieldErrors(this.data.form, []).form });
      } catch (err) {
        if (err.fieldErrors && err.fieldErrors.length) {
          const { errors, form, other } = splitErrors(this.data.form, err.fieldErrors);
          this.setData({ errors, form, refusal: other.length ? other.join('；') : '有需要修改的地方，请看上面红色的提示' });
        } else {
          this.setData({ refusal: err.detail });
        }
      } finally {
        this.submitting = false;
        this.setData({ submitting: false });
      }
    },

    /** Another person for the same event: a clean form, the event kept. */
    onAnother() {
      this.setData({ result: null, name: '', phone: '', groupIndex: 0, errors: {}, refusal: '', form: ev.formState(this.fields) });
    },

    onOpenProxied() {
      wx.navigateTo({ url: '/pages/my-signups/my-signups?tab=proxied' });
    },
  }),
);
