// Pure helpers for the science-content pages (feed, item, favourites): labels, the card view
// model, feed ordering and the Chinese texts for comment moderation. No wx calls, so they can be
// unit-tested without rendering a page.

const { POPULATION_GROUPS } = require('./groups');

// Same codes and names as the server's content_topic reference table (sql/V6__content.sql).
// There is no resident endpoint for topics, and they change only with a migration.
const TOPICS = [
  { value: 'EMERGENCY', label: '应急科普' },
  { value: 'CHEMICAL', label: '化工安全' },
  { value: 'HEALTH', label: '健康生活' },
  { value: 'AGRICULTURE', label: '农业技术' },
  { value: 'DIGITAL', label: '数字技能' },
  { value: 'ECOLOGY', label: '生态环保' },
  { value: 'SCIENCE', label: '科学精神' },
  { value: 'SKILLS', label: '职业技能' },
  { value: 'ANTI_FRAUD', label: '防范诈骗与谣言' },
];

const TYPES = [
  { value: '', label: '全部' },
  { value: 'ARTICLE', label: '图文' },
  { value: 'VIDEO', label: '视频' },
  { value: 'AUDIO', label: '音频' },
];

const TYPE_LABELS = { ARTICLE: '图文', VIDEO: '视频', AUDIO: '音频' };

const TOPIC_LABELS = TOPICS.reduce((acc, t) => Object.assign(acc, { [t.value]: t.label }), {});
const GROUP_LABELS = POPULATION_GROUPS.reduce((acc, g) => Object.assign(acc, { [g.value]: g.label }), {});

// What the resident is told right after posting, by the status the server gave the comment
// (WeChat's msgSecCheck decides: pass -> VISIBLE, risky -> HIDDEN, review/unavailable -> IN_REVIEW).
const POSTED_MESSAGES = {
  VISIBLE: { tone: 'ok', text: '评论已发表' },
  IN_REVIEW: { tone: 'wait', text: '评论已提交，审核通过后他人可见' },
  HIDDEN: { tone: 'warn', text: '评论未通过内容安全检测，仅您自己可见' },
  REJECTED: { tone: 'warn', text: '评论未通过审核，仅您自己可见' },
};

// Shown beside one's own comments that others cannot see (yet).
const STATUS_NOTES = {
  IN_REVIEW: '审核中，通过后他人可见',
  HIDDEN: '仅您自己可见',
  REJECTED: '未通过审核，仅您自己可见',
};

function pad(n) {
  return n < 10 ? `0${n}` : `${n}`;
}

/** "3:05" for a player position or a media length. */
function formatClock(seconds) {
  const total = Math.max(0, Math.floor(Number(seconds) || 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Articles show a reading time ("约 3 分钟"), media their running time. */
function lengthText(type, seconds) {
  if (!seconds) return '';
  if (type === 'ARTICLE') return `阅读约 ${Math.max(1, Math.round(seconds / 60))} 分钟`;
  return formatClock(seconds);
}

/** "11月29日" (phone time zone; residents are in China). */
function formatDay(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getMonth() + 1}月${d.getDate()}日`;
}

function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function topicNames(codes) {
  return (codes || []).map((c) => TOPIC_LABELS[c]).filter(Boolean);
}

/** A feed or favourites card (ContentViews.Card) plus what the template shows. */
function cardView(card) {
  const typeLabel = TYPE_LABELS[card.type] || '';
  const topicText = topicNames(card.topics).slice(0, 2).join(' · ');
  return Object.assign({}, card, {
    cover: card.coverThumbnailUrl || card.coverUrl || '',
    typeLabel,
    topicText,
    // One string: the separators then survive however the template engine treats spaces.
    metaText: [typeLabel, lengthText(card.type, card.lengthSeconds), topicText, formatDay(card.publishedAt)]
      .filter(Boolean)
      .join(' · '),
  });
}

/**
 * Append a page to the list: drop items already shown (the feed may shift while paging, e.g.
 * a new publication moves everything down by one) and keep active emergency items on top.
 * The server already pins them; sorting again keeps them on top after merging pages too.
 */
function mergeFeed(existing, next) {
  const seen = new Set((existing || []).map((c) => c.id));
  const all = (existing || []).concat((next || []).filter((c) => !seen.has(c.id)));
  return all.filter((c) => c.pinned).concat(all.filter((c) => !c.pinned));
}

/**
 * The item a page was opened for: `?id=&st=` from a share card or link, or the scene of a share
 * poster's mini-program code, "<id>.<shareToken>" (WeChat passes it URL-encoded).
 */
function itemFromQuery(query) {
  const q = query || {};
  if (q.scene) {
    const m = /^(\d+)\.([A-Za-z0-9_-]+)$/.exec(decodeURIComponent(String(q.scene)));
    if (m) return { id: Number(m[1]), shareToken: m[2] };
  }
  return { id: Number(q.id) || 0, shareToken: q.st ? String(q.st) : null };
}

/** rich-text renders images at their natural width: keep them inside the screen. */
function prepareHtml(html) {
  if (!html) return '';
  return String(html).replace(/<img\b/gi, '<img style="max-width:100%;height:auto;display:block;"');
}

/** The item (ContentViews.Detail) plus what the template shows. */
function detailView(item) {
  return Object.assign({}, item, {
    bodyHtml: prepareHtml(item.bodyHtml),
    largeImageUrls: item.largeImageUrls || [],
    typeLabel: TYPE_LABELS[item.type] || '',
    metaText: [TYPE_LABELS[item.type], lengthText(item.type, item.lengthSeconds), formatDay(item.publishedAt)]
      .filter(Boolean)
      .join(' · '),
    topicText: topicNames(item.topics).join(' · '),
    groupText: (item.groups || []).map((g) => GROUP_LABELS[g]).filter(Boolean).join('、'),
  });
}

function commentView(c) {
  return Object.assign({}, c, {
    author: c.mine ? '我' : '居民',
    timeText: formatDateTime(c.createdAt),
    note: c.mine ? STATUS_NOTES[c.status] || '' : '',
    // Others see a comment's image only after WeChat's image check: the author is told while it runs.
    imageNote: c.mine && c.imageChecking ? '图片审核中，通过后他人可见' : '',
  });
}

function postedMessage(status) {
  return POSTED_MESSAGES[status] || POSTED_MESSAGES.IN_REVIEW;
}

module.exports = {
  itemFromQuery,
  TOPICS,
  TYPES,
  TYPE_LABELS,
  TOPIC_LABELS,
  GROUP_LABELS,
  formatClock,
  lengthText,
  cardView,
  mergeFeed,
  prepareHtml,
  detailView,
  commentView,
  postedMessage,
};
