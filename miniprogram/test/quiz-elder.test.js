const { createWx, json } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { openAttempt, quizCards, certificate } = require('./helpers/quiz-fixtures');
const { renderPage, resetPages, hasClass } = require('./helpers/render');

beforeEach(() => {
  global.wx = createWx();
  resetPages();
});

describe('every quiz page applies 关怀模式 from the cached flag', () => {
  test.each([
    ['pages/quiz/quiz', {}],
    ['pages/attempt/attempt', { quizId: '7' }],
    ['pages/practice/practice', {}],
    ['pages/wrong-book/wrong-book', {}],
    ['pages/leaderboard/leaderboard', { quizId: '7' }],
    ['pages/certificates/certificates', {}],
    ['pages/certificate/certificate', { verifyNo: '7K3M9QXW2HB4TZ8PRC5N' }],
    ['pages/points/points', {}],
  ])('%s', async (route, query) => {
    storeSession(wx, me({ elderMode: true }));
    const server = wx.__server;
    server.on('GET', '/api/v1/quizzes', json(200, quizCards()));
    server.on('GET', '/api/v1/me/daily-streak', json(200, { current: 0, best: 0, lastDay: null }));
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt({ countdown: false })));
    server.on('GET', '/api/v1/practice/next', json(200, { questionId: 1, type: 'TRUE_FALSE', typeLabel: '判断', stem: '题', options: ['正确', '错误'], benchmarkNo: null, inWrongBook: false }));
    server.on('GET', '/api/v1/practice/wrong-book', json(200, { items: [], total: 0, page: 1, size: 20 }));
    server.on('GET', '/api/v1/quizzes/7/leaderboard', json(200, { participants: 0, items: [], me: { rank: null, score: null, durationMs: null } }));
    server.on('GET', '/api/v1/me/quiz-preferences', json(200, { leaderboardOptIn: false }));
    server.on('GET', '/api/v1/me/certificates', json(200, [certificate()]));
    server.on('GET', '/api/v1/me/points', json(200, { balance: 0, today: [] }));
    server.on('GET', '/api/v1/me/points/history', json(200, { items: [], total: 0, page: 1, size: 20 }));

    const page = await renderPage(route, query);

    expect(hasClass(page.querySelector('#root'), 'page-elder')).toBe(true);
    if (page.instance.onUnload) page.instance.onUnload();
  });
});
