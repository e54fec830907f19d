// 关怀模式 behaviour beyond sizes: no time pressure, errors that stay until read.

const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, regions, storeSession } = require('./helpers/fixtures');
const { openAttempt, quizCards } = require('./helpers/quiz-fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');
const toast = require('../app/utils/toast');

let server;
let pages;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  pages = [];
});

afterEach(() => {
  pages.forEach((p) => p.instance.onUnload && p.instance.onUnload());
});

async function open(route, query) {
  const page = await renderPage(route, query);
  pages.push(page);
  await flush();
  return page;
}

function elder(on) {
  storeSession(wx, me({ elderMode: on }));
  wx.__storage.set('kepu.elderMode', on);
}

// The server's clock says the deadline has just passed.
const overdue = () => openAttempt({ serverNow: '2026-11-29T10:10:00+08:00', deadline: '2026-11-29T10:10:00+08:00' });

describe('a timed contest at its deadline', () => {
  test('in normal mode it is submitted for the resident', async () => {
    elder(false);
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, overdue()));
    server.on('POST', '/api/v1/attempts/501/submit', json(200, overdue()));

    await open('pages/attempt/attempt', { quizId: '7' });

    expect(server.callsTo('POST', '/api/v1/attempts/501/submit')).toHaveLength(1);
  });

  test('in 关怀模式 nothing is submitted: the page says the time is up and waits for 交卷', async () => {
    elder(true);
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, overdue()));

    const page = await open('pages/attempt/attempt', { quizId: '7' });

    expect(server.callsTo('POST', '/api/v1/attempts/501/submit')).toHaveLength(0);
    expect(text(page.querySelector('#time-up'))).toContain('请点下面的“交卷”');
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(wx.showModal.mock.calls[0][0]).toEqual(expect.objectContaining({ title: '答题时间到了', showCancel: false }));
    expect(page.instance.timer).toBeNull();
    // Choosing no longer changes the saved answers.
    page.querySelector('#option-1').dispatchEvent('tap');
    await flush();
    expect(page.querySelector('#option-1').dom.className).not.toContain('option-chosen');
  });

  test('in 关怀模式 the last minute is not shown in red', async () => {
    elder(true);
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt({
      serverNow: '2026-11-29T10:09:30+08:00',
      deadline: '2026-11-29T10:10:00+08:00',
    })));

    const page = await open('pages/attempt/attempt', { quizId: '7' });

    expect(text(page.querySelector('#countdown'))).toMatch(/剩余 00:(30|29)/);
    expect(page.querySelector('#countdown').dom.className).not.toContain('countdown-urgent');
  });
});

describe('starting a timed quiz', () => {
  const contest = quizCards().find((c) => c.kind === 'CONTEST');

  /** Open 答题 with the fixture cards and tap the contest's 参加竞赛. */
  async function tapStartContest() {
    server.on('GET', '/api/v1/quizzes', json(200, quizCards()));
    server.on('GET', '/api/v1/me/daily-streak', json(200, { current: 0, best: 0, lastDay: null }));
    const page = await open('pages/quiz/quiz', {});
    inner(page, `contest-start-${contest.id}`, '.t-button').dispatchEvent('tap');
    await flush();
  }

  test('in 关怀模式 the resident is told plainly that it is timed and chooses to begin', async () => {
    elder(true);
    await tapStartContest();

    expect(wx.navigateTo).not.toHaveBeenCalled();
    const modal = wx.showModal.mock.calls[0][0];
    expect(modal.title).toBe('这是限时答题');
    expect(modal.content).toContain(`限时 ${Math.round(contest.timeLimitSeconds / 60)} 分钟`);
    expect(modal.content).toContain('不会替您交卷');
    modal.success({ confirm: true });
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: `/pages/attempt/attempt?quizId=${contest.id}` });
  });

  test('in normal mode it starts at once', async () => {
    elder(false);
    await tapStartContest();

    expect(wx.showModal).not.toHaveBeenCalled();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: `/pages/attempt/attempt?quizId=${contest.id}` });
  });
});

