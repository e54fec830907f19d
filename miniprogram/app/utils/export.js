// "导出我的数据" made readable. GET /me/export answers {exportedAt, profile, sections}; each feature that keeps
// data about the resident adds one section (server: every PersonalDataSection), some as a list, some as an
// object of lists. Known sections get Chinese titles and one readable line per record; a section this
// version does not know yet is still shown in full, as nested "名称：值" lines, never as raw JSON.
// Field names follow the server's export records: ResidentProfileService.export, EventPersonalData,
// ContentPersonalData, QuizPersonalData, PointsPersonalData, OfficerService, EventOfficerService,
// CoursePersonalData, EmergencyPersonalData.

const { KIND_LABELS } = require('./quiz');

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function pad(n) {
  return n < 10 ? `0${n}` : `${n}`;
}

/** A value as a resident reads it: times in local time, booleans as 是/否, nothing as （无）. */
function formatValue(value) {
  if (value === null || value === undefined || value === '') return '（无）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    // A time without an offset is Shanghai local time, which is the phone's too.
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }
  }
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join('、') : '（无）';
  if (typeof value === 'object') return describe(value);
  return String(value);
}

const LABELS = {
  // profile
  id: '账号编号',
  nickname: '昵称',
  avatarKey: '头像（文件标识）',
  region: '所在村（社区）',
  regionCode: '地区代码',
  populationGroup: '人群类别',
  birthYear: '出生年份',
  elderMode: '关怀模式',
  phone: '手机号',
  privacyPolicyVersion: '已同意的隐私政策版本',
  privacyAcceptedAt: '同意隐私政策时间',
  createdAt: '注册时间',
  // fields met inside sections a newer server may add
  status: '状态',
  title: '名称',
  name: '姓名',
  realName: '真实姓名',
  phoneMasked: '手机号',
  score: '得分',
  hours: '时长（小时）',
  day: '日期',
};

function label(key) {
  return LABELS[key] || key;
}

/** An object as "名称：值；名称：值" (nested objects and lists included), for fields without a special form. */
function describe(obj) {
  return Object.keys(obj)
    .map((key) => `${label(key)}：${formatValue(obj[key])}`)
    .join('；');
}

const SIGNUP_STATUS = { CONFIRMED: '报名成功', WAITLISTED: '候补中', CANCELLED: '已取消' };
const CHECKIN_METHOD = { VENUE_QR: '扫现场码签到', TICKET: '工作人员核验凭证', BULK: '工作人员批量登记' };
const COMMENT_STATUS = { VISIBLE: '已发表', IN_REVIEW: '审核中', HIDDEN: '仅自己可见', REJECTED: '未通过审核', DELETED: '已删除' };
const ATTEMPT_STATUS = { OPEN: '未交卷', SUBMITTED: '已交卷', EXPIRED: '到时自动交卷' };
const OFFICER_ROLE = { INFO_OFFICER: '科普信息员', PROMOTER: '科普宣传员' };
const NOTICE_STATUS = {
  PENDING: '待发送', SENDING: '发送中', SENT: '已发送', REFUSED: '微信未送达（已拒收）', NO_QUOTA: '未发送（没有剩余次数）',
  FAILED: '发送失败', UNKNOWN: '不确定是否送达', SKIPPED: '未发送（通知已结束）',
};
const OFFICER_STATUS = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过', REVOKED: '已撤销' };

/** The signup form's answers, stored as the JSON text the resident submitted: "字段＝回答" pairs. */
function formAnswersText(text) {
  if (!text) return '';
  try {
    const answers = JSON.parse(text);
    return Object.keys(answers)
      .map((key) => `${key}＝${Array.isArray(answers[key]) ? answers[key].join('、') : answers[key]}`)
      .join('；');
  } catch (e) {
    return String(text);
  }
}

