// Builders for content payloads, shaped like the server's records (ContentViews.Card / Detail /
// Interaction, InteractionService.SessionView / ShareView, CommentService.CommentView).

function card(id, overrides = {}) {
  return Object.assign(
    {
      id,
      type: 'ARTICLE',
      title: `科普文章 ${id}`,
      summary: `摘要 ${id}`,
      coverUrl: `https://media.example.test/cover-${id}.jpg`,
      coverThumbnailUrl: `https://media.example.test/cover-${id}.jpg?w=400`,
      topics: ['HEALTH'],
      groups: ['FARMER'],
      emergency: false,
      pinned: false,
      lengthSeconds: 180,
      publishedAt: '2026-11-20T09:00:00+08:00',
      likeCount: 3,
      favouriteCount: 1,
      commentCount: 0,
      readCount: 10,
    },
    overrides,
  );
}

function page(items, total, pageNo = 1, size = 20) {
  return { items, total: total === undefined ? items.length : total, page: pageNo, size };
}

function detail(id, overrides = {}) {
  return Object.assign(
    {
      id,
      type: 'ARTICLE',
      title: '化工园区应急避险',
      summary: '闻到异味怎么办',
      bodyHtml: '<p>闻到刺激性气味时，<strong>逆风</strong>向高处撤离。</p><img src="https://media.example.test/a.png">',
      coverUrl: 'https://media.example.test/cover.jpg',
      mediaUrl: null,
      narrationUrl: null,
      largeImageUrls: [],
      topics: ['EMERGENCY', 'CHEMICAL'],
      groups: ['FARMER', 'ELDERLY'],
      planSections: [],
      emergency: true,
      pinned: true,
      lengthSeconds: 120,
      publishedAt: '2026-11-20T09:00:00+08:00',
      version: 1,
      likeCount: 5,
      favouriteCount: 2,
      shareCount: 0,
      commentCount: 1,
      readCount: 40,
    },
    overrides,
  );
}

function interaction(overrides = {}) {
  return Object.assign({ liked: false, favourited: false, likeCount: 5, favouriteCount: 2 }, overrides);
}

function readSession(overrides = {}) {
  return Object.assign(
    {
      sessionId: 900,
      lengthSeconds: 120,
      requiredSeconds: 72,
      creditedSeconds: 0,
      completed: false,
      reportEverySeconds: 15,
      attributedToShare: false,
    },
    overrides,
  );
}

function comment(id, overrides = {}) {
  return Object.assign(
    { id, contentId: 42, body: `评论 ${id}`, status: 'VISIBLE', mine: false, createdAt: '2026-11-21T10:00:00+08:00', imageUrl: null, imageChecking: false },
    overrides,
  );
}

module.exports = { card, page, detail, interaction, readSession, comment };
