const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const privacy = require('../../utils/privacy');
const { request } = require('../../utils/request');
const ev = require('../../utils/events');

/** The detail view plus the texts the template needs. */
function detailView(e) {
  return Object.assign(ev.summaryView(e), {
    sessions: (e.sessions || []).map((s) => Object.assign({}, s, {
      timeText: ev.formatRange(s.startsAt, s.endsAt),
      hoursText: ev.hoursText(s.hours),
    })),
    eligibilityText: ev.eligibilityText(e.eligibility),
    signupWindowText: `${ev.formatRange(e.signupOpensAt, null)} 至 ${ev.formatRange(e.signupClosesAt, null)}`,
    cancelDeadlineText: e.cancelDeadline ? ev.formatRange(e.cancelDeadline, null) : '',
    venueName: e.venue ? e.venue.name : '',
    venueAddress: e.venue ? e.venue.address : '',
  });
}

/** Whether the signup button makes sense right now; the server still has the last word. */
function signupState(e) {
  const now = Date.now();
  if (e.status && e.status !== 'PUBLISHED') return { canSignup: false, closedText: '活动已结束或已取消' };
  if (e.mySignup && e.mySignup.status !== 'CANCELLED') return { canSignup: false, closedText: '' };
  if (e.signupOpensAt && new Date(e.signupOpensAt).getTime() > now) return { canSignup: false, closedText: '报名尚未开始' };
  if (e.signupClosesAt && new Date(e.signupClosesAt).getTime() < now) return { canSignup: false, closedText: '报名已截止' };
  if (e.seatsLeft <= 0 && !e.waitlistEnabled) return { canSignup: false, closedText: '名额已满' };
  return { canSignup: true, closedText: '' };
}

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | error | missing
      event: null,
      form: [],
      mine: null,
      canSignup: false,
      closedText: '',
      submitting: false,
      result: null,
      refusal: '',
    },

    onLoad(options) {
      // Notices open ?id=; the poster code opens with scene "e=<id>".
      this.eventId = ev.eventIdFromOptions(options);
      if (!this.eventId) {
        this.setData({ state: 'missing' });
        return undefined;
      }
      return this.load(true);
    },

    async load(resetForm) {
      try {
        await auth.ensureLogin();
        const e = await request({ url: `/api/v1/events/${this.eventId}`, silent: true });
        const patch = Object.assign(
          { state: 'ready', event: detailView(e), mine: e.mySignup ? ev.signupView(e.mySignup) : null },
          signupState(e),
        );
        if (resetForm) patch.form = ev.formState(e.formFields);
        this.setData(patch);
        if (wx.setNavigationBarTitle) wx.setNavigationBarTitle({ title: e.kindLabel || '活动详情' });
      } catch (err) {
        if (this.data.state === 'ready') return;
        this.setData({ state: err.code === 'EVENT_NOT_FOUND' || err.status === 404 ? 'missing' : 'error' });
      }
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load(true);
    },

    onInput(e) {
      const fi = e.currentTarget.dataset.fi;
      this.setData({ [`form[${fi}].value`]: e.detail.value, [`form[${fi}].error`]: '' });
    },

    onRadio(e) {
      const fi = e.currentTarget.dataset.fi;
      const value = e.detail.value;
      const options = this.data.form[fi].options.map((o) => Object.assign({}, o, { checked: o.value === value }));
      this.setData({ [`form[${fi}].value`]: value, [`form[${fi}].options`]: options, [`form[${fi}].error`]: '' });
    },

    onCheckbox(e) {
      const fi = e.currentTarget.dataset.fi;
      const values = e.detail.value || [];
      const options = this.data.form[fi].options.map((o) => Object.assign({}, o, { checked: values.indexOf(o.value) >= 0 }));
      this.setData({ [`form[${fi}].value`]: values, [`form[${fi}].options`]: options, [`form[${fi}].error`]: '' });
    },

    async onSignup() {
      // A plain field set before the first await: setData is too late to stop a second tap.
      if (this.submitting) return;
      const resident = await auth.ensureLogin().catch(() => null);
      if (privacy.needsConsent(resident)) {
        // Signing up stores answers about the resident: not before the policy is accepted.
        wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
        return;
      }
      this.submitting = true;
      this.setData({ submitting: true, refusal: '' });
      // The server exposes no subscribe-message template ids to the mini-program, so there is
      // nothing to ask consent for: signups go out without subscribedTemplates.
      const data = { form: ev.answers(this.data.form) };
      try {
        const signup = await request({ url: `/api/v1/events/${this.eventId}/signups`, method: 'POST', data, silent: true });
        this.setData({ result: ev.signupView(signup), form: ev.applyFieldErrors(this.data.form, []).form });
        await this.load(false);
      } catch (err) {
        if (err.fieldErrors && err.fieldErrors.length) {
          const { form, other } = ev.applyFieldErrors(this.data.form, err.fieldErrors);
          this.setData({ form, refusal: other.length ? other.join('；') : '报名表有需要修改的地方，请看上面红色的提示' });
        } else {
          this.setData({ refusal: err.detail });
        }
      } finally {
        this.submitting = false;
        this.setData({ submitting: false });
      }
    },

    onMySignups() {
      wx.navigateTo({ url: '/pages/my-signups/my-signups' });
    },

    onOpenMap() {
      const e = this.data.event;
      if (!e || !e.venue || e.venue.latitude === null || e.venue.latitude === undefined) return;
      wx.openLocation({
        latitude: Number(e.venue.latitude),
        longitude: Number(e.venue.longitude),
        name: e.venue.name,
        address: e.venue.address || '',
        scale: 16,
      });
    },

    onShareAppMessage() {
      const e = this.data.event;
      return { title: e ? e.title : '科普活动', path: `/pages/event/detail?id=${this.eventId}` };
    },
  }),
);