function attendanceText(a) {
  const parts = [`签到 ${formatValue(a.checkInAt)}（${CHECKIN_METHOD[a.method] || a.method}）`];
  if (a.checkOutAt) parts.push(`签退 ${formatValue(a.checkOutAt)}`);
  if (a.hours !== null && a.hours !== undefined) parts.push(`计 ${Number(a.hours)} 学时`);
  if (a.credited === false) parts.push('未计入学时');
  return parts.join('，');
}

function signupLine(s) {
  const head = [`《${s.eventTitle || `活动 ${s.eventId}`}》`, SIGNUP_STATUS[s.status] || s.status, `${formatValue(s.createdAt)} 报名`];
  if (s.proxy) head.push('由他人代报名');
  if (s.cancelledAt) head.push(`${formatValue(s.cancelledAt)} 取消`);
  const lines = [head.join(' · ')];
  const answers = formAnswersText(s.formAnswers);
  if (answers) lines.push(`报名表：${answers}`);
  (s.attendance || []).forEach((a) => lines.push(attendanceText(a)));
  return lines.join('\n');
}

function idsText(ids) {
  return (ids || []).length ? `内容编号 ${ids.join('、')}` : '';
}

/** A group of lines under a heading: a count, and '暂无记录' when empty. */
function group(title, items, toLine, unit = '条') {
  const list = items || [];
  return { title: `${title}（${list.length} ${unit}）`, lines: list.map(toLine), empty: list.length === 0 };
}

function single(title, text) {
  return { title, lines: [text], empty: false };
}

const SECTIONS = {
  eventSignups: {
    title: '活动报名与签到',
    groups: (list) => [group('报名记录', list, signupLine)],
  },
  content: {
    title: '科普内容',
    groups: (c) => [
      single(`读完的内容（${(c.completedReads || []).length} 篇）`, idsText(c.completedReads) || '暂无记录'),
      single(`点赞（${(c.likes || []).length} 篇）`, idsText(c.likes) || '暂无记录'),
      single(`收藏（${(c.favourites || []).length} 篇）`, idsText(c.favourites) || '暂无记录'),
      group('评论', c.comments, (m) =>
        [`“${m.body}”`, `内容编号 ${m.contentId}`, COMMENT_STATUS[m.status] || m.status, m.imageKey ? '附图片' : '']
          .filter(Boolean)
          .join(' · ')),
    ],
  },
  quizzes: {
    title: '答题',
    groups: (q) => [
      group('答题记录', q.attempts, (a) =>
        [
          a.title,
          KIND_LABELS[a.kind] || a.kind,
          `第 ${a.attemptNo} 次`,
          ATTEMPT_STATUS[a.status] || a.status,
          a.score !== null && a.score !== undefined ? `得分 ${a.score}/${a.maxScore}` : '',
          a.passed === true ? '通过' : a.passed === false ? '未通过' : '',
          formatValue(a.finishedAt || a.startedAt),
        ]
          .filter(Boolean)
          .join(' · '), '次'),
      group('证书', q.certificates, (c) => `${c.title} · ${c.quizTitle} · ${c.score}/${c.maxScore} 分 · 编号 ${c.verifyNo} · ${formatValue(c.issuedAt)}`, '张'),
      single('错题本', `${q.wrongBookSize || 0} 道题`),
      single('在排行榜上显示昵称', formatValue(Boolean(q.leaderboardOptIn))),
    ],
  },
  points: {
    title: '积分',
    groups: (p) => [
      single('余额', `${p.balance || 0} 分`),
      group('积分明细', p.ledger, (e) =>
        `${e.reasonLabel || e.reason} ${e.amount > 0 ? '+' : ''}${e.amount} 分 · ${formatValue(e.createdAt)}${e.requested > e.amount && e.amount >= 0 ? ' · 已达当日上限' : ''}`),
    ],
  },
  scienceOfficers: {
    title: '科普信息员 / 宣传员申请',
    groups: (list) => [
      group('申请', list, (o) =>
        [
          OFFICER_ROLE[o.role] || o.role,
          OFFICER_STATUS[o.status] || o.status,
          `${formatValue(o.appliedAt)} 申请`,
          `姓名 ${o.realName || '（已删除）'}`,
          `手机 ${o.phoneMasked || '（已删除）'}`,
          `村（社区）代码 ${o.regionCode}`,
        ].join(' · ')),
    ],
  },
  eventOfficerRoles: {
    title: '作为科普信息员 / 宣传员协助活动',
    groups: (r) => [
      single(`被指定为组织者的活动（${(r.organisedEventIds || []).length} 个）`,
        (r.organisedEventIds || []).length ? `活动编号 ${r.organisedEventIds.join('、')}` : '暂无记录'),
      group('协助签到', r.helperCheckins, (h) =>
        [`活动编号 ${h.eventId}`, `场次 ${h.sessionId}`, `${formatValue(h.checkInAt)} 签到`,
          h.locationVerified ? '已核实位置' : '未核实位置',
          h.presenceConfirmed === false ? '待组织者确认，未计入' : '已计入'].join(' · '), '次'),
    ],
  },
  emergencies: {
    title: '应急通知',
    groups: (e) => [
      group('已读的应急通知', e.reads, (r) => [r.title, `${formatValue(r.readAt)} 点了“我知道了”`].join(' · ')),
      single('订阅消息剩余次数', `${(e.subscription && e.subscription.remaining) || 0} 次`),
      group('发给您的订阅消息', e.messages, (m) =>
        [m.title, NOTICE_STATUS[m.status] || m.status, m.sentAt ? formatValue(m.sentAt) : ''].filter(Boolean).join(' · ')),
    ],
  },
  courses: {
    title: '智慧助老课程',
    groups: (c) => [
      group('学习进度', c.progress, (p) =>
        [`《${p.courseTitle}》`, p.lessonTitle, `看到第 ${p.step} 步`, formatValue(p.updatedAt)].join(' · '), '课'),
      group('学完的课', c.completions, (m) =>
        [`《${m.courseTitle}》`, m.lessonTitle,
          m.source === 'EVENT' ? `参加线下课堂学完（活动编号 ${m.eventId}）`
            : `在小程序学完${m.correct !== null && m.correct !== undefined ? `，练习答对 ${m.correct} 题` : ''}`,
          formatValue(m.completedAt)].join(' · '), '课'),
      group('结业证书', c.certificates, (t) =>
        [`《${t.courseTitle}》`, `编号 ${t.serialNo}`, formatValue(t.issuedAt)].join(' · '), '张'),
    ],
  },
};

