const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { openAttempt, gradedAttempt } = require('./helpers/quiz-fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');

let server;
let pages;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  pages = [];
});

afterEach(() => {
  // The countdown is a setInterval: stop it as leaving the page would.
  pages.forEach((p) => p.instance.onUnload());
});

async function open(query = { quizId: '7' }) {
  const page = await renderPage('pages/attempt/attempt', query);
  pages.push(page);
  await flush();
  return page;
}

function choose(page, index) {
  page.querySelector(`#option-${index}`).dispatchEvent('tap');
}

function tap(page, id) {
  inner(page, id, '.t-button').dispatchEvent('tap');
}

/** TDesign's button re-emits the tap from its own handler: let that run before looking. */
async function tapAndSettle(page, id) {
  tap(page, id);
  await flush();
}

/** Answer all three fixture questions: B; A+D; 正确. */
async function answerAll(page) {
  choose(page, 1);
  await flush();
  await tapAndSettle(page, 'next-btn');
  choose(page, 0);
  choose(page, 3);
  await flush();
  await tapAndSettle(page, 'next-btn');
  choose(page, 0);
  await flush();
}

describe('答题 page: while answering', () => {
  test('starts the attempt and shows the question without any answer or explanation', async () => {
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt()));

    const page = await open();

    expect(server.callsTo('POST', '/api/v1/quizzes/7/attempts')).toHaveLength(1);
    expect(text(page.querySelector('#stem'))).toContain('发生火灾时');
    expect(text(page.querySelector('#progress'))).toContain('第 1/3 题');
    expect(page.querySelectorAll('.option')).toHaveLength(3);
    const shown = text(page);
    expect(shown).not.toContain('正确答案');
    expect(shown).not.toContain('解析');
    expect(page.querySelector('#result')).toBeUndefined();
    expect(page.querySelectorAll('.opt-correct')).toHaveLength(0);
    expect(JSON.stringify(page.instance.data)).not.toMatch(/correctAnswer|explanation/);
  });

  test('the countdown runs on the server clock, whatever time the phone shows', async () => {
    // The phone's clock is years away from serverNow; the server gives 10 minutes.
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt({
      serverNow: '2026-11-29T10:00:00+08:00',
      deadline: '2026-11-29T10:10:00+08:00',
    })));

    const page = await open();

    expect(text(page.querySelector('#countdown'))).toMatch(/剩余 (10:00|09:59)/);
  });

  test('no countdown at all when the server says countdown=false (关怀模式)', async () => {
    wx.__storage.set('kepu.elderMode', true);
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt({ kind: 'DAILY', countdown: false })));

    const page = await open();

    expect(page.querySelector('#countdown')).toBeUndefined();
    expect(text(page)).not.toContain('剩余');
    expect(page.instance.timer).toBeNull();
    expect(page.querySelector('#stem')).toBeDefined();
  });

  test('each answer is saved to the server and kept on the phone', async () => {
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt()));
    server.on('PUT', '/api/v1/attempts/501/answers', json(200, openAttempt()));
    const page = await open();

    choose(page, 1);
    await flush();

    expect(page.querySelector('#option-1').dom.className).toContain('option-chosen');
    expect(server.callsTo('PUT', '/api/v1/attempts/501/answers').map((c) => c.data)).toEqual([
      { answers: [{ questionId: 11, selected: [1] }] },
    ]);
    expect(wx.__storage.get('kepu.attemptAnswers.501')).toEqual({ 11: [1] });
    expect(text(page.querySelector('#save-state'))).toContain('答案已自动保存');
  });

  test('多选 toggles options; a dropped network loses nothing and the next save sends everything', async () => {
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt()));
    let online = false;
    server.on('PUT', '/api/v1/attempts/501/answers', () => (online ? json(200, openAttempt()) : NETWORK_FAIL));
    const page = await open();

    choose(page, 1);
    await flush();
    expect(text(page.querySelector('#save-state'))).toContain('答案已保存在手机上');
    expect(wx.showToast).not.toHaveBeenCalled();

    online = true;
    await tapAndSettle(page, 'next-btn');
    choose(page, 0);
    choose(page, 3);
    choose(page, 0); // untick A again
    await flush();

    const last = server.callsTo('PUT', '/api/v1/attempts/501/answers').pop();
    expect(last.data).toEqual({
      answers: [
        { questionId: 11, selected: [1] },
        { questionId: 12, selected: [3] },
      ],
    });
    expect(text(page.querySelector('#save-state'))).toContain('答案已自动保存');
  });

  test('reopening an attempt continues at the first unanswered question with answers restored', async () => {
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt({ savedAnswers: { 11: [1] } })));
    // A newer answer that never reached the server is still on the phone.
    wx.__storage.set('kepu.attemptAnswers.501', { 12: [0, 1] });
    server.on('PUT', '/api/v1/attempts/501/answers', json(200, openAttempt()));

    const page = await open();

    expect(text(page.querySelector('#progress'))).toContain('第 3/3 题 · 已答 2 题');
    expect(server.callsTo('PUT', '/api/v1/attempts/501/answers').map((c) => c.data)).toEqual([
      { answers: [{ questionId: 11, selected: [1] }, { questionId: 12, selected: [0, 1] }] },
    ]);
  });

  test('the server\'s Chinese detail is shown when the quiz cannot be started', async () => {
    server.on('POST', '/api/v1/quizzes/1/attempts', problem(409, 'DAILY_ALREADY_DONE', '今天的每日答题已完成，明天再来吧'));

    const page = await open({ quizId: '1' });

    const shown = text(page.querySelector('#error'));
    expect(shown).toContain('现在不能答题');
    expect(shown).toContain('今天的每日答题已完成，明天再来吧');
    // Trying again cannot change a refusal by the server's rules; going back can.
    expect(page.querySelector('#error').querySelector('#state-retry')).toBeFalsy();
    expect(page.querySelector('#back-btn')).toBeTruthy();
  });
});

