// The measuring itself (helpers/care-style.js) on small pages written here: it must fail a page that
// breaks a rule by a little, so a regression on a real page cannot slip through.

require('./helpers/render');
const path = require('path');
const care = require('./helpers/care-style');

const TDESIGN = path.resolve(__dirname, '../node_modules/tdesign-miniprogram/miniprogram_dist');

function page(wxml, wxss, appWxss = '.page-elder { color: #000000; background-color: #ffffff; }') {
  return care.measurePage({
    name: 'test/page',
    wxml,
    wxss,
    appWxss,
    usingComponents: { 't-button': path.join(TDESIGN, 'button/button') },
  });
}

const ROOT = (inner) => `<view class="page {{elder ? 'page-elder' : ''}}">${inner}</view>`;

describe('targets', () => {
  test('a 58 px high button fails and the same at 60 px passes', () => {
    const css = (h) => `.go { display: block; min-height: ${h}px; font-size: 20px; }`;
    const small = page(ROOT('<view class="go" bindtap="onGo">开始</view>'), css(58));
    expect(small.targets).toHaveLength(1);
    expect(small.targets[0].height).toBe(58);
    expect(care.sizeViolations(small)).toEqual([expect.stringContaining('is 375.0×58.0 px, needs ≥ 60×60')]);

    expect(care.sizeViolations(page(ROOT('<view class="go" bindtap="onGo">开始</view>'), css(60)))).toEqual([]);
  });

  test('rpx is converted at 375 px wide: 116rpx is 58 px and fails', () => {
    expect(care.PX_PER_RPX).toBe(0.5);
    const result = page(ROOT('<view class="go" catchtap="onGo">开始</view>'), '.go { display: block; height: 116rpx; font-size: 20px; }');
    expect(result.targets[0].height).toBe(58);
    expect(care.sizeViolations(result)).toHaveLength(1);
  });

  test('a size from a CSS variable set only in 关怀模式 counts, through var() and its fallback', () => {
    const css = `.page-elder { --touch: 58px; } .go { display: block; min-height: var(--touch, 80px); font-size: 20px; }`;
    expect(page(ROOT('<view class="go" bindtap="a">开始</view>'), css).targets[0].height).toBe(58);
    const fallback = `.go { display: block; min-height: var(--unset, 62px); font-size: 20px; }`;
    expect(page(ROOT('<view class="go" bindtap="a">开始</view>'), fallback).targets[0].height).toBe(62);
  });

  test('a narrow inline link fails on its width', () => {
    const result = page(ROOT('<view class="p">说明<text class="link" bindtap="a">看</text></view>'), '.p { font-size: 20px; } .link { line-height: 60px; }');
    expect(care.sizeViolations(result)).toEqual([expect.stringContaining('text.link "看" is 20.0×60.0 px')]);
  });

  test('a TDesign button is measured from TDesign\'s own wxss with our variables: 58 px fails', () => {
    const app = `.page-elder { --td-button-large-height: 58px; --td-button-large-font: 600 30px / 40px PingFang SC; }`;
    const result = page(ROOT('<t-button theme="primary" size="large" block bind:tap="a">报名</t-button>'), '', app);
    expect(result.targets[0].height).toBe(58);
    expect(care.sizeViolations(result)).toEqual([expect.stringContaining('needs ≥ 60×60')]);
    const text = result.texts.find((t) => t.text === '报名');
    expect(text.fontSize).toBe(30);
    expect(text.main).toBe(true);
  });

  test('a primary button label below 30 px fails as main-function text', () => {
    const app = `.page-elder { --td-button-large-height: 64px; --td-button-large-font: 600 28px / 40px PingFang SC; }`;
    const result = page(ROOT('<t-button theme="primary" size="large" block bind:tap="a">报名</t-button>'), '', app);
    expect(care.sizeViolations(result)).toEqual([expect.stringContaining('"报名" is 28 px, needs ≥ 30')]);
  });

  test('a label wider than its nowrap button is reported as cut off', () => {
    const app = `.page-elder { --td-button-large-height: 64px; --td-button-large-font: 600 30px / 40px PingFang SC; }`;
    const result = page(ROOT('<view style="width: 200px"><t-button size="large" block bind:tap="a">一二三四五六七八</t-button></view>'), '', app);
    expect(care.sizeViolations(result)).toEqual([expect.stringContaining('on one line but is')]);
  });
});

