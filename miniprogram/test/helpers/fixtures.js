// Small builders for API payloads; each test states the fields it cares about.

const { PRIVACY_POLICY_VERSION } = require('../../app/utils/config');

function me(overrides = {}) {
  return Object.assign(
    {
      id: 1001,
      nickname: '张三',
      avatarKey: null,
      regionCode: '430603101201',
      regionName: '云溪镇 / 新塘村',
      populationGroup: 'FARMER',
      populationGroupLabel: '农民',
      birthYear: 1958,
      elderMode: false,
      privacyPolicyVersion: PRIVACY_POLICY_VERSION,
      privacyAcceptedAt: '2026-11-02T09:30:00+08:00',
      phoneMasked: null,
      createdAt: '2026-11-02T09:29:00+08:00',
    },
    overrides,
  );
}

function regions() {
  return {
    code: '430603',
    name: '云溪区',
    level: 'DISTRICT',
    children: [
      {
        code: '430603101',
        name: '云溪镇',
        level: 'TOWN',
        children: [
          { code: '430603101201', name: '新塘村', level: 'VILLAGE' },
          { code: '430603101202', name: '八一村', level: 'VILLAGE' },
        ],
      },
      {
        code: '430603102',
        name: '陆城镇',
        level: 'TOWN',
        children: [
          { code: '430603102201', name: '陆城社区', level: 'VILLAGE' },
          { code: '430603102202', name: '儒矶村', level: 'VILLAGE' },
        ],
      },
    ],
  };
}

function tokens(n, resident) {
  return {
    accessToken: `access-${n}`,
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
    resident: resident || me(),
    newResident: false,
  };
}

/** Put a logged-in session into the fake storage, as a previous run would have left it. */
function storeSession(wx, resident, n = 1) {
  const t = tokens(n, resident);
  wx.__storage.set('kepu.accessToken', t.accessToken);
  wx.__storage.set('kepu.accessTokenExpiresAt', t.accessTokenExpiresAt);
  wx.__storage.set('kepu.refreshToken', t.refreshToken);
  wx.__storage.set('kepu.refreshTokenExpiresAt', t.refreshTokenExpiresAt);
  wx.__storage.set('kepu.resident', t.resident);
  wx.__storage.set('kepu.elderMode', Boolean(t.resident.elderMode));
  return t;
}

/**
 * A fresh test world for a page test: a new fake wx with its fake server, no open pages, and the
 * resident signed in (with `resident` when given). Returns the fake server.
 */
function signedIn(resident) {
  // Required here so that fixtures.js stays usable without the rendering helpers.
  const { createWx } = require('./wx');
  const { resetPages } = require('./render');
  global.wx = createWx();
  resetPages();
  storeSession(global.wx, resident || me());
  return global.wx.__server;
}

/** The 我的 tab rendered for the signed-in resident (for tests of the entries it offers). */
async function renderMe(server) {
  const { json, flush } = require('./wx');
  const { renderPage } = require('./render');
  server.on('GET', '/api/v1/me', json(200, me()));
  server.on('GET', '/api/v1/regions', json(200, { code: '430603', children: [] }));
  const page = await renderPage('pages/me/me');
  await flush();
  return page;
}

module.exports = { me, regions, tokens, storeSession, signedIn, renderMe };
