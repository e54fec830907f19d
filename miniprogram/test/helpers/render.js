// Render whole pages (with real TDesign components) under miniprogram-simulate.
//
// simulate alone cannot do this; the patches below fill the gaps:
//  - npm-style usingComponents ("tdesign-miniprogram/...") and app.json's usingComponents are
//    silently skipped by simulate: we map them to files ourselves and throw when one is missing;
//  - simulate's expression parser rejects ES2015 shorthand objects in templates (TDesign's badge):
//    we spell them out;
//  - simulate's template compiler ignores <wxs src="...">: we load the .wxs file (emulating the
//    WXS-only bits TDesign uses: getRegExp, getDate, `x.constructor === 'Array'`) and inline it;
//  - simulate runs component JS with a plain require(), so a file already in jest's module
//    registry never calls Component() again and a second render comes out empty: each file is
//    required inside jest.isolateModules instead.

const fs = require('fs');
const path = require('path');
const simulate = require('miniprogram-simulate');
const simulateUtils = require('miniprogram-simulate/src/utils');

const APP_ROOT = path.resolve(__dirname, '../../app');
const TDESIGN_ROOT = path.resolve(__dirname, '../../node_modules/tdesign-miniprogram/miniprogram_dist');
const NPM_PACKAGES = { 'tdesign-miniprogram': TDESIGN_ROOT };

const appJson = JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'app.json'), 'utf8'));

const originalReadJson = simulateUtils.readJson;
const originalReadFile = simulateUtils.readFile;

function resolveComponent(value, fromFile) {
  const slash = value.indexOf('/');
  const pkg = slash > 0 ? value.slice(0, slash) : '';
  let target;
  if (NPM_PACKAGES[pkg]) target = path.join(NPM_PACKAGES[pkg], value.slice(slash + 1));
  else if (value.startsWith('/')) target = path.join(APP_ROOT, value);
  else target = path.resolve(path.dirname(fromFile), value);
  if (!fs.existsSync(`${target}.json`)) {
    throw new Error(`usingComponents "${value}" in ${fromFile} does not resolve (looked for ${target}.json)`);
  }
  return target;
}

simulateUtils.readJson = (file) => {
  const json = originalReadJson(file);
  if (!json) return json;
  const isAppPage = file.startsWith(APP_ROOT) && !json.component;
  const using = Object.assign({}, isAppPage ? appJson.usingComponents : {}, json.usingComponents);
  // With rootPath "/", simulate joins absolute paths onto "/", i.e. uses them as they are.
  json.usingComponents = {};
  Object.keys(using).forEach((tag) => {
    json.usingComponents[tag] = resolveComponent(using[tag], file);
  });
  return json;
};

// ---- WXS ----
const wxsCache = new Map();

function wxsType(value) {
  return Object.prototype.toString.call(value).slice(8, -1);
}

function loadWxs(file) {
  if (wxsCache.has(file)) return wxsCache.get(file);
  const source = fs
    .readFileSync(file, 'utf8')
    // In WXS, x.constructor is a string such as 'Array' or 'Object'.
    .replace(/([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.constructor\b/g, '__wxsType($1)');
  const module = { exports: {} };
  wxsCache.set(file, module.exports);
  // eslint-disable-next-line no-new-func
  const run = new Function('require', 'module', 'getRegExp', 'getDate', '__wxsType', source);
  run(
    (rel) => loadWxs(path.resolve(path.dirname(file), rel)),
    module,
    (pattern, flags) => new RegExp(pattern, flags),
    (...args) => new Date(...args),
    wxsType,
  );
  wxsCache.set(file, module.exports);
  return module.exports;
}

global.__loadWxs = loadWxs;

const WXS_TAG = /<wxs\b([^>]*?)(\/>|>\s*<\/wxs>)/g;
const INCLUDE_TAG = /<include\s+src\s*=\s*"([^"]+)"\s*\/>/g;

/** simulate also ignores <include src>: inline the file, as WeChat does (absolute paths start at app/). */
function inlineIncludes(content, file) {
  return content.replace(INCLUDE_TAG, (tag, src) => {
    const included = src.startsWith('/') ? path.join(APP_ROOT, src) : path.resolve(path.dirname(file), src);
    if (!fs.existsSync(included)) throw new Error(`include ${src} in ${file} not found`);
    return inlineIncludes(fs.readFileSync(included, 'utf8').replace(/<!--[\s\S]*?-->/g, ''), included);
  });
}

