// 关怀模式 measured on every page against 工信部《移动互联网应用（APP）适老化通用设计规范》: tappable targets at
// least 60 × 60, body text at least 18 px, main functions (primary actions) at least 30 px, and every
// text colour at least 4.5:1 against what is behind it. The figures come from the wxml and wxss as a
// phone on 375 px (750 rpx) would compute them: see helpers/care-style.js. Pages are found in app.json,
// so a new page is measured without anyone adding it here.

const fs = require('fs');
const path = require('path');
require('./helpers/render'); // teaches miniprogram-simulate to render TDesign components
const care = require('./helpers/care-style');

const APP = path.resolve(__dirname, '../app');
const pages = care.appPages(APP);
const measured = new Map();

function measure(route) {
  if (!measured.has(route)) measured.set(route, care.measureAppPage(APP, route));
  return measured.get(route);
}

afterAll(() => {
  // CARE_REPORT=file writes every measurement as a markdown table (docs/features/care-mode.md uses it).
  if (!process.env.CARE_REPORT) return;
  const rows = ['| 页面 | 元素 | 尺寸或字号 | 颜色 | 规则 |', '| --- | --- | --- | --- | --- |'];
  measured.forEach((result) => {
    const seen = new Set();
    result.targets.forEach((t) => {
      const key = `t ${t.element} ${t.label}`;
      if (seen.has(key)) return;
      seen.add(key);
      rows.push(`| ${t.page} | ${t.element.replace(/\|/g, '/')}「${t.label}」 | ${t.width.toFixed(0)}×${t.height.toFixed(0)} px | | ≥ 60×60 |`);
    });
    result.texts.forEach((t) => {
      const key = `x ${t.element} ${t.color} ${t.background} ${t.fontSize}`;
      if (seen.has(key)) return;
      seen.add(key);
      rows.push(`| ${t.page} | ${t.element.replace(/\|/g, '/')}「${t.text}」 | ${t.fontSize} px | ${t.color} / ${t.background} = ${t.ratio.toFixed(2)}:1 | ≥ ${t.main ? 30 : 18} px, ≥ 4.5:1 |`);
    });
  });
  fs.writeFileSync(process.env.CARE_REPORT, `${rows.join('\n')}\n`);
});

test('every page file is declared in app.json, so every page is measured', () => {
  const onDisk = [];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.wxml')) onDisk.push(path.relative(APP, full).replace(/\.wxml$/, ''));
  });
  walk(path.join(APP, 'pages'));
  expect(onDisk.filter((p) => !pages.includes(p))).toEqual([]);
  expect(pages.length).toBeGreaterThan(20);
});

test('the tab bar shows an icon with every label, in colours of at least 4.5:1', () => {
  const { tabBar } = JSON.parse(fs.readFileSync(path.join(APP, 'app.json'), 'utf8'));
  tabBar.list.forEach((tab) => {
    expect(tab.text).toMatch(/\S/);
    [tab.iconPath, tab.selectedIconPath].forEach((icon) => {
      const png = fs.readFileSync(path.join(APP, icon));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // WeChat asks for at most 40 KB; 81 × 81 is its recommended size.
      expect(png.length).toBeLessThan(40 * 1024);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([81, 81]);
    });
  });
  expect(care.contrast(tabBar.color, tabBar.backgroundColor)).toBeGreaterThanOrEqual(4.5);
  expect(care.contrast(tabBar.selectedColor, tabBar.backgroundColor)).toBeGreaterThanOrEqual(4.5);
});

describe.each(pages)('关怀模式 on %s', (route) => {
  test('the page root switches to 关怀模式 with the resident\'s flag', () => {
    const wxml = fs.readFileSync(path.join(APP, `${route}.wxml`), 'utf8');
    expect(wxml).toMatch(/^<view class="page \{\{elder \? 'page-elder' : ''\}\}"/m);
  });

  test('every tappable element is at least 60 × 60 px, body text at least 18 px and main functions 30 px', () => {
    const result = measure(route);
    expect(result.texts.length).toBeGreaterThan(0);
    expect(care.sizeViolations(result)).toEqual([]);
  });

  test('every text colour is at least 4.5:1 against its background', () => {
    expect(care.contrastViolations(measure(route))).toEqual([]);
  });
});
