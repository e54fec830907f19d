const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text } = require('./helpers/render');

let server;
let audios;

/** wx.createInnerAudioContext as the page uses it: records what it was told to play, and how fast. */
function fakeAudio() {
  const audio = {
    src: '', playbackRate: 1, calls: [], on: {},
    play: jest.fn(() => audio.calls.push(['play', audio.src, audio.playbackRate])),
    pause: jest.fn(() => audio.calls.push(['pause'])),
    stop: jest.fn(() => audio.calls.push(['stop'])),
    seek: jest.fn((s) => audio.calls.push(['seek', s])),
    destroy: jest.fn(),
    /** What the real context does on its own: fire one of its events. */
    fire: (event, arg) => audio.on[event](arg),
  };
  for (const event of ['Play', 'Pause', 'Stop', 'Ended', 'Error']) {
    audio[`on${event}`] = jest.fn((cb) => { audio.on[event.toLowerCase()] = cb; });
  }
  audios.push(audio);
  return audio;
}

beforeEach(() => {
  global.wx = createWx();
  audios = [];
  wx.createInnerAudioContext = jest.fn(fakeAudio);
  wx.setInnerAudioOption = jest.fn();
  wx.redirectTo = jest.fn();
  wx.makePhoneCall = jest.fn();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

function lesson(overrides = {}) {
  return Object.assign({
    id: 11, courseId: 3, courseTitle: '用微信和子女视频通话', position: 1, lessonCount: 2, title: '找到要通话的孩子',
    steps: [
      { position: 1, imageUrl: 'https://api.test/api/v1/course-art/wechat-video-1.svg', caption: '打开微信，找到孩子的名字。', narrationUrl: 'https://oss.test/n1.mp3' },
      { position: 2, imageUrl: 'https://api.test/api/v1/course-art/wechat-video-2.svg', caption: '点右下角的“＋”号。', narrationUrl: null },
    ],
    practice: [{ id: 501, type: 'SINGLE', typeLabel: '单选', stem: '想和孩子视频聊天，第一步应该怎么做？', options: ['打开微信，点孩子的名字', '打开相机拍照'] }],
    resumeStep: 1, done: false, nextLessonId: 12,
  }, overrides);
}

const tap = async (page, id) => {
  page.querySelector(`#${id}`).dispatchEvent('tap');
  await flush();
};

describe('课程 lesson page', () => {
  test('resumes at the step where the elder stopped and remembers each step shown', async () => {
    server.on('GET', '/api/v1/courses/lessons/11', json(200, lesson({ resumeStep: 2 })));
    server.on('PUT', '/api/v1/courses/lessons/11/progress', json(204, null));

    const page = await renderPage('pages/course-lesson/lesson', { id: '11' });
    await flush();

    expect(text(page.querySelector('#step-count'))).toContain('第 2 步，共 2 步');
    expect(text(page.querySelector('#caption'))).toContain('右下角');
    expect(page.querySelector('#narration')).toBeUndefined(); // this step has no narration
    expect(text(page.querySelector('#next-btn'))).toBe('做练习');

    await tap(page, 'prev-btn');
    expect(text(page.querySelector('#caption'))).toContain('找到孩子的名字');
    expect(server.callsTo('PUT', '/api/v1/courses/lessons/11/progress').map((c) => c.data)).toEqual([{ step: 2 }, { step: 1 }]);
  });

  test('narration plays with the mute switch on, pauses, replays the step from the start and slows down', async () => {
    server.on('GET', '/api/v1/courses/lessons/11', json(200, lesson()));
    server.on('PUT', '/api/v1/courses/lessons/11/progress', json(204, null));

    const page = await renderPage('pages/course-lesson/lesson', { id: '11' });
    await flush();

    expect(wx.setInnerAudioOption).toHaveBeenCalledWith({ obeyMuteSwitch: false });
    await tap(page, 'play-btn');
    const audio = audios[0];
    expect(audio.calls[0]).toEqual(['play', 'https://oss.test/n1.mp3', 1]);
    expect(text(page.querySelector('#play-btn'))).toBe('暂停');
    await tap(page, 'play-btn');
    expect(audio.pause).toHaveBeenCalled();
    expect(text(page.querySelector('#play-btn'))).toBe('听讲解');

    await tap(page, 'slow-btn');
    await tap(page, 'replay-btn');
    expect(audio.calls.slice(-2)).toEqual([['seek', 0], ['play', 'https://oss.test/n1.mp3', 0.75]]);
    expect(text(page.querySelector('#slow-btn'))).toBe('正常速度');
    audio.fire('ended');
    await flush();
    expect(text(page.querySelector('#play-btn'))).toBe('听讲解');
  });

  test('the context\'s own events drive the buttons: a call pausing it, an error that stays on screen', async () => {
    const steps = [
      { position: 1, imageUrl: 'https://api.test/a.svg', caption: '第一步。', narrationUrl: 'https://oss.test/n1.mp3' },
      { position: 2, imageUrl: 'https://api.test/b.svg', caption: '第二步。', narrationUrl: 'https://oss.test/n2.mp3' },
    ];
    server.on('GET', '/api/v1/courses/lessons/11', json(200, lesson({ steps })));
    server.on('PUT', '/api/v1/courses/lessons/11/progress', json(204, null));
    const page = await renderPage('pages/course-lesson/lesson', { id: '11' });
    await flush();

    await tap(page, 'play-btn');
    const audio = audios[0];
    audio.fire('play');
    await flush();
    expect(text(page.querySelector('#narration-status'))).toBe('正在讲解……');
    // the system paused it (a phone call): the button offers to play again
    audio.fire('pause');
    await flush();
    expect(text(page.querySelector('#play-btn'))).toBe('听讲解');
    expect(page.querySelector('#narration-status')).toBeUndefined();

    // slower while playing changes the speed at once
    await tap(page, 'play-btn');
    await tap(page, 'slow-btn');
    expect(audio.playbackRate).toBe(0.75);
    expect(text(page.querySelector('#narration-status'))).toBe('正在慢速讲解……');

    // the next step stops this narration and gets its own, played from its start at the chosen speed
    await tap(page, 'next-btn');
    expect(audio.stop).toHaveBeenCalled();
    expect(text(page.querySelector('#play-btn'))).toBe('听讲解');
    await tap(page, 'play-btn');
    expect(audio.calls.slice(-1)).toEqual([['play', 'https://oss.test/n2.mp3', 0.75]]);

    audio.fire('error', { errCode: 10002 });
    await flush();
    expect(text(page.querySelector('#play-btn'))).toBe('听讲解');
    expect(text(page.querySelector('#narration-status'))).toContain('讲解没能播放');
    await flush();
    expect(text(page.querySelector('#narration-status'))).toContain('讲解没能播放'); // no toast that vanishes

    // leaving the app pauses; leaving the page releases the context
    await tap(page, 'play-btn');
    page.instance.onHide();
    await flush();
    expect(audio.calls.slice(-1)).toEqual([['pause']]);
    page.instance.onUnload();
    expect(audio.destroy).toHaveBeenCalled();
    expect(audios).toHaveLength(1); // one context for the whole lesson
  });

  test('the mute switch is turned off once for the whole app, however many lessons are opened', () => {
    jest.isolateModules(() => {
      const narration = require('../app/utils/narration');
      narration.ignoreMuteSwitch();
      narration.ignoreMuteSwitch();
    });
    expect(wx.setInnerAudioOption).toHaveBeenCalledTimes(1);
    expect(wx.setInnerAudioOption).toHaveBeenCalledWith({ obeyMuteSwitch: false });
  });

  test('practice explains the answer at once, then the lesson is finished and the certificate shown', async () => {
    server.on('GET', '/api/v1/courses/lessons/11', json(200, lesson({ resumeStep: 2, nextLessonId: null })));
    server.on('PUT', '/api/v1/courses/lessons/11/progress', json(204, null));
    server.on('POST', '/api/v1/courses/lessons/11/practice/501', json(200, {
      questionId: 501, correct: false, correctAnswer: [0], explanation: '视频通话在微信里。',
    }));
    server.on('POST', '/api/v1/courses/lessons/11/completion', json(200, {
      lessonId: 11, correct: 0, total: 1, results: [], courseCompleted: true, nextLessonId: null,
      certificate: { serialNo: 'KC3-ABCD1234', courseId: 3, courseTitle: '用微信和子女视频通话', holder: '王奶奶', lessonCount: 2, issuedAt: '2026-12-03T10:00:00+08:00' },
    }));

    const page = await renderPage('pages/course-lesson/lesson', { id: '11' });
    await flush();
    await tap(page, 'next-btn');
    expect(text(page.querySelector('#stem'))).toContain('第一步');

    await tap(page, 'check-btn');
    expect(text(page.querySelector('#hint'))).toBe('请先点一个答案'); // stays until the next tap
    expect(server.callsTo('POST', '/api/v1/courses/lessons/11/practice/501')).toHaveLength(0);

    await tap(page, 'option-1');
    await tap(page, 'check-btn');
    expect(server.callsTo('POST', '/api/v1/courses/lessons/11/practice/501')[0].data).toEqual({ selected: [1] });
    expect(text(page.querySelector('#verdict'))).toContain('答错了');
    expect(text(page.querySelector('#correct-answer'))).toContain('A');
    expect(text(page.querySelector('#explanation'))).toContain('微信');

    await tap(page, 'continue-btn');
    expect(server.callsTo('POST', '/api/v1/courses/lessons/11/completion')[0].data).toEqual({
      answers: [{ questionId: 501, selected: [1] }],
    });
    expect(text(page.querySelector('#done-title'))).toContain('学完了');
    expect(text(page.querySelector('#certificate'))).toContain('KC3-ABCD1234');
    expect(page.querySelector('#next-lesson-btn')).toBeUndefined();
  });
});

describe('课程 course page', () => {
  test('shows progress per lesson and resumes the lesson where the elder stopped', async () => {
    server.on('GET', '/api/v1/courses/3', json(200, {
      id: 3, title: '用微信和子女视频通话', summary: '一步一步学', topic: 'SMARTPHONE', topicLabel: '智能手机', coverUrl: null,
      lessons: [
        { id: 11, position: 1, title: '找到要通话的孩子', stepCount: 2, done: true, resumeStep: 2 },
        { id: 12, position: 2, title: '打开视频，说完挂断', stepCount: 3, done: false, resumeStep: 2 },
      ],
      lessonsDone: 1, resumeLessonId: 12, certificate: null, sampleData: true,
    }));

    const page = await renderPage('pages/course/course', { id: '3' });
    await flush();

    expect(text(page.querySelector('#progress'))).toContain('已学完 1 课');
    expect(text(page.querySelector('#lesson-11'))).toContain('已学完');
    expect(text(page.querySelector('#lesson-12'))).toContain('学到第2步');
    expect(text(page.querySelector('#resume-hint'))).toContain('第2课 打开视频，说完挂断');
    await tap(page, 'resume-btn');
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/course-lesson/lesson?id=12' });
  });

  test('a course that is gone says so instead of an empty page', async () => {
    server.on('GET', '/api/v1/courses/9', problem(404, 'COURSE_NOT_FOUND', '课程不存在或已下线'));
    const page = await renderPage('pages/course/course', { id: '9' });
    await flush();
    expect(text(page)).toContain('课程不存在或已下线');
  });
});

describe('防诈骗专区', () => {
  test('calls 96110 in one tap, lists the anti-fraud courses and asks “这条短信可信吗？”', async () => {
    server.on('GET', '/api/v1/courses', json(200, [
      { id: 4, title: '识别和防范冒充客服、刷单、养老投资诈骗', lessonCount: 3, lessonsDone: 0, topic: 'ANTI_FRAUD' },
    ]));
    server.on('GET', '/api/v1/practice/next', json(200, {
      questionId: 77, type: 'SINGLE', typeLabel: '单选', stem: '短信：“您的医保卡已被冻结，请点击链接解冻。”这条短信可信吗？',
      options: ['可信，马上点链接', '不可信，这是诈骗短信'], inWrongBook: false,
    }));
    server.on('POST', '/api/v1/practice/answers', json(200, {
      questionId: 77, correct: true, correctAnswer: [1], explanation: '医保部门不会发链接让您解冻。', inWrongBook: false, rightStreak: 1,
    }));

    const page = await renderPage('pages/antifraud/antifraud');
    await flush();

    expect(server.callsTo('GET', '/api/v1/courses')[0].data).toEqual({ topic: 'ANTI_FRAUD' });
    expect(text(page.querySelector('#af-course-4'))).toContain('冒充客服');
    await tap(page, 'call-btn');
    expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '96110' }));

    await tap(page, 'quiz-start');
    expect(server.callsTo('GET', '/api/v1/practice/next')[0].data).toEqual({ source: 'RANDOM', topic: '短信辨别' });
    expect(text(page.querySelector('#quiz-stem'))).toContain('医保卡');
    await tap(page, 'quiz-option-1');
    await tap(page, 'quiz-answer');
    expect(text(page.querySelector('#quiz-verdict'))).toContain('答对了');
    expect(text(page.querySelector('#quiz-correct'))).toContain('不可信');
    expect(text(page.querySelector('#quiz-explanation'))).toContain('医保');
    expect(page.querySelector('#quiz-wrong-book')).toBeFalsy();
  });

  test('a scenario answered wrong says it went into the 错题本 and opens it', async () => {
    server.on('GET', '/api/v1/courses', json(200, []));
    server.on('GET', '/api/v1/practice/next', json(200, {
      questionId: 78, type: 'SINGLE', typeLabel: '单选', stem: '短信：“妈，我换号了，急用钱，先转 5000 到这个卡上。”这条短信可信吗？',
      options: ['可信，孩子急用要马上转', '不可信，先打孩子原来的号码核实'], inWrongBook: false,
    }));
    server.on('POST', '/api/v1/practice/answers', json(200, {
      questionId: 78, correct: false, correctAnswer: [1], explanation: '冒充子女借钱是常见骗局。', inWrongBook: true, rightStreak: 0,
    }));

    const page = await renderPage('pages/antifraud/antifraud');
    await flush();
    await tap(page, 'quiz-start');
    await tap(page, 'quiz-option-0');
    await tap(page, 'quiz-answer');
    expect(text(page.querySelector('#quiz-verdict'))).toContain('再想想');
    expect(text(page.querySelector('#quiz-correct'))).toContain('原来的号码');
    expect(text(page.querySelector('#quiz-wrong-book'))).toContain('错题本');
    await tap(page, 'quiz-open-wrong-book');
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/wrong-book/wrong-book' }));
  });
});
