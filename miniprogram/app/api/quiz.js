// 答题 (server: quiz/QuizController). Field names follow AttemptView, QuizCatalog.QuizCard,
// Leaderboards.Board, Certificates.CertificateView and AttemptMapper.AttemptSummaryRow.

const { call, query } = require('./call');

/** GET /quizzes → the quiz cards open to the resident. */
function list(options) {
  return call({ url: '/api/v1/quizzes' }, options);
}

/** GET /me/daily-streak → {current, best}. */
function dailyStreak(options) {
  return call({ url: '/api/v1/me/daily-streak' }, options);
}

/** POST /quizzes/{id}/attempts → AttemptView (an unfinished attempt comes back as it is). */
function start(quizId, options) {
  return call({ url: `/api/v1/quizzes/${quizId}/attempts`, method: 'POST' }, options);
}

/** GET /attempts/{id} → AttemptView, with the result once finished. */
function attempt(attemptId, options) {
  return call({ url: `/api/v1/attempts/${attemptId}` }, options);
}

/** PUT /attempts/{id}/answers {answers}. */
function saveAnswers(attemptId, body, options) {
  return call({ url: `/api/v1/attempts/${attemptId}/answers`, method: 'PUT', data: body }, options);
}

/** POST /attempts/{id}/submit {answers} → the graded AttemptView (same answer on a repeat). */
function submit(attemptId, body, options) {
  return call({ url: `/api/v1/attempts/${attemptId}/submit`, method: 'POST', data: body }, options);
}

/** GET /me/attempts?page=&size=&kind= → a page of AttemptSummaryRow, newest first (kind SELF_TEST: self-tests only). */
function myAttempts(params, options) {
  return call({ url: '/api/v1/me/attempts', data: query(params) }, options);
}

/** GET /quizzes/{id}/leaderboard?top= → Leaderboards.Board. */
function leaderboard(quizId, top, options) {
  return call({ url: `/api/v1/quizzes/${quizId}/leaderboard`, data: { top } }, options);
}

/** GET /quizzes/{id}/leaderboard/regions → {towns, villages}. */
function regionBoard(quizId, options) {
  return call({ url: `/api/v1/quizzes/${quizId}/leaderboard/regions` }, options);
}

/** GET /me/quiz-preferences → {leaderboardOptIn}. */
function preferences(options) {
  return call({ url: '/api/v1/me/quiz-preferences' }, options);
}

/** PUT /me/quiz-preferences {leaderboardOptIn}. */
function setPreferences(leaderboardOptIn, options) {
  return call({ url: '/api/v1/me/quiz-preferences', method: 'PUT', data: { leaderboardOptIn } }, options);
}

/** GET /practice/next?source=RANDOM|WRONG_BOOK → one question. */
function practiceNext(source, options) {
  return call({ url: '/api/v1/practice/next', data: { source } }, options);
}

/** POST /practice/answers {questionId, selected} → right or wrong, the answer and the explanation. */
function practiceAnswer(questionId, selected, options) {
  return call({ url: '/api/v1/practice/answers', method: 'POST', data: { questionId, selected } }, options);
}

/** GET /practice/wrong-book?page=&size=. */
function wrongBook(params, options) {
  return call({ url: '/api/v1/practice/wrong-book', data: query(params) }, options);
}

/** GET /me/certificates → the resident's certificates. */
function certificates(options) {
  return call({ url: '/api/v1/me/certificates' }, options);
}

/** GET /certificates/{no}: the public check of a certificate number (no login needed; the name is masked). */
function verifyCertificate(verifyNo, options) {
  return call({ url: `/api/v1/certificates/${encodeURIComponent(verifyNo)}`, auth: false }, options);
}

module.exports = {
  list,
  dailyStreak,
  start,
  attempt,
  saveAnswers,
  submit,
  myAttempts,
  leaderboard,
  regionBoard,
  preferences,
  setPreferences,
  practiceNext,
  practiceAnswer,
  wrongBook,
  certificates,
  verifyCertificate,
};
