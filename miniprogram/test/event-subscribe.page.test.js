const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { eventDetail, signup } = require('./helpers/event-fixtures');
const { renderPage, resetPages, text } = require('./helpers/render');

let server;

const TEMPLATES = [
  { type: 'REMINDER', templateId: 'tmpl-reminder' },
  { type: 'WAITLIST', templateId: 'tmpl-waitlist' },
];

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
  server.on('GET', '/api/v1/events/7', json(200, eventDetail(7, { formFields: [] })));
  server.on('POST', '/api/v1/events/7/signups', json(201, signup(31, { ticket: 't1.31.x' })));
});

/** WeChat's answer to requestSubscribeMessage: success with per-template verdicts, or fail. */
function subscribeAnswers(outcome) {
  wx.requestSubscribeMessage = jest.fn((o) => {
    Promise.resolve().then(() => (outcome.fail ? o.fail(outcome.fail) : o.success(outcome)));
  });
}

async function signUp() {
  const p = await renderPage('pages/event/detail', { id: '7' });
  await flush();
  p.querySelector('#signup-btn').dispatchEvent('tap');
  await flush();
  return p;
}

describe('subscribe messages at signup', () => {
  test('asks for the configured templates and sends the accepted types with the signup', async () => {
    server.on('GET', '/api/v1/events/notice-templates', json(200, TEMPLATES));
    subscribeAnswers({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-reminder': 'accept', 'tmpl-waitlist': 'reject' });
    const p = await renderPage('pages/event/detail', { id: '7' });
    await flush();

    // simulate delivers taps asynchronously, so the handler is called directly: the dialog must be
    // requested before it returns (before any await), or WeChat refuses it for want of a tap.
    const pending = p.instance.onSignup();
    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    await pending;
    await flush();

    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tmpl-reminder', 'tmpl-waitlist']);
    expect(server.callsTo('POST', '/api/v1/events/7/signups')[0].data).toEqual({ form: {}, subscribedTemplates: ['REMINDER'] });
    expect(text(p.querySelector('#result-title'))).toBe('报名成功');
  });

  test('rejecting every template still signs up, without subscribedTemplates', async () => {
    server.on('GET', '/api/v1/events/notice-templates', json(200, TEMPLATES));
    subscribeAnswers({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-reminder': 'reject', 'tmpl-waitlist': 'ban' });

    const p = await signUp();

    expect(server.callsTo('POST', '/api/v1/events/7/signups')[0].data).toEqual({ form: {} });
    expect(text(p.querySelector('#result-title'))).toBe('报名成功');
  });

  test('a failing dialog (subscriptions switched off) does not block the signup', async () => {
    server.on('GET', '/api/v1/events/notice-templates', json(200, TEMPLATES));
    subscribeAnswers({ fail: { errMsg: 'requestSubscribeMessage:fail', errCode: 20004 } });

    const p = await signUp();

    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(server.callsTo('POST', '/api/v1/events/7/signups')[0].data).toEqual({ form: {} });
    expect(text(p.querySelector('#result-title'))).toBe('报名成功');
  });

  test('no configured templates, or the template list failing: no dialog and no toast', async () => {
    server.on('GET', '/api/v1/events/notice-templates', problem(500, 'INTERNAL_ERROR', '服务器开小差了'));
    subscribeAnswers({ errMsg: 'requestSubscribeMessage:ok' });

    const p = await signUp();

    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(wx.showToast).not.toHaveBeenCalled();
    expect(server.callsTo('POST', '/api/v1/events/7/signups')).toHaveLength(1);
    expect(text(p.querySelector('#result-title'))).toBe('报名成功');
  });

  test('a base library without requestSubscribeMessage signs up as before', async () => {
    server.on('GET', '/api/v1/events/notice-templates', json(200, TEMPLATES));
    delete wx.requestSubscribeMessage;

    await signUp();

    expect(server.callsTo('POST', '/api/v1/events/7/signups')[0].data).toEqual({ form: {} });
  });
});

describe('subscribing later from 我的报名', () => {
  async function open() {
    server.on('GET', '/api/v1/events/notice-templates', json(200, TEMPLATES));
    server.on('GET', '/api/v1/me/signups', json(200, { items: [signup(31)], total: 1, page: 1, size: 20 }));
    server.on('POST', '/api/v1/events/notice-subscriptions', json(204, ''));
    const p = await renderPage('pages/my-signups/my-signups');
    await flush();
    return p;
  }

  test('reports the accepted types', async () => {
    subscribeAnswers({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-reminder': 'accept', 'tmpl-waitlist': 'accept' });
    const p = await open();

    p.querySelector('#subscribe-btn').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/events/notice-subscriptions')[0].data).toEqual({ templates: ['REMINDER', 'WAITLIST'] });
    expect(text(p.querySelector('#subscribe-result'))).toContain('已订阅');
  });

  test('nothing accepted: nothing sent, and the resident is told they can try again', async () => {
    subscribeAnswers({ fail: { errMsg: 'requestSubscribeMessage:fail cancel' } });
    const p = await open();

    p.querySelector('#subscribe-btn').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/events/notice-subscriptions')).toHaveLength(0);
    expect(text(p.querySelector('#subscribe-result'))).toContain('没有选择接收通知');
  });

  test('the entry is hidden when the server has no templates', async () => {
    server.on('GET', '/api/v1/me/signups', json(200, { items: [], total: 0, page: 1, size: 20 }));
    server.on('GET', '/api/v1/events/notice-templates', json(200, []));
    const p = await renderPage('pages/my-signups/my-signups');
    await flush();
    expect(p.querySelector('#subscribe')).toBeFalsy();
    expect(p.querySelector('#claim')).toBeTruthy();
  });
});