describe('答题 page: submitting', () => {
  test('a double tap on 交卷 sends exactly one submit', async () => {
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt()));
    server.on('PUT', '/api/v1/attempts/501/answers', json(200, openAttempt()));
    server.on('POST', '/api/v1/attempts/501/submit', json(200, gradedAttempt()));
    const page = await open();
    await answerAll(page);

    tap(page, 'submit-btn');
    tap(page, 'submit-btn');
    // And straight at the handler, so the guard is proven in code, not by the button's disabled look.
    page.instance.onSubmitTap();
    await flush();

    const submits = server.callsTo('POST', '/api/v1/attempts/501/submit');
    expect(submits).toHaveLength(1);
    expect(submits[0].data).toEqual({
      answers: [
        { questionId: 11, selected: [1] },
        { questionId: 12, selected: [0, 3] },
        { questionId: 13, selected: [0] },
      ],
    });
    expect(wx.showModal).not.toHaveBeenCalled(); // everything answered: no confirmation needed
    expect(page.querySelector('#result')).toBeDefined();
    expect(wx.__storage.has('kepu.attemptAnswers.501')).toBe(false);
  });

  test('unanswered questions ask for confirmation; cancelling keeps answering', async () => {
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt()));
    server.on('POST', '/api/v1/attempts/501/submit', json(200, gradedAttempt()));
    wx.showModal.mockImplementation((o) => o.success({ confirm: false, cancel: true }));
    const page = await open();

    tap(page, 'submit-early');
    await flush();

    expect(wx.showModal.mock.calls[0][0].content).toContain('还有 3 道题没有作答');
    expect(server.callsTo('POST', '/api/v1/attempts/501/submit')).toHaveLength(0);
    expect(page.querySelector('#question')).toBeDefined();
  });

  test('a submit lost in the network is sent again by itself and then shows the result', async () => {
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt()));
    server.on('PUT', '/api/v1/attempts/501/answers', json(200, openAttempt()));
    let tries = 0;
    server.on('POST', '/api/v1/attempts/501/submit', () => {
      tries += 1;
      return tries === 1 ? NETWORK_FAIL : json(200, gradedAttempt());
    });
    const page = await open();
    await answerAll(page);

    tap(page, 'submit-btn');
    await flush();
    expect(text(page.querySelector('#submit-note'))).toContain('正在重新交卷');
    expect(page.querySelector('#result')).toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await flush();

    const submits = server.callsTo('POST', '/api/v1/attempts/501/submit');
    expect(submits).toHaveLength(2);
    expect(submits[1].data).toEqual(submits[0].data);
    expect(page.querySelector('#result')).toBeDefined();
  });

  test('the result shows the score, each question right or wrong, the correct answers and explanations', async () => {
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt()));
    server.on('PUT', '/api/v1/attempts/501/answers', json(200, openAttempt()));
    server.on('POST', '/api/v1/attempts/501/submit', json(200, gradedAttempt()));
    const page = await open();
    await answerAll(page);

    tap(page, 'submit-btn');
    await flush();

    expect(text(page.querySelector('#score'))).toBe('20');
    const summary = text(page.querySelector('#result'));
    expect(summary).toContain('/ 30 分');
    expect(summary).toContain('答对 2/3 题');
    expect(summary).toContain('用时 1分5.3秒');
    expect(text(page.querySelector('#verdict'))).toContain('通过');

    const wrong = page.querySelector('#item-12');
    expect(text(wrong)).toContain('✗ 答错了');
    expect(text(wrong)).toContain('您的答案：A、C');
    expect(text(wrong)).toContain('正确答案：A、B、D');
    expect(text(wrong)).toContain('解析：烟花不是应急物品。');
    // Correct options are marked on every question (1 + 3 + 1); the wrongly chosen C only on 12.
    expect(page.querySelectorAll('.opt-correct')).toHaveLength(5);
    expect(page.querySelectorAll('.opt-wrong').map((n) => text(n).replace(/\s/g, ''))).toEqual(['C.烟花']);
    expect(text(page.querySelector('#item-11'))).toContain('✓ 答对了');

    await tapAndSettle(page, 'open-certificate');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/certificate/certificate?verifyNo=7K3M9QXW2HB4TZ8PRC5N' });
  });

  test('an attempt opened later by id shows its stored result', async () => {
    server.on('GET', '/api/v1/attempts/501', json(200, gradedAttempt({ status: 'EXPIRED' })));

    const page = await open({ attemptId: '501' });

    expect(text(page.querySelector('#score'))).toBe('20');
    expect(page.querySelector('#countdown')).toBeUndefined();
    expect(page.instance.timer).toBeNull();
  });
});