describe('errors', () => {
  test('in 关怀模式 an error stays on screen as a dialog until 知道了 is tapped', () => {
    wx.__storage.set('kepu.elderMode', true);
    toast.showError('网络不给力');
    expect(wx.showToast).not.toHaveBeenCalled();
    expect(wx.showModal).toHaveBeenCalledWith({ title: '提示', content: '网络不给力', showCancel: false, confirmText: '知道了' });
  });

  test('in normal mode it is a short toast', () => {
    toast.showError('网络不给力');
    expect(wx.showModal).not.toHaveBeenCalled();
    expect(wx.showToast).toHaveBeenCalledWith({ title: '网络不给力', icon: 'none', duration: 2500 });
  });

  test('a refusal from the server on a page in 关怀模式 is a dialog, not a vanishing toast', async () => {
    elder(true);
    server.on('POST', '/api/v1/quizzes/7/attempts', json(201, openAttempt()));
    server.on('PUT', '/api/v1/attempts/501/answers', problem(422, 'BAD_ANSWER', '这道题没有这个选项'));
    const page = await open('pages/attempt/attempt', { quizId: '7' });

    page.querySelector('#option-1').dispatchEvent('tap');
    await flush();

    expect(wx.showToast).not.toHaveBeenCalled();
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '这道题没有这个选项' }));
  });
});

describe('关怀模式 offered at first launch', () => {
  test('the privacy page offers it above the policy; it applies at once and stays on the phone until consent', async () => {
    storeSession(wx, me({ privacyPolicyVersion: null, elderMode: false }));
    const page = await open('pages/privacy/privacy', { reason: 'consent' });
    expect(text(page.querySelector('#elder-offer'))).toContain('打开关怀模式');

    page.querySelector('#elder-offer-btn').dispatchEvent('tap');
    await flush();

    expect(page.querySelector('#root').dom.className).toContain('page-elder');
    expect(wx.__storage.get('kepu.elderMode')).toBe(true);
    expect(server.callsTo('PATCH', '/api/v1/me')).toHaveLength(0); // nothing saved before consent
    expect(text(page.querySelector('#elder-offer'))).toContain('关闭关怀模式');
  });

  test('once the policy is accepted the offer is not repeated', async () => {
    storeSession(wx, me({ elderMode: false }));
    const page = await open('pages/privacy/privacy', {});
    expect(page.querySelector('#elder-offer')).toBeUndefined();
  });
});

describe('关怀模式 suggested from the profile', () => {
  async function openMe(resident) {
    storeSession(wx, resident);
    server.on('GET', '/api/v1/me', json(200, resident));
    server.on('GET', '/api/v1/regions', json(200, regions()));
    return open('pages/me/me', {});
  }
  const thisYear = new Date().getFullYear();

  test.each([
    ['老年人 of any age', { populationGroup: 'ELDERLY', birthYear: null }, true],
    ['born 60 years ago', { populationGroup: 'FARMER', birthYear: thisYear - 60 }, true],
    ['born 59 years ago', { populationGroup: 'FARMER', birthYear: thisYear - 59 }, false],
    ['no group or birth year', { populationGroup: null, birthYear: null }, false],
    ['already in 关怀模式', { populationGroup: 'ELDERLY', elderMode: true }, false],
  ])('%s: suggested = %s', async (name, profile, suggested) => {
    const resident = me(Object.assign({ elderMode: false }, profile));
    if (resident.elderMode) wx.__storage.set('kepu.elderMode', true);
    const page = await openMe(resident);
    expect(Boolean(page.querySelector('#elder-suggest'))).toBe(suggested);
  });

  test('打开关怀模式 turns it on for the account and the suggestion goes away', async () => {
    const resident = me({ populationGroup: 'ELDERLY', elderMode: false });
    server.on('PATCH', '/api/v1/me', (call) => json(200, Object.assign({}, resident, call.data)));
    const page = await openMe(resident);

    page.querySelector('#elder-suggest-on').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('PATCH', '/api/v1/me').map((c) => c.data)).toEqual([{ elderMode: true }]);
    expect(page.querySelector('#root').dom.className).toContain('page-elder');
    expect(page.querySelector('#elder-suggest')).toBeUndefined();
  });

  test('不用了 is remembered on this phone', async () => {
    const resident = me({ populationGroup: 'ELDERLY', elderMode: false });
    const page = await openMe(resident);

    page.querySelector('#elder-suggest-no').dispatchEvent('tap');
    await flush();

    expect(page.querySelector('#elder-suggest')).toBeUndefined();
    expect(wx.__storage.get('kepu.elderSuggestDismissed')).toBe(true);
    expect(server.callsTo('PATCH', '/api/v1/me')).toHaveLength(0);
  });
});
