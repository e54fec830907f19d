// Builders for quiz / points payloads, shaped like the server's records (AttemptView, QuizCard,
// Leaderboards.Board, CertificateView, PointsBalance, PointsEntry). Each test overrides what it checks.

function questions() {
  return [
    { questionId: 11, type: 'SINGLE', typeLabel: '单选', stem: '发生火灾时，正确的逃生方法是？', options: ['乘坐电梯', '用湿毛巾捂住口鼻，低姿前进', '跳楼'] },
    { questionId: 12, type: 'MULTIPLE', typeLabel: '多选', stem: '以下哪些是防汛应急物品？', options: ['手电筒', '救生衣', '烟花', '哨子'] },
    { questionId: 13, type: 'TRUE_FALSE', typeLabel: '判断', stem: '化工园区附近闻到异味应立即报告。', options: ['正确', '错误'] },
  ];
}

/** An open attempt: no answers anywhere in it, as the server sends it. */
function openAttempt(overrides = {}) {
  return Object.assign(
    {
      id: 501,
      quizId: 7,
      kind: 'CONTEST',
      title: '云溪区应急科普知识竞赛',
      attemptNo: 1,
      status: 'OPEN',
      startedAt: '2026-11-29T10:00:00+08:00',
      deadline: '2026-11-29T10:10:00+08:00',
      countdown: true,
      serverNow: '2026-11-29T10:00:00+08:00',
      questions: questions(),
      savedAnswers: {},
      result: null,
    },
    overrides,
  );
}

function gradedAttempt(overrides = {}) {
  const qs = questions();
  return Object.assign(openAttempt(), {
    status: 'SUBMITTED',
    result: {
      score: 20,
      maxScore: 30,
      correctCount: 2,
      questionCount: 3,
      passed: true,
      late: false,
      durationMs: 65300,
      finishedAt: '2026-11-29T10:01:05+08:00',
      certificateNo: '7K3M9QXW2HB4TZ8PRC5N',
      items: [
        { questionId: 11, stem: qs[0].stem, options: qs[0].options, selected: [1], correctAnswer: [1], correct: true, explanation: '烟往上走，低姿前进可少吸烟雾。' },
        { questionId: 12, stem: qs[1].stem, options: qs[1].options, selected: [0, 2], correctAnswer: [0, 1, 3], correct: false, explanation: '烟花不是应急物品。' },
        { questionId: 13, stem: qs[2].stem, options: qs[2].options, selected: [0], correctAnswer: [0], correct: true, explanation: '及时报告有助于尽快处置泄漏。' },
      ],
    },
  }, overrides);
}

function quizCards() {
  return [
    { id: 1, kind: 'DAILY', title: '每日答题', description: '每天 5 题', questionCount: 5, timeLimitSeconds: 300, countdown: true, opensAt: null, closesAt: null, attemptsAllowed: 1, attemptsUsed: 0, bestScore: null, maxScore: 50, doneToday: false, streak: 3 },
    { id: 2, kind: 'PRACTICE', title: '科普练习', description: null, questionCount: 1, timeLimitSeconds: null, countdown: false, opensAt: null, closesAt: null, attemptsAllowed: 0, attemptsUsed: 0, bestScore: null, maxScore: 10, doneToday: null, streak: null },
    { id: 7, kind: 'CONTEST', title: '云溪区应急科普知识竞赛', description: '防汛、化工园区安全', questionCount: 10, timeLimitSeconds: 600, countdown: true, opensAt: '2026-11-01T08:00:00+08:00', closesAt: '2026-11-30T20:00:00+08:00', attemptsAllowed: 3, attemptsUsed: 1, bestScore: 80, maxScore: 100, doneToday: null, streak: null },
    { id: 9, kind: 'SELF_TEST', title: '公民科学素质自测', description: null, questionCount: 26, timeLimitSeconds: null, countdown: false, opensAt: null, closesAt: null, attemptsAllowed: 5, attemptsUsed: 5, bestScore: 180, maxScore: 260, doneToday: null, streak: null },
  ];
}

function certificate(overrides = {}) {
  return Object.assign(
    {
      verifyNo: '7K3M9QXW2HB4TZ8PRC5N',
      holderName: '张*',
      title: '优秀答题证书',
      quizTitle: '云溪区应急科普知识竞赛',
      score: 90,
      maxScore: 100,
      issuedAt: '2026-11-29T10:01:05+08:00',
    },
    overrides,
  );
}

module.exports = { questions, openAttempt, gradedAttempt, quizCards, certificate };
