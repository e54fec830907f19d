// 应急通知 on every page until read: the banner reads what the app fetched, a page opened while it is stale
// fetches again, 我知道了 takes it off this page and the next ones and tells the server, and only what the server
// returns for the resident's place shows.

const { createWx, json, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text } = require('./helpers/render');

const FLOOD = { id: 7, title: '洪水来临：请听从转移安排', body: '江河水位持续上涨，请听从村干部安排转移。', publishedAt: '2026-07-01T08:00:00+08:00', endsAt: '2026-07-02T08:00:00+08:00', read: false };
const KEY = 'kepu.emergencies';

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

/** The banner component every page carries, and the emergency with that id inside it. */
function inBanner(page, selector) {
  const component = page.querySelector('#emergency-banner');
  if (!component) throw new Error('the page has no emergency banner');
  return component.querySelector(selector);
}

function banner(page) {
  return inBanner(page, '#emergency-7');
}

test('the app\'s emergencies show on the top of every page, with a 我知道了 that takes them off everywhere', async () => {
  wx.setStorageSync(KEY, { started: true, items: [FLOOD], loadedAt: Date.now() });
  server.on('POST', '/api/v1/emergencies/7/read', { statusCode: 204, data: '', header: {} });

  const home = await renderPage('pages/index/index');
  await flush();
  expect(banner(home)).toBeDefined();
  expect(text(banner(home))).toContain('应急通知');
  expect(text(banner(home))).toContain('洪水来临');
  expect(text(banner(home))).toContain('请听从村干部安排转移');

  const events = await renderPage('pages/events/events');
  await flush();
  expect(banner(events)).toBeDefined();
  expect(server.callsTo('GET', '/api/v1/emergencies/active')).toHaveLength(0);

  inBanner(events, '#emergency-read-7').dispatchEvent('tap');
  await flush();
  expect(banner(events)).toBeUndefined();
  expect(server.callsTo('POST', '/api/v1/emergencies/7/read')).toHaveLength(1);

  const quiz = await renderPage('pages/quiz/quiz');
  await flush();
  expect(banner(quiz)).toBeUndefined();
});

test('a page opened when the list is stale asks the server, and shows only what it returns', async () => {
  wx.setStorageSync(KEY, { started: true, items: [], loadedAt: 0 });
  server.on('GET', '/api/v1/emergencies/active', json(200, [FLOOD, Object.assign({}, FLOOD, { id: 8, read: true })]));

  const page = await renderPage('pages/me/me');
  await flush();

  expect(server.callsTo('GET', '/api/v1/emergencies/active')).toHaveLength(1);
  expect(banner(page)).toBeDefined();
  expect(inBanner(page, '#emergency-8')).toBeUndefined();
});

test('nothing is fetched until the app has started, and nothing shows without an emergency', async () => {
  const page = await renderPage('pages/index/index');
  await flush();

  expect(server.callsTo('GET', '/api/v1/emergencies/active')).toHaveLength(0);
  expect(inBanner(page, '.emergency')).toBeUndefined();
});

test('the home page offers emergency alerts once a template is configured and records an acceptance', async () => {
  server.on('GET', '/api/v1/emergencies/subscription', json(200, { templateId: 'tmpl-emergency', remaining: 0 }));
  server.on('POST', '/api/v1/emergencies/subscription', json(200, { templateId: 'tmpl-emergency', remaining: 1 }));
  wx.requestSubscribeMessage = jest.fn((opts) => opts.success({ 'tmpl-emergency': 'accept' }));

  const page = await renderPage('pages/index/index');
  await flush();
  const cell = page.querySelector('#subscribe-emergency');
  expect(cell).toBeDefined();
  page.instance.onSubscribeEmergency();
  await flush();

  expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-emergency'] }));
  expect(server.callsTo('POST', '/api/v1/emergencies/subscription')).toHaveLength(1);
  expect(page.instance.data.emergencyRemaining).toBe(1);
});
