// 我的学习: attempts with their results, past self-tests, points and certificates in one place, and the
// public certificate check.

const { json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { signedIn, renderMe } = require('./helpers/fixtures');
const { certificate } = require('./helpers/quiz-fixtures');
const { renderPage, text, inner, tapSegment, hasClass } = require('./helpers/render');

let server;

beforeEach(() => {
  server = signedIn();
});

/** A row as GET /me/attempts sends it (AttemptSummaryRow: local times without an offset). */
function row(id, overrides = {}) {
  return Object.assign(
    {
      id,
      quizId: 9,
      title: '公民科学素质自测',
      kind: 'SELF_TEST',
      attemptNo: 1,
      status: 'SUBMITTED',
      startedAt: '2026-11-20T09:00:00',
      finishedAt: '2026-11-20T09:18:30',
      score: 200,
      maxScore: 260,
      passed: true,
    },
    overrides,
  );
}

function pageOf(items, total, page = 1) {
  return { items, total: total === undefined ? items.length : total, page, size: 20 };
}

function openLearning() {
  server.on('GET', '/api/v1/me/points', json(200, { balance: 128, today: [] }));
  server.on('GET', '/api/v1/me/certificates', json(200, [certificate(), certificate({ verifyNo: 'AAAABBBBCCCCDDDDEEEE' })]));
  return renderPage('pages/learning/learning');
}

describe('我的学习 page', () => {
  test('lists every attempt with its result, and the points and certificates owned', async () => {
    server.on('GET', '/api/v1/me/attempts', json(200, pageOf([
      row(503, { title: '每日答题', kind: 'DAILY', status: 'OPEN', finishedAt: null, score: null, maxScore: 50, passed: null, startedAt: '2026-11-29T08:00:00' }),
      row(502, { title: '云溪区应急科普知识竞赛', kind: 'CONTEST', attemptNo: 2, score: 50, maxScore: 100, passed: false }),
      row(501),
    ])));
    const p = await openLearning();
    await flush();

    expect(server.callsTo('GET', '/api/v1/me/attempts')[0].data).toEqual({ page: 1, size: 20 });
    expect(text(p.querySelector('#open-points'))).toContain('128 分');
    expect(text(p.querySelector('#open-certificates'))).toContain('2 张');
    expect(text(p.querySelector('#count'))).toBe('共 3 次');

    expect(text(p.querySelector('#attempt-501'))).toContain('科学素质自测 · 第 1 次 · 11月20日 09:18');
    expect(text(p.querySelector('#score-501'))).toBe('200/260 分');
    expect(text(p.querySelector('#result-501'))).toBe('通过');
    expect(hasClass(p.querySelector('#result-501'), 't-tag--success')).toBe(true);
    expect(text(p.querySelector('#result-502'))).toBe('未通过');
    expect(text(p.querySelector('#attempt-502'))).toContain('知识竞赛 · 第 2 次');
    // An unfinished attempt shows no score and can be continued.
    expect(text(p.querySelector('#result-503'))).toBe('未交卷');
    expect(p.querySelector('#score-503')).toBeUndefined();
    expect(text(p.querySelector('#attempt-503'))).toContain('继续答题');

    p.querySelector('#attempt-502').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/attempt/attempt?attemptId=502' });
  });

  test('the 自测成绩 tab asks the server for self-tests only and pages on', async () => {
    server.on('GET', '/api/v1/me/attempts', (call) => {
      if (!call.data.kind) return json(200, pageOf([row(1, { kind: 'DAILY', title: '每日答题' })]));
      const first = Array.from({ length: 20 }, (_, i) => row(100 - i, { attemptNo: 21 - i }));
      return json(200, call.data.page === 1 ? pageOf(first, 21) : pageOf([row(60, { score: 120, passed: false })], 21, 2));
    });
    const p = await openLearning();
    await flush();

    tapSegment(p, 'tabs', 1);
    await flush();
    expect(server.callsTo('GET', '/api/v1/me/attempts')[1].data).toEqual({ page: 1, size: 20, kind: 'SELF_TEST' });
    expect(text(p.querySelector('#count'))).toBe('共 21 次');
    expect(p.querySelector('#attempt-1')).toBeUndefined();

    p.querySelector('#load-more').dispatchEvent('tap');
    await flush();
    expect(server.callsTo('GET', '/api/v1/me/attempts')[2].data).toEqual({ page: 2, size: 20, kind: 'SELF_TEST' });
    expect(text(p.querySelector('#result-60'))).toBe('未通过');
    expect(p.querySelector('#load-more')).toBeUndefined();
  });

  test('no self-test yet: says what it is and leads to the quizzes', async () => {
    server.on('GET', '/api/v1/me/attempts', (call) => json(200, call.data.kind ? pageOf([]) : pageOf([row(1)])));
    const p = await openLearning();
    await flush();
    tapSegment(p, 'tabs', 1);
    await flush();

    expect(text(p.querySelector('#empty'))).toContain('还没有做过科学素质自测');
    inner(p, 'go-quiz', '.t-button').dispatchEvent('tap');
    await flush();
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/quiz/quiz' });
  });

  test('我的 leads here, and here to points, certificates and the certificate check', async () => {
    server.on('GET', '/api/v1/me/attempts', json(200, pageOf([])));
    const p = await openLearning();
    await flush();
    for (const [id, url] of [
      ['open-points', '/pages/points/points'],
      ['open-certificates', '/pages/certificates/certificates'],
      ['open-wrong-book', '/pages/wrong-book/wrong-book'],
      ['open-verify', '/pages/certificate-verify/certificate-verify'],
    ]) {
      inner(p, id, '.t-cell').dispatchEvent('tap');
      // eslint-disable-next-line no-await-in-loop
      await flush();
      expect(wx.navigateTo).toHaveBeenLastCalledWith({ url });
    }

    const me = await renderMe(server);
    inner(me, 'open-learning', '.t-cell').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/learning/learning' });
  });
});

describe('查验证书 page', () => {
  test('a valid number shows the certificate with the masked name, without logging in', async () => {
    wx.__storage.clear();
    server.on('GET', '/api/v1/certificates/7K3M9QXW2HB4TZ8PRC5N', json(200, certificate()));
    const p = await renderPage('pages/certificate-verify/certificate-verify');

    p.querySelector('#no-input').dispatchEvent('input', { detail: { value: ' 7k3m 9qxw 2hb4 tz8p rc5n ' } });
    await flush();
    inner(p, 'verify-btn', '.t-button').dispatchEvent('tap');
    await flush();

    const call = server.callsTo('GET', '/api/v1/certificates/7K3M9QXW2HB4TZ8PRC5N')[0];
    expect(call.header.Authorization).toBeUndefined();
    expect(wx.login).not.toHaveBeenCalled();
    const shown = text(p.querySelector('#valid'));
    expect(shown).toContain('证书真实有效');
    expect(shown).toContain('持证人：张*');
    expect(shown).toContain('成绩：90 分（满分 100 分）');
    expect(shown).toContain('颁发日期：2026年11月29日');

    inner(p, 'open-certificate', '.t-button').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/certificate/certificate?verifyNo=7K3M9QXW2HB4TZ8PRC5N' });
  });

  test('an unknown number says so; a malformed one is caught before asking', async () => {
    server.on('GET', '/api/v1/certificates/ZZZZZZZZZZZZZZZZZZZZ', problem(404, 'CERTIFICATE_NOT_FOUND', '证书编号不存在'));
    server.on('GET', '/api/v1/training-certificates/ZZZZZZZZZZZZZZZZZZZZ', problem(404, 'TRAINING_CERTIFICATE_NOT_FOUND', '没有这个编号的培训证明'));
    const p = await renderPage('pages/certificate-verify/certificate-verify', { no: 'zzzzzzzzzzzzzzzzzzzz' });
    await flush();
    expect(text(p.querySelector('#unknown'))).toContain('没有这个编号的证书');

    p.querySelector('#no-input').dispatchEvent('input', { detail: { value: '12345' } });
    await flush();
    inner(p, 'verify-btn', '.t-button').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#hint'))).toContain('20 位字母和数字');
    // the valid-looking number was asked as a quiz certificate, then as a training certificate; the malformed one never
    expect(server.calls.map((c) => c.path)).toEqual(['/api/v1/certificates/ZZZZZZZZZZZZZZZZZZZZ',
      '/api/v1/training-certificates/ZZZZZZZZZZZZZZZZZZZZ']);
  });

  test('no network: the page says so and can try again', async () => {
    server.on('GET', '/api/v1/certificates/7K3M9QXW2HB4TZ8PRC5N', NETWORK_FAIL);
    wx.__network = 'none';
    const p = await renderPage('pages/certificate-verify/certificate-verify', { no: '7K3M9QXW2HB4TZ8PRC5N' });
    await flush();
    expect(text(p.querySelector('#error'))).toContain('手机没有连上网络');

    wx.__network = 'wifi';
    server.on('GET', '/api/v1/certificates/7K3M9QXW2HB4TZ8PRC5N', json(200, certificate()));
    inner(p.querySelector('#error'), 'state-retry', '.t-button').dispatchEvent('tap');
    await flush();
    expect(p.querySelector('#valid')).toBeTruthy();
  });
});
