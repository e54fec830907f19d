const { createWx, json, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, inner, tapSegment, segmentActive } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

function board(overrides = {}) {
  return Object.assign(
    {
      participants: 1234,
      items: [
        { rank: 1, name: '李老师', regionName: '云溪社区', score: 100, durationMs: 95000 },
        // Residents who did not opt in come from the server already rendered as "<村> 居民".
        { rank: 2, name: '新塘村 居民', regionName: '新塘村', score: 90, durationMs: 120400 },
      ],
      me: { rank: 37, score: 70, durationMs: 200000 },
    },
    overrides,
  );
}

async function open() {
  const page = await renderPage('pages/leaderboard/leaderboard', { quizId: '7', title: encodeURIComponent('应急知识竞赛') });
  await flush();
  return page;
}

describe('排行榜 page', () => {
  test('shows my rank and the top list, with opted-out residents under their village name', async () => {
    server.on('GET', '/api/v1/quizzes/7/leaderboard', json(200, board()));
    server.on('GET', '/api/v1/me/quiz-preferences', json(200, { leaderboardOptIn: false }));

    const page = await open();

    expect(server.callsTo('GET', '/api/v1/quizzes/7/leaderboard')[0].data).toEqual({ top: 50 });
    expect(text(page.querySelector('#my-rank-number'))).toBe('第 37 名');
    expect(text(page.querySelector('#my-rank'))).toContain('最好成绩 70 分 · 用时 3分20秒 · 共 1234 人参赛');
    const names = page.querySelectorAll('.name').map((n) => text(n));
    expect(names).toEqual(['李老师', '新塘村 居民']);
    expect(text(page.querySelector('#board'))).toContain('2分0.4秒');
    expect(text(page.querySelector('#opt-in'))).toContain('某某村 居民');
    expect(page.querySelector('#opt-in-switch').instance.data.value).toBe(false);
  });

  test('without a result yet it says so instead of a rank', async () => {
    server.on('GET', '/api/v1/quizzes/7/leaderboard', json(200, board({ me: { rank: null, score: null, durationMs: null } })));
    server.on('GET', '/api/v1/me/quiz-preferences', json(200, { leaderboardOptIn: false }));

    const page = await open();

    expect(text(page.querySelector('#my-rank'))).toContain('您还没有成绩');
    expect(page.querySelector('#my-rank-number')).toBeUndefined();
  });

  test('the opt-in switch saves the preference and reloads the board', async () => {
    server.on('GET', '/api/v1/quizzes/7/leaderboard', json(200, board()));
    server.on('GET', '/api/v1/me/quiz-preferences', json(200, { leaderboardOptIn: false }));
    server.on('PUT', '/api/v1/me/quiz-preferences', (call) => json(200, call.data));
    const page = await open();

    inner(page, 'opt-in-switch', '.t-switch').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('PUT', '/api/v1/me/quiz-preferences').map((c) => c.data)).toEqual([{ leaderboardOptIn: true }]);
    expect(page.instance.data.optIn).toBe(true);
    expect(server.callsTo('GET', '/api/v1/quizzes/7/leaderboard')).toHaveLength(2);
  });

  test('the region tab loads the town and village board on demand', async () => {
    server.on('GET', '/api/v1/quizzes/7/leaderboard', json(200, board()));
    server.on('GET', '/api/v1/me/quiz-preferences', json(200, { leaderboardOptIn: true }));
    server.on('GET', '/api/v1/quizzes/7/leaderboard/regions', json(200, {
      towns: [{ code: '430603101', name: '云溪镇', townName: '云溪镇', participants: 320, population: 16000, participationRate: 2, averageScore: 78.5 }],
      villages: [{ code: '430603101201', name: '新塘村', townName: '云溪镇', participants: 80, population: null, participationRate: null, averageScore: 81.2 }],
    }));
    const page = await open();
    expect(server.callsTo('GET', '/api/v1/quizzes/7/leaderboard/regions')).toHaveLength(0);

    tapSegment(page, 'tabs', 1);
    await flush();

    expect(segmentActive(page, 'tabs', 1)).toBe(true);
    expect(text(page.querySelector('#towns'))).toContain('云溪镇320 人 · 参与率 2%平均分 78.5');
    expect(text(page.querySelector('#villages'))).toContain('参与率 —');
    expect(page.querySelector('#my-rank')).toBeUndefined();
  });
});