// WeChat's template expressions accept ES2015 shorthand objects ("isShowBadge({dot,count,showZero})",
// in TDesign's badge, used by t-tabs and t-badge); simulate's expression parser does not. Spell them out.
const SHORTHAND_ARGUMENT = /\(\{\s*([A-Za-z_$][\w$]*(?:\s*,\s*[A-Za-z_$][\w$]*)*)\s*\}\)/g;

function expandShorthand(content) {
  return content.replace(SHORTHAND_ARGUMENT, (match, names) =>
    `({${names.split(',').map((n) => `${n.trim()}: ${n.trim()}`).join(', ')}})`);
}

simulateUtils.readFile = (file) => {
  const raw = originalReadFile(file);
  if (raw === null || !file.endsWith('.wxml')) return raw;
  const content = expandShorthand(inlineIncludes(raw, file));
  return content.replace(WXS_TAG, (tag, attrs) => {
    const src = /\bsrc\s*=\s*"([^"]+)"/.exec(attrs);
    const mod = /\bmodule\s*=\s*"([^"]+)"/.exec(attrs);
    if (!src || !mod) return tag;
    const wxsFile = path.resolve(path.dirname(file), src[1]);
    if (!fs.existsSync(wxsFile)) throw new Error(`wxs ${src[1]} in ${file} not found`);
    return `<wxs module="${mod[1]}">module.exports = global.__loadWxs(${JSON.stringify(wxsFile)});</wxs>`;
  });
};

simulateUtils.runJs = (file) => {
  jest.isolateModules(() => {
    // eslint-disable-next-line global-require, import/no-dynamic-require
    require(file);
  });
};

/**
 * Load, attach and start a page as the framework would: onLoad(query) then onShow().
 * Returns simulate's root component (comp.instance is the page's `this`).
 */
async function renderPage(route, query = {}) {
  const id = simulate.load(path.join(APP_ROOT, route), { compiler: 'simulate', rootPath: '/' });
  const comp = simulate.render(id);
  comp.attach(document.createElement('parent-wrapper'));
  comp.instance.route = route;
  global.__pageStack.push(comp.instance);
  await comp.instance.onLoad(query);
  await comp.instance.onShow();
  return comp;
}

function resetPages() {
  global.__pageStack.length = 0;
}

module.exports = { renderPage, resetPages, APP_ROOT };

// ---- small DOM helpers ----

/** The DOM elements a node renders: its own, or (a TDesign component, which has no host element) its template's. */
function domsOf(comp) {
  if (!comp) throw new Error('no such node');
  if (comp.dom) return [comp.dom];
  const shadowRoot = comp._exparserNode && comp._exparserNode.shadowRoot;
  return shadowRoot ? shadowRoot.childNodes.map((n) => n.$$).filter(Boolean) : [];
}

/** simulate prefixes classes with the component's tag ("main--page-elder"); match either form. */
function hasClass(node, cls) {
  const dom = node && domsOf(node)[0];
  if (!dom) throw new Error('node has no DOM element');
  return Array.from(dom.classList).some((c) => c === cls || c.endsWith(`--${cls}`));
}

function text(comp) {
  return domsOf(comp)
    .map((d) => d.textContent)
    .join('')
    .replace(/\s+/g, ' ');
}

/**
 * Find a TDesign component by id (it renders no host element) and the element inside it
 * that carries `innerClass`, e.g. byId(page, 'elder-switch', '.t-switch').
 */
function inner(page, id, innerClass) {
  const component = page.querySelector(`#${id}`);
  if (!component) throw new Error(`#${id} not found`);
  const node = component.querySelector(innerClass);
  if (!node) throw new Error(`${innerClass} not found inside #${id}`);
  return node;
}

module.exports.hasClass = hasClass;
module.exports.text = text;
module.exports.inner = inner;

/** Tap the option at `index` of the t-segmented (tabs) with this id. */
function tapSegment(page, id, index) {
  const items = page.querySelector(`#${id}`).querySelectorAll('.t-segmented__item');
  if (!items[index]) throw new Error(`#${id} has no option ${index}`);
  items[index].dispatchEvent('tap');
}

/** Whether the t-segmented option at `index` is the chosen one. */
function segmentActive(page, id, index) {
  const items = page.querySelector(`#${id}`).querySelectorAll('.t-segmented__item');
  return hasClass(items[index], 't-segmented__item--active');
}

/** Tap a t-check-tag or t-tag chip by id. */
function tapChip(page, id) {
  inner(page, id, '.t-tag').dispatchEvent('tap');
}

module.exports.tapSegment = tapSegment;
module.exports.segmentActive = segmentActive;
module.exports.tapChip = tapChip;
