// Helpers for the events pages: texts derived from the server's views, the signup form's local
// state and poster-code scene parsing. Field names follow EventViews on the server.

const { formatDateTime } = require('./quiz');
const { POPULATION_GROUPS } = require('./groups');

const STATUS_LABELS = { CONFIRMED: '报名成功', WAITLISTED: '候补中', CANCELLED: '已取消' };

const GROUP_LABELS = POPULATION_GROUPS.reduce((acc, g) => Object.assign(acc, { [g.value]: g.label }), {});

function pad(n) {
  return n < 10 ? `0${n}` : String(n);
}

/** "11月29日 09:30 – 11:30" when on one day, otherwise both ends in full. */
function formatRange(startsAt, endsAt) {
  const from = formatDateTime(startsAt);
  if (!endsAt) return from;
  const a = new Date(startsAt);
  const b = new Date(endsAt);
  if (a.toDateString() === b.toDateString()) return `${from} – ${pad(b.getHours())}:${pad(b.getMinutes())}`;
  return `${from} – ${formatDateTime(endsAt)}`;
}

/** What the list and detail say about seats: the number left, or that new signups wait. */
function seatsText(ev) {
  if (ev.seatsLeft > 0) return `剩余名额 ${ev.seatsLeft} / ${ev.capacity}`;
  return ev.waitlistEnabled ? '名额已满，可报名候补' : '名额已满';
}

function hoursText(hours) {
  if (hours === null || hours === undefined) return '';
  const n = Number(hours);
  return n > 0 ? `${n} 学时` : '';
}

function summaryView(ev) {
  return Object.assign({}, ev, {
    timeText: formatRange(ev.startsAt, ev.endsAt),
    seatsText: seatsText(ev),
    full: ev.seatsLeft <= 0,
    hoursText: hoursText(ev.trainingHours),
  });
}

function eligibilityText(el) {
  if (!el) return '所有居民';
  const parts = [];
  if (el.groups && el.groups.length) parts.push(el.groups.map((g) => GROUP_LABELS[g] || g).join('、'));
  if (el.minAge !== null && el.minAge !== undefined && el.maxAge !== null && el.maxAge !== undefined) {
    parts.push(`${el.minAge}–${el.maxAge} 岁`);
  } else if (el.minAge !== null && el.minAge !== undefined) parts.push(`${el.minAge} 岁及以上`);
  else if (el.maxAge !== null && el.maxAge !== undefined) parts.push(`${el.maxAge} 岁及以下`);
  if (el.regions && el.regions.length) parts.push('限指定镇街/村社区');
  if (el.volunteersOnly) parts.push('仅限已审核的科技志愿者');
  return parts.length ? parts.join('；') : '所有居民';
}

/** Hints shown under a field; the server still decides (it validates every answer). */
function fieldHint(f) {
  switch (f.type) {
    case 'NUMBER':
      if (f.min !== null && f.min !== undefined && f.max !== null && f.max !== undefined) return `请填写 ${f.min} 到 ${f.max} 之间的数字`;
      if (f.min !== null && f.min !== undefined) return `不小于 ${f.min}`;
      if (f.max !== null && f.max !== undefined) return `不大于 ${f.max}`;
      return '请填写数字';
    case 'PHONE':
      return '11 位手机号码';
    case 'TEXT':
      return `最多 ${f.maxLength || 200} 字`;
    case 'MULTI_SELECT':
      return '可多选';
    default:
      return '';
  }
}

/** The form as the template renders it: one entry per field with its value and error. */
function formState(fields) {
  return (fields || []).map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    required: Boolean(f.required),
    options: (f.options || []).map((o) => ({ value: o, checked: false })),
    value: f.type === 'MULTI_SELECT' ? [] : '',
    hint: fieldHint(f),
    maxLength: f.type === 'TEXT' ? f.maxLength || 200 : f.type === 'PHONE' ? 11 : 40,
    error: '',
  }));
}

/** The `form` body: empty answers are left out so the server reports only real omissions. */
function answers(form) {
  const out = {};
  form.forEach((f) => {
    if (f.type === 'MULTI_SELECT') {
      if (f.value.length) out[f.key] = f.value.slice();
    } else if (String(f.value).trim() !== '') {
      out[f.key] = f.type === 'NUMBER' && !Number.isNaN(Number(f.value)) ? Number(f.value) : String(f.value).trim();
    }
  });
  return out;
}

/** Put the server's `form.<key>` errors next to their fields; the rest are returned for the page. */
function applyFieldErrors(form, fieldErrors) {
  const byKey = {};
  const other = [];
  (fieldErrors || []).forEach((e) => {
    const m = /^form\.(.+)$/.exec(e.field || '');
    if (m && form.some((f) => f.key === m[1])) byKey[m[1]] = byKey[m[1]] ? `${byKey[m[1]]}；${e.message}` : e.message;
    else other.push(e.message);
  });
  return {
    form: form.map((f) => Object.assign({}, f, { error: byKey[f.key] || '' })),
    other,
  };
}

/**
 * The event id from a page's options: `id` from links and notices, or the poster code's
 * scene `e=<id>` (WeChat passes the scene URI-encoded in options.scene).
 */
function eventIdFromOptions(options) {
  const opts = options || {};
  if (opts.id) return Number(opts.id) || null;
  if (!opts.scene) return null;
  let scene = String(opts.scene);
  try {
    scene = decodeURIComponent(scene);
  } catch (e) {
    // Keep it raw; a malformed escape just means no match below.
  }
  const m = /(?:^|&)e=(\d+)(?:&|$)/.exec(scene);
  return m ? Number(m[1]) : null;
}

/**
 * Page handlers for templates/signup-form.wxml, spread into the pages that include it; the page
 * keeps the fields in `data.form` and each control carries its field index in data-fi.
 */
const formHandlers = {
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
};

/**
 * Why nobody can sign up for this event now (also not for someone else), or '' while one can.
 * Mirrors the server's window and capacity checks so the page does not offer a doomed button.
 */
function signupClosedText(e) {
  const now = Date.now();
  if (e.status && e.status !== 'PUBLISHED') return '活动已结束或已取消';
  if (e.signupOpensAt && new Date(e.signupOpensAt).getTime() > now) return '报名尚未开始';
  if (e.signupClosesAt && new Date(e.signupClosesAt).getTime() < now) return '报名已截止';
  if (e.seatsLeft <= 0 && !e.waitlistEnabled) return '名额已满';
  return '';
}

function signupView(s) {
  return Object.assign({}, s, {
    statusLabel: STATUS_LABELS[s.status] || s.status,
    timeText: formatDateTime(s.eventStartsAt),
    positionText: s.status === 'WAITLISTED' && s.waitlistPosition ? `候补第 ${s.waitlistPosition} 位` : '',
  });
}

module.exports = {
  STATUS_LABELS,
  formatRange,
  seatsText,
  hoursText,
  summaryView,
  eligibilityText,
  fieldHint,
  formState,
  answers,
  applyFieldErrors,
  eventIdFromOptions,
  signupClosedText,
  formHandlers,
  signupView,
};
