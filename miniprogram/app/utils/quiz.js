// Pure helpers shared by the quiz pages: server-clock arithmetic, answer bookkeeping and the
// small formatters. Kept free of wx calls (except storage in the answer cache) so they can be
// unit-tested without rendering a page.

const OPTION_LETTERS = 'ABCDEFGHIJ';

const TYPE_LABELS = { SINGLE: '单选', MULTIPLE: '多选', TRUE_FALSE: '判断' };

const KIND_LABELS = { DAILY: '每日答题', PRACTICE: '练习', CONTEST: '知识竞赛', SELF_TEST: '科学素质自测' };

// Waits between automatic re-sends of a submit that failed in transit. Submitting is idempotent
// on the server, so re-sending can never grade twice; after these the resident gets a retry button.
const SUBMIT_RETRY_DELAYS_MS = [1000, 2000, 4000];

const ANSWER_CACHE_PREFIX = 'kepu.attemptAnswers.';

function pad(n) {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * How far the phone's clock is from the server's, in ms (server minus phone). Every deadline is
 * compared against phone time + offset, so a phone set to the wrong time cannot shorten or
 * stretch the countdown.
 */
function clockOffset(serverNow, phoneNow = Date.now()) {
  const server = Date.parse(serverNow);
  return Number.isNaN(server) ? 0 : server - phoneNow;
}

/** Milliseconds left until `deadline` on the server's clock (never negative). */
function remainingMs(deadline, offset, phoneNow = Date.now()) {
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, end - (phoneNow + offset));
}

/** "mm:ss", or "h:mm:ss" for an hour and more; seconds round up so 0:00 means really over. */
function formatRemaining(ms) {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** "1分05秒" style duration for results and leaderboards (the server sends milliseconds). */
function formatDuration(ms) {
  if (ms === null || ms === undefined) return '';
  const tenths = Math.round(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  const secText = Number.isInteger(seconds) ? `${seconds}` : seconds.toFixed(1);
  return minutes > 0 ? `${minutes}分${secText}秒` : `${secText}秒`;
}

function toDate(iso) {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "11月29日 09:30" (phone time zone; residents are in China). */
function formatDateTime(iso) {
  const d = toDate(iso);
  if (!d) return '';
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026年11月29日", for certificates. */
function formatDate(iso) {
  const d = toDate(iso);
  if (!d) return '';
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** A contest's window, e.g. "11月1日 08:00 至 11月30日 20:00". */
function formatWindow(opensAt, closesAt) {
  const from = formatDateTime(opensAt);
  const to = formatDateTime(closesAt);
  if (from && to) return `${from} 至 ${to}`;
  if (to) return `截止 ${to}`;
  if (from) return `${from} 起`;
  return '长期开放';
}

function letter(index) {
  return OPTION_LETTERS.charAt(index) || String(index + 1);
}

/** "A、C" for a list of option indexes. */
function letters(indexes) {
  return (indexes || []).map(letter).join('、');
}

/**
 * The selection after tapping option `index`: single choice and 判断 replace, 多选 toggles.
 * Returns a new sorted array (never mutates).
 */
function toggle(type, current, index) {
  if (type !== 'MULTIPLE') return [index];
  const set = new Set(current || []);
  if (set.has(index)) set.delete(index);
  else set.add(index);
  return Array.from(set).sort((a, b) => a - b);
}

/** The {answers: [...]} body the server expects; questions with nothing selected are left out. */
function answersBody(answers) {
  return {
    answers: Object.keys(answers || {})
      .filter((id) => Array.isArray(answers[id]) && answers[id].length > 0)
      .map((id) => ({ questionId: Number(id), selected: answers[id].slice() })),
  };
}

/** Questions decorated for the template: letters, and which options are chosen. */
function decorate(question, selected) {
  const chosen = new Set(selected || []);
  return Object.assign({}, question, {
    typeLabel: question.typeLabel || TYPE_LABELS[question.type] || '',
    optionViews: (question.options || []).map((text, i) => ({
      index: i,
      letter: letter(i),
      text,
      chosen: chosen.has(i),
    })),
  });
}

/**
 * A graded item for the result / practice feedback view: each option says whether it is correct and
 * whether the resident chose it, so the template only picks classes.
 */
function decorateResult(item) {
  const correct = new Set(item.correctAnswer || []);
  const chosen = new Set(item.selected || []);
  return Object.assign({}, item, {
    correctLetters: letters(item.correctAnswer),
    selectedLetters: (item.selected || []).length ? letters(item.selected) : '未作答',
    optionViews: (item.options || []).map((text, i) => ({
      index: i,
      letter: letter(i),
      text,
      isCorrect: correct.has(i),
      chosen: chosen.has(i),
    })),
  });
}

// ---- local copy of answers: survives a dropped network and even the app being closed ----

function readCachedAnswers(attemptId) {
  try {
    const value = wx.getStorageSync(ANSWER_CACHE_PREFIX + attemptId);
    return value && typeof value === 'object' ? value : {};
  } catch (e) {
    return {};
  }
}

function writeCachedAnswers(attemptId, answers) {
  try {
    wx.setStorageSync(ANSWER_CACHE_PREFIX + attemptId, answers);
  } catch (e) {
    // Storage full or unavailable: the server copy still exists, nothing more to do.
  }
}

function clearCachedAnswers(attemptId) {
  try {
    wx.removeStorageSync(ANSWER_CACHE_PREFIX + attemptId);
  } catch (e) {
    // ignore
  }
}

/** Server-saved answers (keys arrive as strings) overlaid with newer local ones. */
function mergeAnswers(saved, local) {
  const merged = {};
  Object.keys(saved || {}).forEach((id) => {
    merged[String(id)] = (saved[id] || []).slice();
  });
  Object.keys(local || {}).forEach((id) => {
    merged[String(id)] = (local[id] || []).slice();
  });
  return merged;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = {
  TYPE_LABELS,
  KIND_LABELS,
  SUBMIT_RETRY_DELAYS_MS,
  clockOffset,
  remainingMs,
  formatRemaining,
  formatDuration,
  formatDateTime,
  formatDate,
  formatWindow,
  letter,
  letters,
  toggle,
  answersBody,
  decorate,
  decorateResult,
  readCachedAnswers,
  writeCachedAnswers,
  clearCachedAnswers,
  mergeAnswers,
  sleep,
};
