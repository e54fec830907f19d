// Which server each version of the mini-program talks to, and the CI check that keeps the released
// version off localhost and plain http.

const path = require('path');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const { createWx } = require('./helpers/wx');
const { apiBaseUrl, envVersion } = require('../app/utils/config');
const env = require('../app/env');
const { releaseConfigProblems } = require('../scripts/release-config');

beforeEach(() => {
  global.wx = createWx();
});

describe('API base URL by mini-program version', () => {
  test.each([
    ['develop', 'http://127.0.0.1:8080'],
    ['trial', env.apiBaseUrls.trial],
    ['release', env.apiBaseUrls.release],
  ])('%s → %s', (version, url) => {
    wx.__envVersion = version;
    expect(envVersion()).toBe(version);
    expect(apiBaseUrl()).toBe(url);
  });

  test('the developer override in storage works in develop and trial, never in release', () => {
    wx.__storage.set('kepu.apiBaseUrl', 'http://192.168.1.20:8080/');
    wx.__envVersion = 'develop';
    expect(apiBaseUrl()).toBe('http://192.168.1.20:8080');
    wx.__envVersion = 'trial';
    expect(apiBaseUrl()).toBe('http://192.168.1.20:8080');
    wx.__envVersion = 'release';
    expect(apiBaseUrl()).toBe(env.apiBaseUrls.release);
  });

  test('a third-party platform deployment sets the URL through ext.json in every version', () => {
    wx.getExtConfigSync = jest.fn(() => ({ apiBaseUrl: 'https://kepu.platform.example.cn/' }));
    wx.__envVersion = 'release';
    expect(apiBaseUrl()).toBe('https://kepu.platform.example.cn');
  });

  test('a base library that cannot say which version runs is treated as release', () => {
    delete wx.getAccountInfoSync;
    expect(envVersion()).toBe('release');
    expect(apiBaseUrl()).toBe(env.apiBaseUrls.release);
  });

  test('requests of the released version go to the release domain', async () => {
    const { storeSession, me } = require('./helpers/fixtures');
    const { json } = require('./helpers/wx');
    wx.__envVersion = 'release';
    storeSession(wx, me());
    wx.__server.on('GET', '/api/v1/me', json(200, me()));
    await require('../app/api/me').get();
    expect(wx.__server.calls[0].origin).toBe(env.apiBaseUrls.release);
  });
});

describe('release settings check', () => {
  test('the committed settings pass', () => {
    expect(releaseConfigProblems(env)).toEqual([]);
  });

  test.each([
    ['http://127.0.0.1:8080', /must use https/],
    ['https://127.0.0.1', /cannot reach/],
    ['https://localhost', /cannot reach/],
    ['https://192.168.1.20', /cannot reach/],
    ['https://10.0.0.5', /cannot reach/],
    ['https://8.8.8.8', /IP address/],
    ['http://kepu.yunxi.gov.cn', /must use https/],
    ['https://kepu.yunxi.gov.cn:8443', /port 8443/],
    ['https://kepu.yunxi.gov.cn/api', /origin only/],
    ['', /no API base URL/],
  ])('release %j is refused', (url, message) => {
    const problems = releaseConfigProblems({ apiBaseUrls: { develop: 'http://127.0.0.1:8080', trial: 'https://kepu-test.yunxi.gov.cn', release: url } });
    expect(problems.join('\n')).toMatch(message);
    expect(problems[0]).toMatch(/^release: /);
  });

  test('the trial version is held to the same rule', () => {
    const problems = releaseConfigProblems({ apiBaseUrls: { develop: 'http://127.0.0.1:8080', trial: 'http://127.0.0.1:8080', release: 'https://kepu.yunxi.gov.cn' } });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.startsWith('trial: '))).toBe(true);
  });

  test('scripts/check.js stops with exit code 1 when release points at localhost', () => {
    // A copy of the project whose env.js says http://127.0.0.1: the check must fail before compiling.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kepu-release-check-'));
    try {
      fs.mkdirSync(path.join(dir, 'app'));
      fs.writeFileSync(path.join(dir, 'project.config.json'), JSON.stringify({ appid: 'touristappid', miniprogramRoot: 'app/' }));
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', dependencies: {} }));
      fs.writeFileSync(
        path.join(dir, 'app', 'env.js'),
        "module.exports = { apiBaseUrls: { develop: 'http://127.0.0.1:8080', trial: 'https://kepu-test.yunxi.gov.cn', release: 'http://127.0.0.1:8080' } };",
      );
      let status = 0;
      let output = '';
      try {
        execFileSync(process.execPath, [path.join(__dirname, '../scripts/check.js'), dir, '--settings-only'], { encoding: 'utf8', stdio: 'pipe' });
      } catch (err) {
        status = err.status;
        output = `${err.stdout}${err.stderr}`;
      }
      expect(status).toBe(1);
      expect(output).toContain('[release settings] release: "http://127.0.0.1:8080" must use https://');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