describe('text and contrast', () => {
  test('black on white is 21:1 and #767676 on white 4.54:1 (WCAG reference values)', () => {
    expect(care.contrast('#000000', '#ffffff')).toBe(21);
    expect(care.contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  test('a 4.3:1 pair fails and is reported with both colours', () => {
    // #d54941 on white is 4.32:1, the red TDesign uses for errors.
    const result = page(ROOT('<view class="err">出错了</view>'), '.err { color: #d54941; font-size: 20px; }');
    expect(result.texts[0].ratio).toBeCloseTo(4.32, 2);
    expect(care.contrastViolations(result)).toEqual([expect.stringContaining('#d54941 on #ffffff is 4.32:1')]);
  });

  test('the background is the nearest painted one behind the text, half-transparent layers blended', () => {
    const css = `.badge { background-color: #e3f9e9; color: #008858; font-size: 20px; }
      .veil { background-color: rgba(0, 0, 0, 0.5); } .veil-text { color: #ffffff; font-size: 20px; }`;
    const result = page(ROOT('<view class="badge">已通过</view><view class="veil"><view class="veil-text">字</view></view>'), css);
    const badge = result.texts.find((t) => t.text === '已通过');
    expect(badge.background).toBe('#e3f9e9');
    expect(badge.ratio).toBeCloseTo(4.07, 1);
    const veiled = result.texts.find((t) => t.text === '字');
    expect(veiled.background).toBe('#808080');
  });

  test('text in a {{cond ? a : b}} class is measured in each variant; 关怀模式 choices take the elder branch', () => {
    const css = `.ok { color: #005c3a; } .bad { color: #d54941; } .t { font-size: 20px; }`;
    const result = page(ROOT(`<view class="t {{passed ? 'ok' : 'bad'}}">结果</view>`), css);
    expect(result.texts.map((t) => t.color).sort()).toEqual(['#005c3a', '#d54941']);
    expect(care.contrastViolations(result)).toHaveLength(1);
  });

  test('a disabled TDesign button that carries a status is measured disabled too', () => {
    const app = `.page-elder { --td-button-large-height: 64px; --td-button-large-font: 600 30px / 40px PingFang SC; }`;
    const result = page(ROOT('<t-button theme="primary" size="large" disabled="{{done}}" bind:tap="a">明天再来</t-button>'), '', app);
    const ratios = result.texts.filter((t) => t.text === '明天再来').map((t) => Number(t.ratio.toFixed(2))).sort();
    // enabled: white on #0052d9 (6.54:1); disabled: TDesign's own white on #b5c7ff, 1.66:1
    expect(ratios).toEqual([1.66, 6.54]);
  });

  test('17 px body text fails, and opacity fades text below 4.5:1', () => {
    const result = page(ROOT('<view class="small">小字</view><view class="faded">淡字</view>'), '.small { font-size: 17px; } .faded { font-size: 20px; color: #595959; opacity: 0.6; }');
    expect(care.sizeViolations(result)).toEqual([expect.stringContaining('"小字" is 17 px, needs ≥ 18')]);
    expect(care.contrastViolations(result)).toEqual([expect.stringContaining('淡字')]);
  });
});

test('the class variants of an element: literals, elder branch, prefixes', () => {
  const known = new Set(['result-ok', 'result-warn', 'other']);
  expect(care.classVariants("a {{x ? 'b' : ''}}", known)).toEqual([['a', 'b'], ['a']]);
  expect(care.classVariants("page {{elder ? 'page-elder' : ''}}", known)).toEqual([['page', 'page-elder']]);
  expect(care.classVariants('result result-{{tone}}', known)).toEqual([['result', 'result-ok'], ['result', 'result-warn']]);
});

test('the font shorthand as TDesign writes it', () => {
  expect(care.parseFont('600 30px / 40px PingFang SC, Microsoft YaHei')).toEqual({ weight: '600', size: '30px', lineHeight: '40px' });
  expect(care.parseFont('28rpx / 44rpx PingFang SC')).toEqual({ size: '28rpx', lineHeight: '44rpx' });
});

test('a label compared against in {{...}} is not taken for text the page shows', () => {
  const result = page(ROOT(`<view class="t">{{status === 'WAITLISTED' ? '退出候补' : '取消报名'}}</view>`), '.t { font-size: 20px; }');
  expect(result.texts.map((t) => t.text)).toEqual(['退出候补']);
});
