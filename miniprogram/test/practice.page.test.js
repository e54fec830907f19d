const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

function practiceQuestion(overrides = {}) {
  return Object.assign(
    {
      questionId: 31,
      type: 'SINGLE',
      typeLabel: '单选',
      stem: '汛期听到洪水警报，应该首先做什么？',
      options: ['去河边查看', '迅速向高处转移', '开车涉水离开'],
      benchmarkNo: 24,
      inWrongBook: false,
    },
    overrides,
  );
}

async function tap(page, id) {
  inner(page, id, '.t-button').dispatchEvent('tap');
  await flush();
}

describe('练习 page', () => {
  test('shows no answer before answering, then right/wrong, the correct answer and the explanation at once', async () => {
    server.on('GET', '/api/v1/practice/next', json(200, practiceQuestion()));
    server.on('POST', '/api/v1/practice/answers', json(200, {
      questionId: 31,
      correct: false,
      correctAnswer: [1],
      explanation: '洪水来临时应向高处转移，切勿涉水。',
      inWrongBook: true,
      rightStreak: 0,
    }));

    const page = await renderPage('pages/practice/practice', { source: 'RANDOM' });
    await flush();

    expect(server.callsTo('GET', '/api/v1/practice/next')[0].data).toEqual({ source: 'RANDOM' });
    expect(text(page.querySelector('#stem'))).toContain('洪水警报');
    expect(page.querySelector('#explanation')).toBeUndefined();
    expect(text(page)).not.toContain('正确答案');

    page.querySelector('#option-0').dispatchEvent('tap');
    await tap(page, 'answer-btn');

    expect(server.callsTo('POST', '/api/v1/practice/answers').map((c) => c.data)).toEqual([
      { questionId: 31, selected: [0] },
    ]);
    expect(text(page.querySelector('#verdict'))).toContain('回答错误');
    expect(text(page.querySelector('#correct-answer'))).toBe('B');
    expect(text(page.querySelector('#explanation'))).toBe('解析：洪水来临时应向高处转移，切勿涉水。');
    expect(text(page.querySelector('#book-note'))).toContain('再连续答对 2 次即可移出');
    expect(text(page.querySelector('#tally'))).toContain('本次已练 1 题，答对 0 题');

    server.on('GET', '/api/v1/practice/next', json(200, practiceQuestion({ questionId: 32, stem: '下一题题干' })));
    await tap(page, 'next-btn');
    expect(text(page.querySelector('#stem'))).toBe('下一题题干');
    expect(page.querySelector('#explanation')).toBeUndefined();
  });

  test('nothing chosen: asks for an answer and sends nothing', async () => {
    server.on('GET', '/api/v1/practice/next', json(200, practiceQuestion()));
    const page = await renderPage('pages/practice/practice', {});
    await flush();

    await tap(page, 'answer-btn');

    expect(server.callsTo('POST', '/api/v1/practice/answers')).toHaveLength(0);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先选择答案' }));
  });

  test('错题本 mode asks for wrong-book questions and says so when the book is empty', async () => {
    server.on('GET', '/api/v1/practice/next', problem(404, 'WRONG_BOOK_EMPTY', '错题本是空的，继续保持！'));

    const page = await renderPage('pages/practice/practice', { source: 'WRONG_BOOK' });
    await flush();

    expect(server.callsTo('GET', '/api/v1/practice/next')[0].data).toEqual({ source: 'WRONG_BOOK' });
    expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '错题练习' });
    expect(text(page.querySelector('#empty'))).toContain('错题本是空的，继续保持！');
  });

  test('a right answer to a wrong-book question that clears it says it left the book', async () => {
    server.on('GET', '/api/v1/practice/next', json(200, practiceQuestion({ inWrongBook: true, type: 'MULTIPLE', options: ['甲', '乙', '丙'] })));
    server.on('POST', '/api/v1/practice/answers', json(200, {
      questionId: 31, correct: true, correctAnswer: [0, 2], explanation: '甲和丙都对。', inWrongBook: false, rightStreak: 2,
    }));
    const page = await renderPage('pages/practice/practice', { source: 'WRONG_BOOK' });
    await flush();

    page.querySelector('#option-0').dispatchEvent('tap');
    page.querySelector('#option-2').dispatchEvent('tap');
    await tap(page, 'answer-btn');

    expect(server.callsTo('POST', '/api/v1/practice/answers')[0].data).toEqual({ questionId: 31, selected: [0, 2] });
    expect(text(page.querySelector('#verdict'))).toContain('回答正确');
    expect(text(page.querySelector('#correct-answer'))).toBe('A、C');
    expect(text(page.querySelector('#book-note'))).toBe('已从错题本移出');
  });
});

describe('错题本 page', () => {
  test('lists the wrong answers with how far each is from leaving, and starts wrong-book practice', async () => {
    server.on('GET', '/api/v1/practice/wrong-book', json(200, {
      items: [
        { questionId: 31, stem: '汛期听到洪水警报，应该首先做什么？', type: 'SINGLE', wrongCount: 2, rightStreak: 1, lastWrongAt: '2026-11-28T20:15:00+08:00' },
      ],
      total: 1,
      page: 1,
      size: 20,
    }));

    const page = await renderPage('pages/wrong-book/wrong-book');
    await flush();

    expect(text(page.querySelector('#book-total'))).toBe('错题本共 1 题');
    const shown = text(page);
    expect(shown).toContain('汛期听到洪水警报');
    expect(shown).toContain('答错 2 次 · 再连续答对 1 次移出');
    expect(shown).toContain('最近答错：11月28日 20:15');
    expect(page.querySelector('#load-more')).toBeUndefined();

    await tap(page, 'practice-wrong');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/practice/practice?source=WRONG_BOOK' });
  });
});
