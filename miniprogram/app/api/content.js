// 科普内容 (server: content/ContentController). Field names follow ContentViews.Card / Detail,
// InteractionService.SessionView / ShareView and CommentService.CommentView.

const { call, query } = require('./call');

/**
 * GET /contents: one page of the feed. `params`: page, size, type, topic, group, keyword (empty ones are left out).
 * Conditional by default (ETag revalidation, offline copy): resolves with {data, stale}.
 */
function feed(params, options) {
  return call({ url: '/api/v1/contents', data: query(params) }, Object.assign({ conditional: true }, options));
}

/** GET /contents/{id}: conditional by default, resolves with {data, stale}. */
function detail(id, options) {
  return call({ url: `/api/v1/contents/${id}` }, Object.assign({ conditional: true }, options));
}

/** GET /contents/{id}/interaction → {liked, favourited, likeCount, favouriteCount}. */
function interaction(id, options) {
  return call({ url: `/api/v1/contents/${id}/interaction` }, options);
}

/** PUT (on) or DELETE (off) /contents/{id}/like|favourite → the new interaction state. */
function setReaction(id, kind, on, options) {
  return call({ url: `/api/v1/contents/${id}/${kind}`, method: on ? 'PUT' : 'DELETE' }, options);
}

/** POST /contents/{id}/shares → {shareToken, path}. */
function share(id, options) {
  return call({ url: `/api/v1/contents/${id}/shares`, method: 'POST' }, options);
}

/** GET /contents/{id}/comments?page=&size= → a page of CommentView. */
function comments(id, params, options) {
  return call({ url: `/api/v1/contents/${id}/comments`, data: query(params) }, options);
}

/** POST /contents/{id}/comments {body, imageKey?} → CommentView with its moderation status. */
function postComment(id, comment, options) {
  return call({ url: `/api/v1/contents/${id}/comments`, method: 'POST', data: query(comment) }, options);
}

/** POST /contents/{id}/read-sessions {shareToken?} → SessionView. */
function startRead(id, shareToken, options) {
  return call({ url: `/api/v1/contents/${id}/read-sessions`, method: 'POST', data: shareToken ? { shareToken } : {} }, options);
}

/** POST /read-sessions/{id}/progress {position} → SessionView. */
function reportProgress(sessionId, position, options) {
  return call({ url: `/api/v1/read-sessions/${sessionId}/progress`, method: 'POST', data: { position } }, options);
}

/** GET /me/favourites?page=&size= → a page of cards. */
function favourites(params, options) {
  return call({ url: '/api/v1/me/favourites', data: query(params) }, options);
}

module.exports = { feed, detail, interaction, setReaction, share, comments, postComment, startRead, reportProgress, favourites };
