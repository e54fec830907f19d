// The api modules are the only place that knows the server's paths: each function is checked here
// against the method, path and body the server's controllers declare, and a scan of app/ makes sure
// no page or helper writes a URL of its own again.

const fs = require('fs');
const path = require('path');
const { json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, signedIn } = require('./helpers/fixtures');

const me_ = require('../app/api/me');
const content = require('../app/api/content');
const quiz = require('../app/api/quiz');
const points = require('../app/api/points');
const events = require('../app/api/events');
const volunteers = require('../app/api/volunteers');
const regions = require('../app/api/regions');
const officers = require('../app/api/officers');
const bases = require('../app/api/bases');
const media = require('../app/api/media');
const { RETRY } = require('../app/utils/request');

let server;

beforeEach(() => {
  server = signedIn();
});

/** Answers every call with 200 {} and returns what was sent. */
async function sent(call) {
  server.handle = jest.fn(async (c) => {
    server.calls.push(c);
    return json(200, {});
  });
  await call();
  expect(server.calls).toHaveLength(1);
  const c = server.calls[0];
  return { method: c.method, path: c.path, data: c.data };
}

describe('api modules send what the server expects', () => {
  test.each([
    ['me.get', () => me_.get(), 'GET', '/api/v1/me', undefined],
    ['me.update', () => me_.update({ nickname: '张三' }), 'PATCH', '/api/v1/me', { nickname: '张三' }],
    ['me.bindPhone', () => me_.bindPhone('c1'), 'POST', '/api/v1/me/phone', { code: 'c1' }],
    ['me.exportData', () => me_.exportData(), 'GET', '/api/v1/me/export', undefined],
    ['me.remove', () => me_.remove(), 'DELETE', '/api/v1/me', undefined],
    ['regions.tree', () => regions.tree(), 'GET', '/api/v1/regions', undefined],
    ['content.feed drops empty filters', () => content.feed({ page: 1, size: 20, type: '', topic: 'HEALTH', group: undefined }), 'GET', '/api/v1/contents', { page: 1, size: 20, topic: 'HEALTH' }],
    ['content.detail', () => content.detail(42), 'GET', '/api/v1/contents/42', undefined],
    ['content.interaction', () => content.interaction(42), 'GET', '/api/v1/contents/42/interaction', undefined],
    ['content.setReaction on', () => content.setReaction(42, 'like', true), 'PUT', '/api/v1/contents/42/like', undefined],
    ['content.setReaction off', () => content.setReaction(42, 'favourite', false), 'DELETE', '/api/v1/contents/42/favourite', undefined],
    ['content.share', () => content.share(42), 'POST', '/api/v1/contents/42/shares', undefined],
    ['content.comments', () => content.comments(42, { page: 2, size: 20 }), 'GET', '/api/v1/contents/42/comments', { page: 2, size: 20 }],
    ['content.postComment', () => content.postComment(42, { body: '好' }), 'POST', '/api/v1/contents/42/comments', { body: '好' }],
    ['content.startRead', () => content.startRead(42, 'tok'), 'POST', '/api/v1/contents/42/read-sessions', { shareToken: 'tok' }],
    ['content.startRead without a share', () => content.startRead(42, null), 'POST', '/api/v1/contents/42/read-sessions', {}],
    ['content.reportProgress', () => content.reportProgress(9, 30), 'POST', '/api/v1/read-sessions/9/progress', { position: 30 }],
    ['content.favourites', () => content.favourites({ page: 1, size: 20 }), 'GET', '/api/v1/me/favourites', { page: 1, size: 20 }],
    ['quiz.list', () => quiz.list(), 'GET', '/api/v1/quizzes', undefined],
    ['quiz.dailyStreak', () => quiz.dailyStreak(), 'GET', '/api/v1/me/daily-streak', undefined],
    ['quiz.start', () => quiz.start(7), 'POST', '/api/v1/quizzes/7/attempts', undefined],
    ['quiz.attempt', () => quiz.attempt(501), 'GET', '/api/v1/attempts/501', undefined],
    ['quiz.saveAnswers', () => quiz.saveAnswers(501, { answers: [] }), 'PUT', '/api/v1/attempts/501/answers', { answers: [] }],
    ['quiz.submit', () => quiz.submit(501, { answers: [] }), 'POST', '/api/v1/attempts/501/submit', { answers: [] }],
    ['quiz.myAttempts', () => quiz.myAttempts({ page: 1, size: 20, kind: '' }), 'GET', '/api/v1/me/attempts', { page: 1, size: 20 }],
    ['quiz.myAttempts of one kind', () => quiz.myAttempts({ page: 2, size: 20, kind: 'SELF_TEST' }), 'GET', '/api/v1/me/attempts', { page: 2, size: 20, kind: 'SELF_TEST' }],
    ['quiz.leaderboard', () => quiz.leaderboard(7, 50), 'GET', '/api/v1/quizzes/7/leaderboard', { top: 50 }],
    ['quiz.regionBoard', () => quiz.regionBoard(7), 'GET', '/api/v1/quizzes/7/leaderboard/regions', undefined],
    ['quiz.preferences', () => quiz.preferences(), 'GET', '/api/v1/me/quiz-preferences', undefined],
    ['quiz.setPreferences', () => quiz.setPreferences(true), 'PUT', '/api/v1/me/quiz-preferences', { leaderboardOptIn: true }],
    ['quiz.practiceNext', () => quiz.practiceNext('WRONG_BOOK'), 'GET', '/api/v1/practice/next', { source: 'WRONG_BOOK' }],
    ['quiz.practiceAnswer', () => quiz.practiceAnswer(11, [1]), 'POST', '/api/v1/practice/answers', { questionId: 11, selected: [1] }],
    ['quiz.wrongBook', () => quiz.wrongBook({ page: 1, size: 20 }), 'GET', '/api/v1/practice/wrong-book', { page: 1, size: 20 }],
    ['quiz.certificates', () => quiz.certificates(), 'GET', '/api/v1/me/certificates', undefined],
    ['quiz.verifyCertificate', () => quiz.verifyCertificate('7K3M9QXW2HB4TZ8PRC5N'), 'GET', '/api/v1/certificates/7K3M9QXW2HB4TZ8PRC5N', undefined],
    ['points.balance', () => points.balance(), 'GET', '/api/v1/me/points', undefined],
    ['points.history', () => points.history({ page: 3, size: 20 }), 'GET', '/api/v1/me/points/history', { page: 3, size: 20 }],
    ['events.list', () => events.list({ page: 1, size: 20, kind: '', past: true }), 'GET', '/api/v1/events', { page: 1, size: 20, past: true }],
    ['events.detail', () => events.detail(5), 'GET', '/api/v1/events/5', undefined],
    ['events.signup', () => events.signup(5, { form: {} }), 'POST', '/api/v1/events/5/signups', { form: {} }],
    ['events.proxySignup', () => events.proxySignup(5, { name: '李四' }), 'POST', '/api/v1/events/5/proxy-signups', { name: '李四' }],
    ['events.mySignups', () => events.mySignups({ page: 1, size: 20 }), 'GET', '/api/v1/me/signups', { page: 1, size: 20 }],
    ['events.myProxySignups', () => events.myProxySignups({ page: 1, size: 20 }), 'GET', '/api/v1/me/proxy-signups', { page: 1, size: 20 }],
    ['events.cancel', () => events.cancel(40), 'POST', '/api/v1/signups/40/cancel', undefined],
    ['events.claim', () => events.claim('13800001234'), 'POST', '/api/v1/signups/claim', { phone: '13800001234' }],
    ['events.noticeTemplates', () => events.noticeTemplates(), 'GET', '/api/v1/events/notice-templates', undefined],
    ['events.subscribeNotices', () => events.subscribeNotices(['REMINDER']), 'POST', '/api/v1/events/notice-subscriptions', { templates: ['REMINDER'] }],
    ['events.checkin', () => events.checkin({ token: 't' }), 'POST', '/api/v1/checkins', { token: 't' }],
    ['officers.mine', () => officers.mine(), 'GET', '/api/v1/officers/me', undefined],
    ['officers.apply', () => officers.apply({ role: 'PROMOTER' }), 'POST', '/api/v1/officers/applications', { role: 'PROMOTER' }],
    ['officers.reach', () => officers.reach(), 'GET', '/api/v1/officers/me/reach', undefined],
    ['officers.reachByVillage', () => officers.reachByVillage(), 'GET', '/api/v1/officers/me/reach/villages', undefined],
    ['officers.shareCode', () => officers.shareCode(5, 'tok'), 'POST', '/api/v1/officers/me/share-codes', { contentId: 5, shareToken: 'tok' }],
    ['bases.list', () => bases.list({ page: 1, size: 50, lat: 29.47, lng: 113.27, type: '' }), 'GET', '/api/v1/bases', { page: 1, size: 50, lat: 29.47, lng: 113.27 }],
    ['bases.detail', () => bases.detail(3), 'GET', '/api/v1/bases/3', undefined],
    ['bases.checkIn', () => bases.checkIn(3, { latitude: 29.47, longitude: 113.27 }), 'POST', '/api/v1/bases/3/check-ins', { latitude: 29.47, longitude: 113.27 }],
    ['media.url', () => media.url('r/1/avatar/a.jpg', 200), 'GET', '/api/v1/media/url', { key: 'r/1/avatar/a.jpg', width: 200 }],
    ['media.uploadPolicy', () => media.uploadPolicy('AVATAR', 'image/jpeg', 1234), 'POST', '/api/v1/media/upload-policy', { purpose: 'AVATAR', contentType: 'image/jpeg', size: 1234 }],
    ['media.confirm', () => media.confirm('r/1/avatar/a.jpg'), 'POST', '/api/v1/media/confirm', { key: 'r/1/avatar/a.jpg' }],
    ['volunteers.mine', () => volunteers.mine(), 'GET', '/api/v1/volunteers/me', undefined],
    ['volunteers.apply', () => volunteers.apply({ realName: '张三' }), 'POST', '/api/v1/volunteers/me', { realName: '张三' }],
    ['volunteers.certificate', () => volunteers.certificate(), 'GET', '/api/v1/volunteers/me/certificate', undefined],
    ['volunteers.services', () => volunteers.services({ page: 1, size: 20 }), 'GET', '/api/v1/volunteers/me/services', { page: 1, size: 20 }],
  ])('%s', async (name, call, method, path_, data) => {
    expect(await sent(call)).toEqual({ method, path: path_, data });
  });

  test('the public certificate check goes without a token; the others carry the bearer token', async () => {
    server.on('GET', '/api/v1/certificates/AAAABBBBCCCCDDDDEEEE', json(200, {}));
    server.on('GET', '/api/v1/me', json(200, me()));
    await quiz.verifyCertificate('AAAABBBBCCCCDDDDEEEE');
    await me_.get();
    expect(server.callsTo('GET', '/api/v1/certificates/AAAABBBBCCCCDDDDEEEE')[0].header.Authorization).toBeUndefined();
    expect(server.callsTo('GET', '/api/v1/me')[0].header.Authorization).toBe('Bearer access-1');
  });

  test('options from the page pass through: silent keeps the toast away', async () => {
    server.on('GET', '/api/v1/volunteers/me', problem(404, 'VOLUNTEER_NOT_FOUND', '志愿者信息不存在'));
    await expect(volunteers.mine({ silent: true })).rejects.toMatchObject({ status: 404, code: 'VOLUNTEER_NOT_FOUND' });
    expect(wx.showToast).not.toHaveBeenCalled();
    await expect(volunteers.mine()).rejects.toMatchObject({ status: 404 });
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '志愿者信息不存在' }));
  });

  test('check-in is sent again after a network failure or a 5xx, then gives up', async () => {
    const original = RETRY.delaysMs;
    RETRY.delaysMs = [1, 1, 1];
    try {
      let n = 0;
      server.on('POST', '/api/v1/checkins', () => {
        n += 1;
        return n === 1 ? NETWORK_FAIL : n === 2 ? problem(503, 'UNAVAILABLE', '') : json(200, { id: 1 });
      });
      await expect(events.checkin({ token: 't' })).resolves.toEqual({ id: 1 });
      expect(n).toBe(3);

      server.on('POST', '/api/v1/checkins', NETWORK_FAIL);
      await expect(events.checkin({ token: 't' })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
      expect(server.callsTo('POST', '/api/v1/checkins')).toHaveLength(3 + 4);
      // A refusal is final: not repeated.
      server.on('POST', '/api/v1/checkins', problem(422, 'TOO_FAR', '您不在活动现场附近'));
      const before = server.callsTo('POST', '/api/v1/checkins').length;
      await expect(events.checkin({ token: 't' })).rejects.toMatchObject({ code: 'TOO_FAR' });
      expect(server.callsTo('POST', '/api/v1/checkins')).toHaveLength(before + 1);
      expect(wx.showToast).not.toHaveBeenCalled();
    } finally {
      RETRY.delaysMs = original;
    }
  });
});

describe('no URL outside app/api', () => {
  const APP = path.resolve(__dirname, '../app');

  function jsFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) return d.name === 'miniprogram_npm' ? [] : jsFiles(full);
      return d.name.endsWith('.js') ? [full] : [];
    });
  }

  test('pages, components and helpers call api functions, never a literal /api/v1 path', async () => {
    const offenders = jsFiles(APP)
      .filter((f) => !f.startsWith(path.join(APP, 'api') + path.sep))
      .filter((f) => /['"`]\/api\/v1\//.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(APP, f))).toEqual([]);
    await flush(1);
  });
});
