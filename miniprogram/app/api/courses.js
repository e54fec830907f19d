// 课程 (server: course/CourseController). Field names follow CourseViews and quiz.PracticeQuestions.

const { call } = require('./call');

/** GET /courses?topic= → CourseCard[] (topic ANTI_FRAUD: the anti-fraud corner's courses). */
function list(topic, options) {
  return call({ url: '/api/v1/courses', data: topic ? { topic } : {} }, options);
}

/** GET /courses/{id} → CourseDetail: lessons, which are done, where to resume, the certificate. */
function course(id, options) {
  return call({ url: `/api/v1/courses/${id}` }, options);
}

/** GET /courses/{id}/certificate → CertificateView. */
function certificate(id, options) {
  return call({ url: `/api/v1/courses/${id}/certificate` }, options);
}

/** GET /courses/lessons/{id} → LessonView: steps, practice (no answers), resumeStep. */
function lesson(id, options) {
  return call({ url: `/api/v1/courses/lessons/${id}` }, options);
}

/** PUT /courses/lessons/{id}/progress {step}: where to resume next time. */
function saveProgress(lessonId, step, options) {
  return call({ url: `/api/v1/courses/lessons/${lessonId}/progress`, method: 'PUT', data: { step } }, options);
}

/** POST /courses/lessons/{id}/practice/{questionId} {selected} → {correct, correctAnswer, explanation}. */
function check(lessonId, questionId, selected, options) {
  return call({ url: `/api/v1/courses/lessons/${lessonId}/practice/${questionId}`, method: 'POST', data: { selected } },
    options);
}

/** POST /courses/lessons/{id}/completion {answers:[{questionId, selected}]} → CompletionView. */
function complete(lessonId, answers, options) {
  return call({ url: `/api/v1/courses/lessons/${lessonId}/completion`, method: 'POST', data: { answers } }, options);
}

/** GET /practice/next?topic=短信辨别 → one scenario question of the anti-fraud corner (“这条短信可信吗？”). */
function scenario(options) {
  return call({ url: '/api/v1/practice/next', data: { source: 'RANDOM', topic: SCENARIO_TOPIC } }, options);
}

/** POST /practice/answers → right or wrong, with the explanation. */
function answerScenario(questionId, selected, options) {
  return call({ url: '/api/v1/practice/answers', method: 'POST', data: { questionId, selected } }, options);
}

/** The question bank's topic of the SMS scenario questions. */
const SCENARIO_TOPIC = '短信辨别';
/** 国家反诈中心 / 公安机关的全国反诈劝阻专线. */
const ANTI_FRAUD_LINE = '96110';

module.exports = {
  list, course, certificate, lesson, saveProgress, check, complete, scenario, answerScenario,
  SCENARIO_TOPIC, ANTI_FRAUD_LINE,
};
