const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { detail, interaction, readSession, comment, page } = require('./helpers/content-fixtures');
const { renderPage, resetPages, text, hasClass } = require('./helpers/render');

let server;
let pages;
let audios;
let bodyRect;

/** A stand-in for wx.createInnerAudioContext that lets a test move the player's clock. */
function fakeAudio() {
  const handlers = {};
  const on = (name) => (fn) => {
    handlers[name] = fn;
  };
  const audio = {
    src: '',
    currentTime: 0,
    duration: 0,
    play: jest.fn(() => handlers.play && handlers.play()),
    pause: jest.fn(() => handlers.pause && handlers.pause()),
    destroy: jest.fn(),
    onPlay: on('play'),
    onPause: on('pause'),
    onStop: on('stop'),
    onEnded: on('ended'),
    onError: on('error'),
    onTimeUpdate: on('timeUpdate'),
    /** The player reached `seconds`. */
    at(seconds) {
      audio.currentTime = seconds;
      if (handlers.timeUpdate) handlers.timeUpdate();
    },
  };
  audios.push(audio);
  return audio;
}

/** wx.createSelectorQuery answering with where the article body currently is on screen. */
function fakeSelectorQuery() {
  let callback = null;
  const query = {
    select: () => query,
    boundingClientRect: (cb) => {
      callback = cb;
      return query;
    },
    exec: () => Promise.resolve().then(() => callback && callback(bodyRect)),
  };
  return query;
}

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  pages = [];
  audios = [];
  bodyRect = { top: 300, height: 1000 };
  wx.createInnerAudioContext = jest.fn(fakeAudio);
  wx.createSelectorQuery = jest.fn(fakeSelectorQuery);
  wx.getWindowInfo = jest.fn(() => ({ windowHeight: 800, windowWidth: 375 }));
  wx.previewImage = jest.fn();
  server.on('GET', '/api/v1/contents/42/interaction', json(200, interaction()));
  server.on('GET', '/api/v1/contents/42/comments', json(200, page([])));
  server.on('POST', '/api/v1/contents/42/read-sessions', json(201, readSession()));
  server.on('POST', '/api/v1/read-sessions/900/progress', (call) =>
    json(200, readSession({ creditedSeconds: call.data.position })));
});

afterEach(() => {
  pages.forEach((p) => p.instance.onUnload());
  jest.useRealTimers();
});

async function open(query = { id: '42' }) {
  const p = await renderPage('pages/content/detail', query);
  pages.push(p);
  await flush();
  return p;
}

function progressCalls() {
  return server.callsTo('POST', '/api/v1/read-sessions/900/progress').map((c) => c.data.position);
}

// Only the report interval is faked: the fake server and flush() still run on real timeouts.
function useFakeInterval() {
  jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'Date', 'performance'] });
}

async function seconds(n) {
  jest.advanceTimersByTime(n * 1000);
  await flush();
}

