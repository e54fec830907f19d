const { createWx, json, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { quizCards } = require('./helpers/quiz-fixtures');
const { renderPage, resetPages, text, inner, hasClass } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
});

async function tapAndSettle(node) {
  node.dispatchEvent('tap');
  await flush();
}

describe('答题 tab', () => {
  test('shows the daily quiz with today\'s status and streak, practice, contests and self-tests', async () => {
    storeSession(wx, me());
    server.on('GET', '/api/v1/quizzes', json(200, quizCards()));
    server.on('GET', '/api/v1/me/daily-streak', json(200, { current: 3, best: 12, lastDay: '2026-11-28' }));

    const page = await renderPage('pages/quiz/quiz');
    await flush();

    expect(text(page.querySelector('#daily-status'))).toBe('今日未答');
    const streak = text(page.querySelector('#daily-streak'));
    expect(streak).toContain('3连续天数');
    expect(streak).toContain('12最长连续');

    const contest = text(page.querySelector('#contest-7'));
    expect(contest).toContain('云溪区应急科普知识竞赛');
    expect(contest).toContain('11月1日 08:00 至 11月30日 20:00');
    expect(contest).toContain('已答 1/3 次，最好成绩 80 分');
    expect(contest).toContain('限时 10 分钟');

    const selfTest = text(page.querySelector('#self-test-9'));
    expect(selfTest).toContain('已答 5/5 次');
    expect(selfTest).toContain('次数已用完');
    expect(page.querySelector('#practice-card')).toBeDefined();
  });

  test('the daily quiz done today cannot be started again; other cards open their pages', async () => {
    storeSession(wx, me());
    const cards = quizCards();
    cards[0].doneToday = true;
    cards[0].attemptsUsed = 1;
    server.on('GET', '/api/v1/quizzes', json(200, cards));
    server.on('GET', '/api/v1/me/daily-streak', json(200, { current: 4, best: 12, lastDay: '2026-11-29' }));
    const page = await renderPage('pages/quiz/quiz');
    await flush();

    expect(text(page.querySelector('#daily-status'))).toBe('今日已完成');
    expect(hasClass(page.querySelector('#daily-status'), 't-tag--success')).toBe(true);
    await tapAndSettle(inner(page, 'daily-start', '.t-button'));
    expect(wx.navigateTo).not.toHaveBeenCalled();

    await tapAndSettle(inner(page, 'self-test-start-9', '.t-button'));
    expect(wx.navigateTo).not.toHaveBeenCalled(); // attempts used up

    await tapAndSettle(inner(page, 'contest-start-7', '.t-button'));
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/attempt/attempt?quizId=7' });
    await tapAndSettle(inner(page, 'contest-board-7', '.t-button'));
    expect(wx.navigateTo).toHaveBeenLastCalledWith({
      url: `/pages/leaderboard/leaderboard?quizId=7&title=${encodeURIComponent('云溪区应急科普知识竞赛')}`,
    });
    await tapAndSettle(inner(page, 'wrong-book-open', '.t-button'));
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/wrong-book/wrong-book' });
  });

  test('before the privacy policy is accepted nothing is fetched', async () => {
    storeSession(wx, me({ privacyPolicyVersion: null }));

    const page = await renderPage('pages/quiz/quiz');
    await flush();

    expect(page.querySelector('#consent-gate')).toBeDefined();
    expect(server.callsTo('GET', '/api/v1/quizzes')).toHaveLength(0);
  });
});