/** A section this page does not know: every record in full, as readable lines. */
function genericGroups(key, value) {
  if (Array.isArray(value)) return [group('记录', value, (v) => (v && typeof v === 'object' ? describe(v) : formatValue(v)))];
  if (value && typeof value === 'object') {
    return Object.keys(value).map((k) =>
      (Array.isArray(value[k])
        ? group(label(k), value[k], (v) => (v && typeof v === 'object' ? describe(v) : formatValue(v)))
        : single(label(k), formatValue(value[k]))));
  }
  return [single(label(key), formatValue(value))];
}

/** The export as the page shows it: {exportedAt, profile: [{key, label, value}], sections: [{key, title, groups}]}. */
function readableExport(doc) {
  const d = doc || {};
  const profile = Object.keys(d.profile || {}).map((key) => ({ key, label: label(key), value: formatValue(d.profile[key]) }));
  const sections = Object.keys(d.sections || {}).map((key) => {
    const known = SECTIONS[key];
    const value = d.sections[key];
    return {
      key,
      title: known ? known.title : key,
      groups: known ? known.groups(value || (key === 'content' || key === 'quizzes' || key === 'points' || key === 'courses' || key === 'emergencies' ? {} : [])) : genericGroups(key, value),
    };
  });
  return { exportedAt: formatValue(d.exportedAt), profile, sections };
}

module.exports = { readableExport, formatValue, SECTIONS };