describe('科普内容 page: body', () => {
  test('renders the server-sanitised HTML with rich-text, images kept inside the screen', async () => {
    server.on('GET', '/api/v1/contents/42', json(200, detail(42)));

    const p = await open();

    expect(p.querySelector('#rich-body')).toBeDefined();
    expect(p.querySelector('#large-images')).toBeUndefined();
    // simulate's rich-text keeps no nodes attribute: the page data is what it is given.
    const html = p.instance.data.item.bodyHtml;
    expect(html).toContain('<strong>逆风</strong>');
    expect(html).toContain('<img style="max-width:100%;height:auto;display:block;" src="https://media.example.test/a.png">');
    expect(text(p.querySelector('#title'))).toContain('化工园区应急避险');
    expect(text(p.querySelector('#emergency-badge'))).toBe('应急');
    expect(text(p.querySelector('#root'))).toContain('适合：农民、老年人');
  });

  test('in 关怀模式 the large-image body and the audio narration are preferred', async () => {
    storeSession(wx, me({ elderMode: true }));
    server.on('GET', '/api/v1/contents/42', json(200, detail(42, {
      narrationUrl: 'https://media.example.test/narration.mp3',
      largeImageUrls: ['https://media.example.test/large-1.png', 'https://media.example.test/large-2.png'],
    })));

    const p = await open();

    expect(hasClass(p.querySelector('#root'), 'page-elder')).toBe(true);
    expect(p.querySelector('#rich-body')).toBeUndefined();
    expect(p.querySelector('#large-images').dom.children).toHaveLength(2);
    expect(text(p.querySelector('#audio-player'))).toContain('语音朗读（推荐长辈收听）');
    expect(audios).toHaveLength(1);
    expect(audios[0].src).toBe('https://media.example.test/narration.mp3');

    p.querySelector('#audio-toggle').dispatchEvent('tap');
    await flush();
    expect(audios[0].play).toHaveBeenCalled();
    expect(text(p.querySelector('#audio-toggle'))).toBe('暂停');

    // The text version stays one tap away.
    p.querySelector('#text-mode-toggle').dispatchEvent('tap');
    await flush();
    expect(p.querySelector('#rich-body')).toBeDefined();
    expect(p.querySelector('#large-images')).toBeUndefined();
  });

  test('without 关怀模式 the same item shows its text body; narration is there but not pushed', async () => {
    server.on('GET', '/api/v1/contents/42', json(200, detail(42, {
      narrationUrl: 'https://media.example.test/narration.mp3',
      largeImageUrls: ['https://media.example.test/large-1.png'],
    })));

    const p = await open();

    expect(p.querySelector('#rich-body')).toBeDefined();
    expect(p.querySelector('#large-images')).toBeUndefined();
    expect(text(p.querySelector('#audio-player'))).not.toContain('推荐长辈收听');
  });

  test('a video item plays its media; an audio item plays its own file', async () => {
    server.on('GET', '/api/v1/contents/42', json(200, detail(42, { type: 'VIDEO', mediaUrl: 'https://media.example.test/v.mp4' })));
    const video = await open();
    expect(video.querySelector('#video')).toBeDefined();
    expect(video.querySelector('#audio-player')).toBeUndefined();

    server.on('GET', '/api/v1/contents/43', json(200, detail(43, { type: 'AUDIO', mediaUrl: 'https://media.example.test/a.mp3', lengthSeconds: 185 })));
    const audio = await open({ id: '43' });
    expect(audios[audios.length - 1].src).toBe('https://media.example.test/a.mp3');
    expect(text(audio.querySelector('#audio-time'))).toBe('0:00 / 3:05');
  });

  test('an item taken offline shows the server\'s reason', async () => {
    server.on('GET', '/api/v1/contents/42', problem(404, 'CONTENT_NOT_FOUND', '内容不存在或已下线'));
    const p = await open();
    expect(text(p.querySelector('#error'))).toContain('内容不存在或已下线');
  });
});

describe('科普内容 page: like, favourite, share', () => {
  beforeEach(() => {
    server.on('GET', '/api/v1/contents/42', json(200, detail(42)));
  });

  test('like state comes from the interaction endpoint and toggles through the API', async () => {
    server.on('GET', '/api/v1/contents/42/interaction', json(200, interaction({ favourited: true, likeCount: 5, favouriteCount: 3 })));
    server.on('PUT', '/api/v1/contents/42/like', json(200, interaction({ liked: true, favourited: true, likeCount: 6, favouriteCount: 3 })));
    server.on('DELETE', '/api/v1/contents/42/like', json(200, interaction({ liked: false, favourited: true, likeCount: 5, favouriteCount: 3 })));
    const p = await open();

    expect(text(p.querySelector('#like-btn'))).toBe('点赞 5');
    expect(text(p.querySelector('#fav-btn'))).toBe('已收藏 3');

    p.querySelector('#like-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#like-btn'))).toBe('已赞 6');
    expect(hasClass(p.querySelector('#like-btn'), 'action-on')).toBe(true);

    p.querySelector('#like-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#like-btn'))).toBe('点赞 5');
    expect(server.calls.filter((c) => c.path === '/api/v1/contents/42/like').map((c) => c.method)).toEqual(['PUT', 'DELETE']);
  });

  test('two quick taps send one request', async () => {
    server.on('PUT', '/api/v1/contents/42/favourite', json(200, interaction({ favourited: true, favouriteCount: 3 })));
    const p = await open();

    p.querySelector('#fav-btn').dispatchEvent('tap');
    p.querySelector('#fav-btn').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('PUT', '/api/v1/contents/42/favourite')).toHaveLength(1);
    expect(server.callsTo('DELETE', '/api/v1/contents/42/favourite')).toHaveLength(0);
    expect(text(p.querySelector('#fav-btn'))).toBe('已收藏 3');
  });

  test('the share card carries the share token path from the server', async () => {
    server.on('POST', '/api/v1/contents/42/shares', json(201, { shareToken: 'tok-abc', path: '/pages/content/detail?id=42&st=tok-abc' }));
    const p = await open();

    const message = p.instance.onShareAppMessage({ from: 'button' });
    // WeChat shows the plain card if the token does not arrive in time.
    expect(message.title).toBe('化工园区应急避险');
    expect(message.path).toBe('/pages/content/detail?id=42');
    const shared = await message.promise;

    expect(shared.path).toBe('/pages/content/detail?id=42&st=tok-abc');
    expect(shared.title).toBe('化工园区应急避险');
    expect(server.callsTo('POST', '/api/v1/contents/42/shares')).toHaveLength(1);
  });

  test('a failed share request still shares the plain card', async () => {
    server.on('POST', '/api/v1/contents/42/shares', NETWORK_FAIL);
    const p = await open();

    const shared = await p.instance.onShareAppMessage({ from: 'menu' }).promise;

    expect(shared.path).toBe('/pages/content/detail?id=42');
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('before the privacy policy is accepted: no interaction state, no read session, taps lead to the policy', async () => {
    storeSession(wx, me({ privacyPolicyVersion: null }));
    const p = await open();

    expect(p.querySelector('#consent-note')).toBeDefined();
    expect(server.callsTo('GET', '/api/v1/contents/42/interaction')).toHaveLength(0);
    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions')).toHaveLength(0);
    expect(p.instance.onShareAppMessage().promise).toBeUndefined();

    p.querySelector('#like-btn').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/privacy?reason=consent' });
    expect(server.callsTo('PUT', '/api/v1/contents/42/like')).toHaveLength(0);
  });
});

describe('科普内容 page: reading credit', () => {
  beforeEach(() => {
    server.on('GET', '/api/v1/contents/42', json(200, detail(42)));
  });

  test('starts a read session on show and reports scroll progress only while visible', async () => {
    useFakeInterval();
    const p = await open();

    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions').map((c) => c.data)).toEqual([{}]);
    expect(progressCalls()).toEqual([]);

    // Body from 300 px, 1000 px tall, screen 800 px: half of it has been on screen -> 60 of 120 s.
    await seconds(15);
    expect(progressCalls()).toEqual([60]);

    bodyRect = { top: -500, height: 1000 }; // scrolled to the end
    await seconds(15);
    expect(progressCalls()).toEqual([60, 120]);

    p.instance.onHide();
    await seconds(120);
    expect(progressCalls()).toEqual([60, 120]);

    // Back again: the same session goes on, no second one is opened.
    p.instance.onShow();
    await flush();
    await seconds(15);
    expect(progressCalls()).toEqual([60, 120, 120]);
    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions')).toHaveLength(1);
  });

  test('scrolling back up does not lower the position', async () => {
    useFakeInterval();
    bodyRect = { top: -200, height: 1000 };
    await open();

    await seconds(15);
    bodyRect = { top: 400, height: 1000 };
    await seconds(15);

    expect(progressCalls()).toEqual([120, 120]);
  });

  test('a page hidden while its position is measured sends nothing', async () => {
    useFakeInterval();
    const p = await open();

    jest.advanceTimersByTime(15000); // the tick starts measuring...
    p.instance.onHide(); // ...and the resident leaves before the answer
    await flush();

    expect(progressCalls()).toEqual([]);
  });

  test('video reports the player time', async () => {
    useFakeInterval();
    server.on('GET', '/api/v1/contents/42', json(200, detail(42, { type: 'VIDEO', mediaUrl: 'https://media.example.test/v.mp4' })));
    const p = await open();

    // The <video> bindtimeupdate handler, as WeChat calls it.
    p.instance.onVideoTime({ detail: { currentTime: 33.7, duration: 120 } });
    await seconds(15);

    expect(progressCalls()).toEqual([33]);
  });

  test('the narration counts as reading in 关怀模式', async () => {
    useFakeInterval();
    storeSession(wx, me({ elderMode: true }));
    bodyRect = { top: 700, height: 1000 }; // barely scrolled: 10% of 120 s
    server.on('GET', '/api/v1/contents/42', json(200, detail(42, { narrationUrl: 'https://media.example.test/n.mp3' })));
    await open();

    audios[0].at(47.2);
    await seconds(15);

    expect(progressCalls()).toEqual([47]);
  });

  test('opening from a share link passes the token when starting the session', async () => {
    await open({ id: '42', st: 'tok-abc' });

    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions').map((c) => c.data)).toEqual([{ shareToken: 'tok-abc' }]);
  });

  test('opening from an officer\'s poster code (scene "<id>.<token>", URL-encoded) attributes the read the same way', async () => {
    server.on('GET', '/api/v1/contents/42', json(200, detail(42)));
    await open({ scene: encodeURIComponent('42.AbCdEfGhIjKlMnOpQrStUv') });

    expect(server.callsTo('GET', '/api/v1/contents/42')).toHaveLength(1);
    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions').map((c) => c.data)).toEqual([{ shareToken: 'AbCdEfGhIjKlMnOpQrStUv' }]);
  });

  test('an approved officer gets the share-poster button; other residents do not', async () => {
    server.on('GET', '/api/v1/contents/42', json(200, detail(42)));
    const plain = await open();
    expect(plain.querySelector('#poster-entry')).toBeUndefined();

    wx.__storage.set('kepu.officerApproved', true);
    const officerView = await open();
    officerView.querySelector('#poster-btn').querySelector('.t-button').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/share-poster/share-poster?id=42' });
  });

  test('an invalid share token still starts a session, without attribution', async () => {
    server.on('POST', '/api/v1/contents/42/read-sessions', (call) =>
      (call.data.shareToken ? problem(400, 'SHARE_TOKEN_INVALID', '分享链接无效') : json(201, readSession())));

    await open({ id: '42', st: 'bogus' });

    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions').map((c) => c.data)).toEqual([{ shareToken: 'bogus' }, {}]);
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('network failures are silent and the next tick tries again', async () => {
    useFakeInterval();
    let fail = true;
    server.on('POST', '/api/v1/contents/42/read-sessions', () => (fail ? NETWORK_FAIL : json(201, readSession())));
    server.on('POST', '/api/v1/read-sessions/900/progress', () => (fail ? NETWORK_FAIL : json(200, readSession())));
    const p = await open();
    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions')).toHaveLength(1);

    await seconds(15); // still offline: opening the session is retried
    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions')).toHaveLength(2);

    fail = false;
    await seconds(15); // session opened
    await seconds(15); // first report
    expect(server.callsTo('POST', '/api/v1/read-sessions/900/progress')).toHaveLength(1);

    fail = true;
    await seconds(15);
    expect(server.callsTo('POST', '/api/v1/read-sessions/900/progress')).toHaveLength(2);
    expect(wx.showToast).not.toHaveBeenCalled();
    expect(p.querySelector('#error')).toBeUndefined();
  });

  test('stops reporting once the server says the read is complete', async () => {
    useFakeInterval();
    server.on('POST', '/api/v1/read-sessions/900/progress', json(200, readSession({ creditedSeconds: 72, completed: true })));
    await open();

    await seconds(15);
    await seconds(60);

    expect(progressCalls()).toHaveLength(1);
  });

  test('an expired session is replaced by a new one', async () => {
    useFakeInterval();
    server.on('POST', '/api/v1/read-sessions/900/progress', problem(410, 'READ_SESSION_EXPIRED', '阅读记录已过期，请重新打开内容'));
    await open();

    await seconds(15); // 410
    await seconds(15); // new session

    expect(server.callsTo('POST', '/api/v1/contents/42/read-sessions')).toHaveLength(2);
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('leaving the page stops everything', async () => {
    useFakeInterval();
    const p = await open();
    p.instance.onUnload();
    pages = [];

    await seconds(60);

    expect(progressCalls()).toEqual([]);
  });
});

describe('科普内容 page: comments', () => {
  beforeEach(() => {
    server.on('GET', '/api/v1/contents/42', json(200, detail(42)));
  });

  test('lists visible comments and marks my own that others cannot see yet', async () => {
    server.on('GET', '/api/v1/contents/42/comments', json(200, page([
      comment(3, { body: '我的评论', mine: true, status: 'IN_REVIEW' }),
      comment(2, { body: '很实用' }),
    ], 2)));
    const p = await open();

    expect(text(p.querySelector('#comment-3'))).toContain('我');
    expect(text(p.querySelector('#comment-3'))).toContain('审核中，通过后他人可见');
    expect(text(p.querySelector('#comment-2'))).toContain('很实用');
    expect(text(p.querySelector('#comment-2'))).not.toContain('审核');
    expect(server.callsTo('GET', '/api/v1/contents/42/comments')[0].data).toEqual({ page: 1, size: 20 });
  });

  test.each([
    ['IN_REVIEW', '评论已提交，审核通过后他人可见', '审核中，通过后他人可见'],
    ['HIDDEN', '评论未通过内容安全检测，仅您自己可见', '仅您自己可见'],
    ['VISIBLE', '评论已发表', ''],
  ])('posting a comment the server marks %s tells the resident so', async (status, message, note) => {
    server.on('POST', '/api/v1/contents/42/comments', (call) =>
      json(201, comment(77, { body: call.data.body, mine: true, status })));
    const p = await open();

    p.querySelector('#comment-input').dispatchEvent('input', { detail: { value: '  谢谢科普！ ' } });
    p.querySelector('#post-btn').querySelector('.t-button').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/contents/42/comments').map((c) => c.data)).toEqual([{ body: '谢谢科普！' }]);
    expect(text(p.querySelector('#post-result'))).toBe(message);
    expect(text(p.querySelector('#comment-77'))).toContain('谢谢科普！');
    if (note) expect(text(p.querySelector('#comment-77'))).toContain(note);
    expect(p.instance.data.commentDraft).toBe('');
  });

  test('an empty comment is not sent; a field error is shown by the box', async () => {
    server.on('POST', '/api/v1/contents/42/comments', problem(400, 'VALIDATION_FAILED', '请求参数不正确', [{ field: 'body', message: '评论最多 300 字' }]));
    const p = await open();

    await p.instance.onPostComment();
    await flush();
    expect(text(p.querySelector('#post-error'))).toBe('请先写下您的评论');
    expect(server.callsTo('POST', '/api/v1/contents/42/comments')).toHaveLength(0);

    p.querySelector('#comment-input').dispatchEvent('input', { detail: { value: '长'.repeat(10) } });
    await flush();
    await p.instance.onPostComment();
    await flush();
    expect(text(p.querySelector('#post-error'))).toBe('评论最多 300 字');
  });
});

describe('科普内容 page: conditional GET', () => {
  function etagDetail(body, tag) {
    server.on('GET', '/api/v1/contents/42', (call) =>
      call.header['If-None-Match'] === tag
        ? { statusCode: 304, data: '', header: { ETag: tag } }
        : Object.assign(json(200, body), { header: { 'Content-Type': 'application/json', ETag: tag } }));
  }

  test('opening the item again revalidates it and a 304 shows the stored item', async () => {
    etagDetail(detail(42), '"42-v1"');
    await open();
    resetPages();

    const p = await open();

    const calls = server.callsTo('GET', '/api/v1/contents/42');
    expect(calls[1].header['If-None-Match']).toBe('"42-v1"');
    expect(text(p.querySelector('#title'))).toContain('化工园区应急避险');
    expect(p.querySelector('#stale-notice')).toBeUndefined();
  });

  test('offline, the item from the last open is shown with a notice', async () => {
    etagDetail(detail(42), '"42-v1"');
    await open();
    resetPages();
    server.on('GET', '/api/v1/contents/42', NETWORK_FAIL);

    const p = await open();

    expect(p.querySelector('#error')).toBeUndefined();
    expect(text(p.querySelector('#title'))).toContain('化工园区应急避险');
    expect(text(p.querySelector('#stale-notice'))).toBe('网络不给力，显示的是上次加载的内容');
  });

  test('offline without a stored copy the error page says so and offers 重试', async () => {
    server.on('GET', '/api/v1/contents/42', NETWORK_FAIL);

    const p = await open();

    expect(text(p.querySelector('#error'))).toContain('网络不给力');
    expect(p.querySelector('#error').querySelector('#state-retry')).toBeTruthy();
    expect(p.querySelector('#stale-notice')).toBeUndefined();
  });
});
