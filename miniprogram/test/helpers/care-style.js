// Measures 关怀模式 the way a phone would lay it out, from the sources: every page's wxml is parsed
// (all wx:if branches at once, wx:for once), every wxss that reaches it is parsed with postcss, and
// each element gets its computed style by the CSS cascade (selector matching, specificity, source
// order, !important, inheritance, var() with fallbacks, rpx). TDesign components are rendered for
// real under miniprogram-simulate with the props the page gives them, so their inner elements and
// TDesign's own wxss take part exactly as they do on a phone.
//
// Numbers are CSS px on a 375 px wide phone (750 rpx = 375 px, so 1 rpx = 0.5 px), the width the
// 工信部 rules' dp/pt figures map to one to one.
//
// What is measured:
//  - targets: every tappable element (bindtap/catchtap, button, navigator, input, picker, radio and
//    checkbox labels, and the tappable TDesign components); its box is at least as large as the
//    largest box inside it, which is what we take (a lower bound: margins and borders are ignored);
//  - texts: every element that holds text directly, with its font size and its colour against the
//    nearest opaque background behind it (alpha blended), by WCAG's relative luminance.

const fs = require('fs');
const path = require('path');
const postcss = require('postcss');
const valueParser = require('postcss-value-parser');
const htmlparser2 = require('htmlparser2');
const { colord, extend } = require('colord');
const namesPlugin = require('colord/plugins/names');
const a11yPlugin = require('colord/plugins/a11y');

extend([namesPlugin, a11yPlugin]);

const VIEWPORT_WIDTH = 375;
const PX_PER_RPX = VIEWPORT_WIDTH / 750;
const MAX_NODES = 40000;

// WeChat's own defaults for the native elements we use (its base library's user-agent sheet).
const UA_SHEET = `
page { font-size: 16px; line-height: 1.2; color: #000000; background-color: #ffffff; }
view, scroll-view, swiper, swiper-item, picker, radio-group, checkbox-group, form, map, canvas { display: block; }
text, label, navigator, span { display: inline; }
button { display: block; padding-left: 14px; padding-right: 14px; box-sizing: border-box; font-size: 18px;
  line-height: 2.55555556; color: #000000; background-color: #f8f8f8; }
input { display: block; height: 1.4rem; min-height: 1.4rem; }
textarea { display: block; width: 300px; height: 150px; }
swiper { height: 150px; }
swiper-item { width: 100%; height: 100%; }
image { display: inline-block; width: 320px; height: 240px; }
`;

const SHORTHANDS = {
  'font-size': ['font'],
  'line-height': ['font'],
  'font-weight': ['font'],
  'padding-top': ['padding'],
  'padding-right': ['padding'],
  'padding-bottom': ['padding'],
  'padding-left': ['padding'],
  'margin-left': ['margin'],
  'margin-right': ['margin'],
  'background-color': ['background'],
  'flex-grow': ['flex'],
};

// ---------------------------------------------------------------- stylesheets

let sheetOrder = 0;
const sheetCache = new Map();

/** Specificity of one selector as [ids, classes/attributes/pseudo-classes, tags]. */
function specificity(selector) {
  const s = selector.replace(/\([^)]*\)/g, '');
  const ids = (s.match(/#[\w-]+/g) || []).length;
  const classes = (s.match(/\.[\w-]+|\[[^\]]*\]|:(?!:)[\w-]+/g) || []).length;
  const tags = (s.replace(/[.#][\w-]+|\[[^\]]*\]|:[\w-]+/g, ' ').match(/[a-zA-Z][\w-]*/g) || []).length;
  return ids * 10000 + classes * 100 + tags;
}

/** The classes the rightmost compound of a selector requires: an index that spares most matches() calls. */
function keyClasses(selector) {
  const compounds = selector.trim().split(/\s*[\s>+~]\s*/);
  const last = compounds[compounds.length - 1];
  return (last.match(/\.[\w-]+/g) || []).map((c) => c.slice(1));
}

// Pseudo-elements draw decorations (TDesign's borders live in ::after); states like :hover are not
// what is on screen at rest. Neither is measured.
const UNMEASURED_SELECTOR = /::|:(hover|active|focus|visited|checked|disabled)\b/;

function parseSheet(css, file, origin) {
  const rules = [];
  const root = postcss.parse(css, { from: file });
  root.each((node) => {
    if (node.type === 'atrule' && node.name === 'import') {
      const target = node.params.replace(/^['"]|['"];?$/g, '').replace(/['"]/g, '');
      const imported = path.resolve(path.dirname(file), target);
      rules.push(...loadSheet(imported, origin));
      return;
    }
    if (node.type !== 'rule') return; // @keyframes, @font-face, @media (none of ours) are not layout at rest
    const order = sheetOrder++;
    const decls = [];
    node.each((d) => {
      if (d.type === 'decl') decls.push({ prop: d.prop.toLowerCase(), value: d.value, important: Boolean(d.important) });
    });
    node.selectors.forEach((selector) => {
      if (UNMEASURED_SELECTOR.test(selector)) return;
      rules.push({ selector, specificity: specificity(selector), keys: keyClasses(selector), order, decls, origin, file });
    });
  });
  return rules;
}

function loadSheet(file, origin) {
  const key = `${origin}:${file}`;
  if (!sheetCache.has(key)) {
    if (!fs.existsSync(file)) throw new Error(`stylesheet ${file} not found`);
    sheetCache.set(key, parseSheet(fs.readFileSync(file, 'utf8'), file, origin));
  }
  return sheetCache.get(key);
}

// Origins in cascade order: for equal specificity a later origin wins (WeChat loads app.wxss before
// the page's own wxss; a component's styles come before the page's that are shared into it).
const ORIGIN_RANK = { ua: 0, component: 1, app: 2, page: 3 };

const UA_RULES = parseSheet(UA_SHEET, '<wechat-defaults>', 'ua');

function classesIn(rules) {
  const set = new Set();
  rules.forEach((r) => (r.selector.match(/\.[\w-]+/g) || []).forEach((c) => set.add(c.slice(1))));
  return set;
}

// ---------------------------------------------------------------- wxml

function parseWxml(source) {
  const doc = htmlparser2.parseDocument(source.replace(/<!--[\s\S]*?-->/g, ''), {
    xmlMode: true,
    recognizeSelfClosing: true,
    decodeEntities: false,
  });
  return doc.children;
}

const staticCache = new Map();

/** Class names a wxml file writes literally outside {{...}} (they are never values of a "x-{{...}}" token). */
function staticClassesOf(file) {
  if (!file || !fs.existsSync(file)) return new Set();
  if (!staticCache.has(file)) {
    const set = new Set();
    fs.readFileSync(file, 'utf8').replace(/class="([^"]*)"/g, (m, v) => {
      v.replace(MUSTACHE, ' ').split(/\s+/).filter((c) => c && !c.endsWith('-')).forEach((c) => set.add(c));
      return m;
    });
    staticCache.set(file, set);
  }
  return staticCache.get(file);
}

function readWxml(file) {
  const source = fs.readFileSync(file, 'utf8');
  return parseWxml(source);
}

const MUSTACHE = /\{\{([\s\S]*?)\}\}/g;

/** The string literals an expression can evaluate to (not those it only compares against). */
function literalsOf(expression) {
  const out = [];
  expression
    .replace(/(===|!==|==|!=)\s*('[^']*'|"[^"]*")/g, '$1 0')
    .replace(/('[^']*'|"[^"]*")\s*(===|!==|==|!=)/g, '0 $2')
    .replace(/'([^']*)'|"([^"]*)"/g, (m, a, b) => out.push(a !== undefined ? a : b));
  return out;
}

/** 关怀模式 is on: any choice that depends on the elder flag takes its first (true) branch. */
function mentionsElder(expression) {
  return /\b(elder|elderMode)\b/.test(expression);
}

function cartesian(lists) {
  return lists.reduce((acc, list) => acc.flatMap((prefix) => list.map((x) => prefix.concat([x]))), [[]]);
}

/**
 * Every class list an element's class attribute can produce: static tokens, plus each string literal
 * of a {{...}} choice as one alternative; a token such as "result-{{tone}}" stands for every class in
 * the stylesheets that starts with "result-".
 */
function classVariants(classAttr, knownClasses, staticClasses) {
  if (!classAttr) return [[]];
  const expressions = [];
  const masked = classAttr.replace(MUSTACHE, (m, expr) => {
    expressions.push(expr);
    return `\u0000${expressions.length - 1}\u0000`;
  });
  const options = masked
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const whole = /^\u0000(\d+)\u0000$/.exec(token);
      if (whole) {
        const expr = expressions[Number(whole[1])];
        const literals = literalsOf(expr);
        if (!literals.length) return [[]];
        const alts = literals.map((l) => l.split(/\s+/).filter(Boolean));
        if (mentionsElder(expr)) return [alts[0]];
        if (literals.length === 1) alts.push([]);
        return alts;
      }
      if (token.includes('\u0000')) {
        const [prefix, suffix] = token.split(/\u0000\d+\u0000/);
        const matches = Array.from(knownClasses).filter(
          (c) => !(staticClasses && staticClasses.has(c)) && c.startsWith(prefix) && c.endsWith(suffix || '') && c.length > prefix.length + (suffix || '').length,
        );
        return matches.length ? matches.map((c) => [c]) : [[]];
      }
      return [[token]];
    });
  return cartesian(options).map((parts) => Array.from(new Set(parts.flat())));
}

// ---------------------------------------------------------------- TDesign, rendered for real

const TDESIGN_ROOT = path.resolve(__dirname, '../../node_modules/tdesign-miniprogram/miniprogram_dist');

// The tappable TDesign components and which of their inner elements receives the tap.
const TDESIGN_TARGETS = {
  't-button': { selector: null },
  't-check-tag': { selector: null },
  't-switch': { selector: null },
  't-search': { selector: '.t-search__input-box' },
  't-segmented': { selector: '.t-segmented__item' },
  't-input': { selector: null },
  't-textarea': { selector: null },
  't-radio': { selector: null },
  't-checkbox': { selector: null },
  't-stepper': { selector: null },
  // A cell or tag is a target only when the page listens to it.
  't-cell': { selector: null, whenListened: true },
  't-tag': { selector: null, whenListened: true },
};

const renderCache = new Map();
const SLOT_MARKER = 'care-slot-';
const componentIds = new Map();

function camel(name) {
  return name.replace(/-([a-z])/g, (m, c) => c.toUpperCase());
}

function propTypes(componentPath) {
  const file = `${componentPath.replace(/\/[^/]+$/, '')}/props.js`;
  if (!fs.existsSync(file)) return {};
  // eslint-disable-next-line global-require, import/no-dynamic-require
  const mod = require(file);
  return mod.default || mod;
}

const PLACEHOLDER_TEXT = '文字';
// Props TDesign types loosely (type null) that are on/off switches.
const BOOLEAN_LIKE = /^(disabled|loading|checked|readonly|visible|value)$/;

/** The values one TDesign attribute can take on a page: literals as written, {{...}} by the prop's type. */
function propVariants(name, raw, types) {
  const type = types[name] && types[name].type;
  if (raw === undefined || raw === null || raw === '') return type === String ? [''] : [true];
  if (!raw.includes('{{')) {
    if (type === Boolean) return [raw !== 'false'];
    if (type === Number) return [Number(raw)];
    return [raw];
  }
  const whole = /^\{\{([\s\S]*)\}\}$/.exec(raw.trim());
  const expr = whole ? whole[1] : raw;
  const literals = literalsOf(expr);
  if (whole && literals.length && !/\+/.test(expr)) {
    if (mentionsElder(expr)) return [literals[0]];
    // {{fieldErrors.x || ''}}: the text that may appear is unknown, so a stand-in is measured too.
    return literals.every((l) => !l) ? [PLACEHOLDER_TEXT, ''] : literals;
  }
  // A choice among options (segmented tabs): two options, the first one chosen, so both looks are measured.
  if (name === 'options' || type === Array) return [[{ label: PLACEHOLDER_TEXT, value: 'a' }, { label: PLACEHOLDER_TEXT, value: 'b' }]];
  if (name === 'value' && types.options) return ['a'];
  if (type === Boolean || (type === null && BOOLEAN_LIKE.test(name))) return [true, false];
  if (type === Number) return [1];
  if (type === Object) return [undefined];
  return [name === 'value' ? 'a' : PLACEHOLDER_TEXT];
}

function simulate() {
  // eslint-disable-next-line global-require
  return require('miniprogram-simulate');
}

/**
 * Render a TDesign component with one set of props and its slot text; returns the DOM under
 * simulate's wrapper (classes carry simulate's "tag--" prefixes, removed when copied).
 */
function renderTDesign(tag, componentPath, props, slotText) {
  const key = JSON.stringify([componentPath, props, slotText]);
  if (renderCache.has(key)) return renderCache.get(key);
  const sim = simulate();
  if (!componentIds.has(componentPath)) componentIds.set(componentPath, sim.load(componentPath, tag, { compiler: 'simulate', rootPath: '/' }));
  const compId = componentIds.get(componentPath);
  const names = Object.keys(props);
  const attrs = names.map((n, i) => `${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="{{p${i}}}"`).join(' ');
  const data = {};
  names.forEach((n, i) => {
    data[`p${i}`] = props[n];
  });
  const wrapperId = sim.load({
    template: `<${tag} ${attrs}>${slotText}</${tag}>`,
    usingComponents: { [tag]: compId },
    data,
  });
  const comp = sim.render(wrapperId);
  comp.attach(document.createElement('care-wrapper'));
  renderCache.set(key, comp.dom);
  return comp.dom;
}

function componentSheets(componentPath, seen = new Set()) {
  if (seen.has(componentPath)) return [];
  seen.add(componentPath);
  const rules = loadSheet(`${componentPath}.wxss`, 'component').slice();
  const json = JSON.parse(fs.readFileSync(`${componentPath}.json`, 'utf8'));
  Object.values(json.usingComponents || {}).forEach((rel) => {
    rules.push(...componentSheets(path.resolve(path.dirname(componentPath), rel), seen));
  });
  return rules;
}

function componentJson(componentPath) {
  return JSON.parse(fs.readFileSync(`${componentPath}.json`, 'utf8'));
}

// ---------------------------------------------------------------- the tree

/**
 * Builds one page as DOM elements (in the test's jsdom document) carrying everything the cascade needs.
 * Per element (WeakMap `info`): its rules, whether it is a target / holds text, what it came from.
 */
class PageModel {
  constructor({ name, appRules, pageRules, usingComponents, appRoot }) {
    this.name = name;
    this.appRoot = appRoot;
    this.usingComponents = usingComponents;
    this.info = new WeakMap();
    this.nodes = 0;
    this.pageScope = {
      rules: UA_RULES.concat(appRules, pageRules),
      classes: classesIn(appRules.concat(pageRules)),
      label: name,
    };
    this.root = document.createElement('page');
    this.info.set(this.root, { rules: this.pageScope.rules, origin: 'page' });
  }

  create(tag, scope, extra) {
    this.nodes += 1;
    if (this.nodes > MAX_NODES) throw new Error(`${this.name}: more than ${MAX_NODES} elements after expanding variants`);
    const el = document.createElement(tag);
    this.info.set(el, Object.assign({ rules: scope.rules, scope }, extra));
    return el;
  }

  /** Append the wxml nodes to parent (in `scope`), expanding each element into its class variants. */
  build(nodes, parent, scope, slots) {
    let siblingGroup = 0;
    nodes.forEach((node) => {
      if (node.type === 'text') {
        const t = node.data.replace(/\s+/g, ' ');
        if (t.trim()) parent.appendChild(document.createTextNode(t));
        return;
      }
      if (node.type !== 'tag') return;
      const attrs = node.attribs || {};
      if (!('wx:elif' in attrs) && !('wx:else' in attrs)) siblingGroup += 1;
      this.buildElement(node, parent, scope, slots, siblingGroup);
    });
  }

  buildElement(node, parent, scope, slots, siblingGroup) {
    const tag = node.name;
    const attrs = node.attribs || {};
    if (tag === 'wxs' || tag === 'template' || tag === 'import') return;
    if (tag === 'include') {
      const file = path.resolve(path.dirname(scope.file), attrs.src);
      this.build(readWxml(file), parent, Object.assign({}, scope, { file }), slots);
      return;
    }
    if (tag === 'block') {
      this.build(node.children, parent, scope, slots);
      return;
    }
    if (tag === 'slot') {
      const name = attrs.name || '';
      const content = (slots && slots.nodes.filter((n) => ((n.attribs && n.attribs.slot) || '') === name)) || [];
      const texts = name === '' && slots ? slots.nodes.filter((n) => n.type === 'text') : [];
      this.build(texts.concat(content), parent, slots ? slots.scope : scope);
      return;
    }
    const componentPath = scope.usingComponents && scope.usingComponents[tag];
    if (componentPath && componentPath.startsWith(TDESIGN_ROOT)) {
      this.buildTDesign(node, parent, scope, componentPath, siblingGroup);
      return;
    }
    if (componentPath) {
      this.buildOwnComponent(node, parent, scope, componentPath, siblingGroup);
      return;
    }
    classVariants(attrs.class, scope.classes, staticClassesOf(scope.file)).forEach((classes) => {
      const el = this.create(tag, scope, { attrs, siblingGroup, wxmlTag: tag });
      if (classes.length) el.setAttribute('class', classes.join(' '));
      if (attrs.id && !attrs.id.includes('{{')) el.setAttribute('id', attrs.id);
      if (attrs.style && !attrs.style.includes('{{')) el.setAttribute('style', attrs.style);
      const info = this.info.get(el);
      info.target = isNativeTarget(tag, attrs);
      parent.appendChild(el);
      this.build(node.children || [], el, scope, slots);
    });
  }

  buildOwnComponent(node, parent, scope, componentPath, siblingGroup) {
    const json = componentJson(componentPath);
    const own = loadSheet(`${componentPath}.wxss`, 'component');
    const shared = json.styleIsolation === 'apply-shared' || json.styleIsolation === 'shared';
    const using = {};
    Object.entries(json.usingComponents || {}).forEach(([t, v]) => {
      using[t] = resolveUsing(v, componentPath, this.appRoot);
    });
    const inner = {
      rules: UA_RULES.concat(own, shared ? scope.rules.filter((r) => r.origin !== 'ua') : []),
      classes: classesIn(own),
      usingComponents: using,
      file: `${componentPath}.wxml`,
      label: path.basename(componentPath),
    };
    const attrs = node.attribs || {};
    // The host element exists in layout (no virtualHost): the page's class on it is styled by the page.
    classVariants(attrs.class, scope.classes, staticClassesOf(scope.file)).forEach((classes) => {
      const host = this.create(node.name, scope, { attrs, siblingGroup, wxmlTag: node.name });
      if (classes.length) host.setAttribute('class', classes.join(' '));
      host.style.display = 'block';
      this.info.get(host).target = isNativeTarget(node.name, attrs);
      parent.appendChild(host);
      this.build(readWxml(`${componentPath}.wxml`), host, inner, { nodes: node.children || [], scope });
    });
  }

  buildTDesign(node, parent, scope, componentPath, siblingGroup) {
    const tag = node.name;
    const attrs = node.attribs || {};
    const types = propTypes(componentPath);
    const json = componentJson(componentPath);
    const shared = json.styleIsolation === 'apply-shared' || json.styleIsolation === 'shared';
    const own = componentSheets(componentPath);
    const ownerRules = scope.rules.filter((r) => r.origin !== 'ua');
    const innerRules = UA_RULES.concat(own, shared ? ownerRules : []);
    const rootRules = UA_RULES.concat(own, ownerRules); // the page's class is an external class of the root
    const skip = /^(bind|catch|capture-bind|capture-catch|mut-bind)|^(class|id|style|slot|wx:.*|data-.*)$/;
    const propNames = Object.keys(attrs).filter((a) => !skip.test(a));
    const propLists = propNames.map((a) => propVariants(camel(a), attrs[a], types));
    // Page elements given to the component's slots (t-cell in a t-cell-group, a t-switch in a cell's
    // "note" slot) are rendered where the component puts each slot: a marker per slot finds the place.
    const elementChildren = (node.children || []).filter((n) => n.type === 'tag');
    const slotNames = Array.from(new Set(elementChildren.map((n) => (n.attribs && n.attribs.slot) || '')));
    const markers = slotNames.map((n) => `<view class="${SLOT_MARKER}${n || 'default'}"${n ? ` slot="${n}"` : ''}></view>`).join('');
    const slotText = textOf(node.children || []) + markers;
    const slots = {};
    slotNames.forEach((n) => {
      slots[n || 'default'] = elementChildren.filter((c) => ((c.attribs && c.attribs.slot) || '') === n);
    });
    const targetSpec = TDESIGN_TARGETS[tag];
    const listened = Object.keys(attrs).some((a) => /^(bind|catch):?(tap|click|change)$/.test(a));
    const isTarget = Boolean(targetSpec && (!targetSpec.whenListened || listened || 'arrow' in attrs || 'hover' in attrs));
    classVariants(attrs.class, scope.classes, staticClassesOf(scope.file)).forEach((hostClasses) => {
      cartesian(propLists).forEach((values) => {
        const props = {};
        propNames.forEach((n, i) => {
          if (values[i] !== undefined) props[camel(n)] = values[i];
        });
        const rendered = renderTDesign(tag, componentPath, props, slotText);
        const elements = this.copyRendered(rendered, parent, { innerRules, rootRules, siblingGroup, tag, props, slots, ownerScope: scope });
        elements.forEach((rootEl, index) => {
          if (index === 0 && hostClasses.length) rootEl.classList.add(...hostClasses);
          if (index === 0 && attrs.id && !attrs.id.includes('{{')) rootEl.setAttribute('id', attrs.id);
        });
        if (isTarget && elements[0]) {
          const targets = targetSpec.selector ? Array.from(elements[0].parentNode.querySelectorAll(targetSpec.selector)) : [elements[0]];
          targets.filter((t) => elements.some((e) => e === t || e.contains(t))).forEach((t) => {
            this.info.get(t).target = true;
          });
        }
      });
    });
  }

  /** Copy simulate's DOM into ours: drop <virtual> wrappers and "wx-" tags, strip class prefixes. */
  copyRendered(dom, parent, ctx) {
    const roots = [];
    const copy = (source, into, depth) => {
      Array.from(source.childNodes).forEach((child) => {
        if (child.nodeType === 3) {
          if (child.data.trim()) into.appendChild(document.createTextNode(child.data));
          return;
        }
        if (child.nodeType !== 1) return;
        // simulate keeps no id on these, and prefixes classes with the wrapper's tag: "tag--care-slot-note".
        const marker = new RegExp(`(^|--)${SLOT_MARKER}([\\w-]+)$`).exec(child.getAttribute('class') || '');
        if (marker) {
          const slotNodes = ctx.slots && ctx.slots[marker[2]];
          if (slotNodes) this.build(slotNodes, into, ctx.ownerScope);
          return;
        }
        const name = child.tagName.toLowerCase();
        if (name === 'virtual' || name === 'wx-slot' || name === 'slot' || /^t-[\w-]+$/.test(name) || name === 'care-wrapper') {
          copy(child, into, depth);
          return;
        }
        const tag = name.replace(/^wx-/, '');
        const isRoot = depth === 0;
        const el = this.create(tag, { rules: isRoot ? ctx.rootRules : ctx.innerRules }, {
          rules: isRoot ? ctx.rootRules : ctx.innerRules,
          siblingGroup: isRoot ? ctx.siblingGroup : undefined,
          wxmlTag: isRoot ? ctx.tag : undefined,
          props: isRoot ? ctx.props : undefined,
        });
        const classes = (child.getAttribute('class') || '').split(/\s+/).filter(Boolean).map((c) => c.replace(/^[\w-]+?--/, ''));
        if (classes.length) el.setAttribute('class', classes.join(' '));
        const style = child.getAttribute('style');
        if (style) el.setAttribute('style', style);
        into.appendChild(el);
        if (isRoot) roots.push(el);
        copy(child, el, depth + 1);
      });
    };
    copy(dom, parent, 0);
    return roots;
  }
}

function resolveUsing(value, fromFile, appRoot) {
  if (value.startsWith('tdesign-miniprogram/')) return path.join(TDESIGN_ROOT, value.slice('tdesign-miniprogram/'.length));
  if (value.startsWith('/')) return path.join(appRoot, value);
  return path.resolve(path.dirname(fromFile), value);
}

const NATIVE_TARGET_TAGS = new Set(['button', 'navigator', 'input', 'textarea', 'picker', 'switch', 'slider']);

function isNativeTarget(tag, attrs) {
  if (NATIVE_TARGET_TAGS.has(tag)) return true;
  if (tag === 'label' && attrs && attrs.class !== undefined) return true; // radio/checkbox rows
  return Object.keys(attrs || {}).some((a) => /^(bind|catch):?(tap|longpress)$/.test(a));
}

/**
 * Text as it can appear: a {{...}} stands for its longest string literal (the widest label it can show,
 * "开始今日答题" rather than "明天再来"), or for two characters when it has none.
 */
function fillMustache(text) {
  return text.replace(MUSTACHE, (m, expr) => {
    const literals = literalsOf(expr).filter((l) => l.trim());
    if (!literals.length) return PLACEHOLDER_TEXT;
    return literals.reduce((a, b) => (b.length > a.length ? b : a));
  });
}

function textOf(nodes) {
  return nodes
    .filter((n) => n.type === 'text')
    .map((n) => fillMustache(n.data).trim())
    .join('');
}

// ---------------------------------------------------------------- cascade and values

function matchingDeclarations(model, el) {
  const info = model.info.get(el);
  const rules = (info && info.rules) || model.pageScope.rules;
  const classes = new Set((el.getAttribute('class') || '').split(/\s+/));
  const found = [];
  rules.forEach((rule) => {
    if (rule.keys.some((k) => !classes.has(k))) return;
    let ok;
    try {
      ok = el.matches(rule.selector);
    } catch (e) {
      throw new Error(`selector "${rule.selector}" in ${rule.file} cannot be matched: ${e.message}`);
    }
    if (!ok) return;
    rule.decls.forEach((d) => found.push({ d, spec: rule.specificity, order: rule.order, origin: ORIGIN_RANK[rule.origin] }));
  });
  const inline = el.getAttribute('style');
  if (inline) {
    postcss.parse(`x{${inline}}`).first.each((d) => {
      if (d.type === 'decl') found.push({ d: { prop: d.prop, value: d.value, important: d.important }, spec: 1e6, order: 1e9, origin: 9 });
    });
  }
  found.sort((a, b) => (a.d.important - b.d.important) || (a.origin - b.origin) || (a.spec - b.spec) || (a.order - b.order));
  // Later in the sorted list wins; the rank lets a longhand and its shorthand be compared.
  const winning = new Map();
  found.forEach((f, rank) => winning.set(f.d.prop.toLowerCase(), { value: f.d.value, rank }));
  return winning;
}

/** Replace var(--x, fallback) using the element's custom properties. */
function substitute(value, vars, depth = 0) {
  if (depth > 20 || !value.includes('var(')) return value;
  const parsed = valueParser(value);
  parsed.walk((node) => {
    if (node.type !== 'function' || node.value !== 'var') return undefined;
    const name = node.nodes[0].value;
    const comma = node.nodes.findIndex((n) => n.type === 'div' && n.value === ',');
    const fallback = comma >= 0 ? valueParser.stringify(node.nodes.slice(comma + 1)).trim() : null;
    const v = vars[name] !== undefined ? vars[name] : fallback;
    node.type = 'word';
    node.value = v === null ? '' : substitute(v, vars, depth + 1);
    node.nodes = [];
    return false;
  });
  return parsed.toString();
}

function lengthPx(token, fontSize, basis) {
  if (token === undefined || token === null) return null;
  const t = String(token).trim();
  if (/^calc\(/.test(t)) return evalCalc(t.slice(5, -1), fontSize, basis);
  const m = /^(-?[\d.]+)(px|rpx|em|rem|%|vw)?$/.exec(t);
  if (!m) return null;
  const n = parseFloat(m[1]);
  switch (m[2]) {
    case 'rpx':
      return n * PX_PER_RPX;
    case 'em':
      return n * fontSize;
    case 'rem':
      return n * 16;
    case 'vw':
      return (n * VIEWPORT_WIDTH) / 100;
    case '%':
      return basis === undefined ? null : (n * basis) / 100;
    case 'px':
      return n;
    default:
      return n === 0 ? 0 : null;
  }
}

/** calc() with + - * / over lengths and numbers, as TDesign writes it. */
function evalCalc(expression, fontSize, basis) {
  const tokens = expression.match(/-?[\d.]+(?:px|rpx|em|rem|%|vw)?|[-+*/()]/g) || [];
  let i = 0;
  const value = (t) => {
    const n = lengthPx(t, fontSize, basis);
    return n === null ? parseFloat(t) : n;
  };
  function factor() {
    const t = tokens[i++];
    if (t === '(') {
      const v = sum();
      i += 1;
      return v;
    }
    return value(t);
  }
  function product() {
    let v = factor();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++];
      const r = factor();
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }
  function sum() {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++];
      const r = product();
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }
  const result = sum();
  return Number.isFinite(result) ? result : null;
}

/** The size, line height and weight out of a `font` shorthand: [style] [weight] size[/line-height] family. */
function parseFont(value) {
  const words = valueParser(value).nodes.filter((n) => n.type === 'word' || n.type === 'div' || n.type === 'function');
  const out = {};
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i];
    if (w.type === 'word' && /^(\d{3}|bold|normal)$/.test(w.value) && out.size === undefined) out.weight = w.value;
    if (w.type === 'word' && /^[\d.]+(px|rpx|em|rem)$/.test(w.value) && out.size === undefined) {
      out.size = w.value;
      if (words[i + 1] && words[i + 1].type === 'div' && words[i + 1].value === '/') out.lineHeight = words[i + 2] && words[i + 2].value;
      break;
    }
  }
  return out;
}

function boxSides(value) {
  const parts = valueParser(value).nodes.filter((n) => n.type === 'word' || n.type === 'function').map((n) => valueParser.stringify(n));
  const [t, r = t, b = t, l = r] = parts;
  return { top: t, right: r, bottom: b, left: l };
}

function backgroundColour(value) {
  const nodes = valueParser(value).nodes.filter((n) => n.type === 'word' || n.type === 'function');
  for (const n of nodes) {
    const text = valueParser.stringify(n);
    if (n.type === 'function' && /gradient|url/.test(n.value)) continue;
    if (colord(text).isValid() || text === 'transparent') return text;
  }
  return null;
}

/** One longhand's raw (var-substituted) value from the winning declaration among it and its shorthands. */
function longhand(winning, prop, vars) {
  const candidates = [prop].concat(SHORTHANDS[prop] || []);
  // The winner is whichever declaration came last in cascade order among the longhand and shorthands.
  let chosen = null;
  candidates.forEach((p) => {
    const d = winning.get(p);
    if (d && (!chosen || d.rank > chosen.d.rank)) chosen = { p, d };
  });
  if (!chosen) return undefined;
  const value = substitute(chosen.d.value, vars).trim();
  if (chosen.p === prop) return value;
  switch (chosen.p) {
    case 'font': {
      const f = parseFont(value);
      if (prop === 'font-size') return f.size;
      if (prop === 'line-height') return f.lineHeight || 'normal';
      return f.weight;
    }
    case 'padding':
    case 'margin': {
      const s = boxSides(value);
      return s[prop.split('-')[1]];
    }
    case 'background':
      return backgroundColour(value) || undefined;
    case 'flex': {
      const first = value.split(/\s+/)[0];
      if (first === 'none') return '0';
      if (first === 'auto') return '1';
      return /^[\d.]+$/.test(first) ? first : '1';
    }
    default:
      return undefined;
  }
}

/** Computes every element's style top-down; returns a Map element → computed figures. */
function computeStyles(model) {
  const styles = new Map();
  const visit = (el, parentStyle) => {
    const winning = matchingDeclarations(model, el);

    const vars = Object.assign({}, parentStyle ? parentStyle.vars : {});
    winning.forEach((d, p) => {
      if (p.startsWith('--')) vars[p] = substitute(d.value, vars).trim();
    });
    const inheritFrom = parentStyle || { fontSize: 16, lineHeightRaw: 'normal', color: '#000000', fontWeight: '400' };
    const raw = (p) => {
      const v = longhand(winning, p, vars);
      return v === 'inherit' ? undefined : v;
    };

    const fontSizeRaw = raw('font-size');
    const fontSize = (fontSizeRaw !== undefined && lengthPx(fontSizeRaw, inheritFrom.fontSize)) || inheritFrom.fontSize;
    const lineHeightRaw = raw('line-height') !== undefined ? raw('line-height') : inheritFrom.lineHeightRaw;
    let lineHeight;
    if (/^[\d.]+$/.test(lineHeightRaw)) lineHeight = parseFloat(lineHeightRaw) * fontSize;
    else lineHeight = lengthPx(lineHeightRaw, fontSize, fontSize) || 1.2 * fontSize;

    const display = raw('display') || (el.tagName === 'PAGE' ? 'block' : 'inline');
    const containing = parentStyle ? parentStyle.contentWidth : VIEWPORT_WIDTH;
    const len = (p, basis) => {
      const v = raw(p);
      return v === undefined || v === 'auto' ? null : lengthPx(v, fontSize, basis);
    };
    const s = {
      vars,
      fontSize,
      lineHeight,
      lineHeightRaw: /^[\d.]+$/.test(lineHeightRaw) ? lineHeightRaw : `${lineHeight}px`,
      fontWeight: raw('font-weight') || inheritFrom.fontWeight,
      color: raw('color') || inheritFrom.color,
      background: raw('background-color') || null,
      display,
      flexDirection: raw('flex-direction') || 'row',
      flexGrow: parseFloat(raw('flex-grow') || '0'),
      whiteSpace: raw('white-space') || (parentStyle ? parentStyle.whiteSpace : 'normal'),
      boxSizing: raw('box-sizing') || 'content-box',
      height: len('height', parentStyle && parentStyle.height !== null ? parentStyle.height : undefined),
      minHeight: len('min-height'),
      width: len('width', containing),
      minWidth: len('min-width', containing),
      padding: {
        top: len('padding-top', containing) || 0,
        bottom: len('padding-bottom', containing) || 0,
        left: len('padding-left', containing) || 0,
        right: len('padding-right', containing) || 0,
      },
      margin: { left: len('margin-left', containing) || 0, right: len('margin-right', containing) || 0 },
    };
    s.hidden = display === 'none' || (parentStyle && parentStyle.hidden);
    // Opacity fades the element and all it holds.
    const opacity = raw('opacity') !== undefined ? parseFloat(raw('opacity')) : 1;
    s.opacity = (parentStyle ? parentStyle.opacity : 1) * (Number.isFinite(opacity) ? opacity : 1);
    if (s.opacity === 0) s.hidden = true; // a closed dialog fades to nothing: not on screen
    s.availableWidth = availableWidth(model, el, s, parentStyle, styles);
    s.contentWidth = s.availableWidth === null ? null : Math.max(0, s.availableWidth - s.padding.left - s.padding.right);
    styles.set(el, s);
    Array.from(el.children).forEach((child) => visit(child, s));
  };
  visit(model.root, null);
  return styles;
}

function isBlockLevel(display) {
  return ['block', 'flex', 'grid', 'list-item', 'table'].includes(display);
}

/** The width a box gets from its container (block boxes fill it; flex items share a row). */
function availableWidth(model, el, s, parentStyle) {
  if (!parentStyle) return VIEWPORT_WIDTH;
  const container = parentStyle.contentWidth;
  if (container === null) return s.width !== null ? s.width : null; // inside a box sized by its content
  const parentIsRow = /flex/.test(parentStyle.display) && !/column/.test(parentStyle.flexDirection);
  if (s.width !== null) return s.width + (s.boxSizing === 'border-box' ? 0 : s.padding.left + s.padding.right);
  if (parentIsRow) {
    if (s.flexGrow > 0) {
      const groups = new Set();
      Array.from(el.parentNode.children).forEach((c) => {
        const i = model.info.get(c);
        groups.add(i && i.siblingGroup !== undefined ? i.siblingGroup : c);
      });
      return Math.max(0, container / Math.max(1, groups.size) - s.margin.left - s.margin.right);
    }
    return null; // shrinks to its content
  }
  if (isBlockLevel(s.display)) return Math.max(0, container - s.margin.left - s.margin.right);
  return null;
}

function textWidth(text, fontSize) {
  let w = 0;
  Array.from(text).forEach((ch) => {
    w += /[\u2e80-\uffff]/.test(ch) ? fontSize : 0.55 * fontSize;
  });
  return w;
}

function directText(el) {
  return Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => fillMustache(n.data))
    .join('')
    .trim();
}

/**
 * Outer box of an element (a lower bound: margins, borders and line wrapping are left out). Height:
 * its explicit height or min-height, else its padding plus its content: one line of its own text,
 * children stacked (block layout, flex column) or side by side (flex row). Width: what its container
 * gives a block box or a growing flex item, else its explicit width, else its text and padding.
 */
function box(el, styles, memo) {
  if (memo.has(el)) return memo.get(el);
  const s = styles.get(el);
  if (!s || s.hidden) return { height: 0, width: 0, textWidth: 0 };
  const text = directText(el);
  const padV = s.padding.top + s.padding.bottom;
  const padH = s.padding.left + s.padding.right;
  const textual = text || ['INPUT', 'TEXTAREA'].includes(el.tagName);
  const children = Array.from(el.children).map((c) => ({ c, b: box(c, styles, memo), cs: styles.get(c) }));
  const row = /flex/.test(s.display) && !/column/.test(s.flexDirection);
  let contentHeight = textual ? s.lineHeight : 0;
  let childrenWidth = 0;
  if (row) {
    children.forEach(({ b }) => {
      contentHeight = Math.max(contentHeight, b.height);
      childrenWidth += b.width;
    });
  } else {
    let inlineLine = 0;
    children.forEach(({ b, cs }) => {
      if (cs && isBlockLevel(cs.display)) contentHeight += b.height;
      else inlineLine = Math.max(inlineLine, b.height);
      childrenWidth = Math.max(childrenWidth, b.width);
    });
    if (!textual) contentHeight += inlineLine;
  }
  const explicitH = Math.max(s.height || 0, s.minHeight || 0);
  let height;
  if (s.height !== null && s.height > 0 && s.minHeight === null) height = s.boxSizing === 'border-box' ? Math.max(s.height, padV) : s.height + padV;
  else if (explicitH) height = Math.max(s.boxSizing === 'border-box' ? explicitH : explicitH + padV, contentHeight + padV);
  else height = contentHeight + padV;
  const ownText = textWidth(text, s.fontSize) + padH;
  const explicitW = Math.max(s.width || 0, s.minWidth || 0);
  let width;
  if (s.availableWidth !== null && s.availableWidth !== undefined) width = Math.max(s.availableWidth, explicitW);
  else if (explicitW) width = Math.max(s.boxSizing === 'border-box' ? explicitW : explicitW + padH, explicitW);
  else width = Math.max(ownText, childrenWidth + padH);
  // The widest single line of text inside, with the paddings around it: more than the width means cut off.
  const inner = children.reduce((m, { b }) => Math.max(m, b.textWidth), 0);
  const result = { height, width, textWidth: Math.max(text ? ownText : 0, inner ? inner + padH : 0) };
  memo.set(el, result);
  return result;
}

// ---------------------------------------------------------------- measuring

function pathOf(model, el) {
  const parts = [];
  let n = el;
  while (n && n !== model.root) {
    const id = n.getAttribute('id');
    const cls = n.getAttribute('class');
    parts.unshift(`${n.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}`);
    n = n.parentElement;
  }
  return parts.slice(-3).join(' > ');
}

function opaqueBackground(el, styles) {
  const layers = [];
  let n = el;
  while (n) {
    const s = styles.get(n);
    if (s && s.background && s.background !== 'transparent') {
      const c = colord(s.background);
      if (!c.isValid()) throw new Error(`unreadable background ${s.background}`);
      layers.push(c);
      if (c.alpha() >= 1) break;
    }
    n = n.parentElement;
  }
  // Blend from the back (the page, white if nothing is painted) to the front.
  let rgb = { r: 255, g: 255, b: 255 };
  layers.reverse().forEach((c) => {
    const { r, g, b, a } = c.toRgb();
    rgb = { r: r * a + rgb.r * (1 - a), g: g * a + rgb.g * (1 - a), b: b * a + rgb.b * (1 - a) };
  });
  return colord(rgb);
}

function blend(colour, over) {
  const c = colord(colour);
  if (!c.isValid()) throw new Error(`unreadable colour ${colour}`);
  const { r, g, b, a } = c.toRgb();
  const o = over.toRgb();
  return colord({ r: r * a + o.r * (1 - a), g: g * a + o.g * (1 - a), b: b * a + o.b * (1 - a) });
}

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a, b) {
  return colord(a).contrast(colord(b));
}

function isMainFunction(model, el) {
  // Main functions are each page's primary actions: TDesign primary buttons and our .btn-primary.
  let n = el;
  while (n && n !== model.root) {
    const info = model.info.get(n);
    if (info && info.wxmlTag === 't-button' && info.props && info.props.theme === 'primary' && !info.props.variant) return true;
    if (n.classList.contains('btn-primary') && info && info.target) return true;
    n = n.parentElement;
  }
  return false;
}

function measureModel(model) {
  const styles = computeStyles(model);
  const targets = [];
  const texts = [];
  const memo = new Map();
  const all = model.root.querySelectorAll('*');
  all.forEach((el) => {
    const s = styles.get(el);
    if (!s || s.hidden) return;
    const info = model.info.get(el) || {};
    if (info.target) {
      const b = box(el, styles, memo);
      const nowrap = [el].concat(Array.from(el.querySelectorAll('*'))).some((d) => styles.get(d) && styles.get(d).whiteSpace === 'nowrap');
      targets.push({
        page: model.name,
        element: pathOf(model, el),
        label: el.textContent.trim().slice(0, 20),
        height: b.height,
        width: b.width,
        cutOff: nowrap && b.textWidth > b.width + 0.5,
        textWidth: b.textWidth,
      });
    }
    const text = directText(el);
    if (text || el.tagName === 'INPUT') {
      const bg = opaqueBackground(el, styles);
      const fg = blend(colord(s.color).alpha(colord(s.color).alpha() * s.opacity).toRgbString(), bg);
      texts.push({
        page: model.name,
        element: pathOf(model, el),
        text: text.slice(0, 20),
        fontSize: s.fontSize,
        main: isMainFunction(model, el),
        color: fg.toHex(),
        background: bg.toHex(),
        ratio: contrast(fg, bg),
      });
    }
  });
  return { targets, texts };
}

/**
 * Measure one page. `sources` are in-memory for unit tests, or files for the real pages:
 * { name, wxml, wxss (page's own css text), wxssFile, appWxss, appWxssFile, usingComponents, appRoot }.
 */
function measurePage(sources) {
  const appRules = sources.appWxss !== undefined
    ? parseSheet(sources.appWxss, sources.appWxssFile || '<app.wxss>', 'app')
    : loadSheet(sources.appWxssFile, 'app');
  const pageRules = sources.wxss !== undefined
    ? parseSheet(sources.wxss, sources.wxssFile || '<page.wxss>', 'page')
    : sources.wxssFile && fs.existsSync(sources.wxssFile) ? loadSheet(sources.wxssFile, 'page') : [];
  const model = new PageModel({
    name: sources.name,
    appRules,
    pageRules,
    usingComponents: sources.usingComponents || {},
    appRoot: sources.appRoot,
  });
  const scope = Object.assign({}, model.pageScope, {
    usingComponents: sources.usingComponents || {},
    file: sources.wxmlFile || '<page.wxml>',
  });
  const nodes = sources.wxml !== undefined ? parseWxml(sources.wxml) : readWxml(sources.wxmlFile);
  const t0 = Date.now();
  model.build(nodes, model.root, scope);
  const t1 = Date.now();
  const r = measureModel(model);
  if (process.env.CARE_TIMING) console.log(sources.name, 'build', t1 - t0, 'measure', Date.now() - t1, 'nodes', model.nodes);
  return r;
}

/** Measure a page of the app by route, e.g. "pages/me/me". */
function measureAppPage(appRoot, route) {
  const base = path.join(appRoot, route);
  const appJson = JSON.parse(fs.readFileSync(path.join(appRoot, 'app.json'), 'utf8'));
  const pageJson = fs.existsSync(`${base}.json`) ? JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) : {};
  const using = {};
  Object.entries(Object.assign({}, appJson.usingComponents, pageJson.usingComponents)).forEach(([tag, v]) => {
    using[tag] = resolveUsing(v, base, appRoot);
  });
  return measurePage({
    name: route,
    wxmlFile: `${base}.wxml`,
    wxssFile: `${base}.wxss`,
    appWxssFile: path.join(appRoot, 'app.wxss'),
    usingComponents: using,
    appRoot,
  });
}

/** Every page the app declares, main package and subpackages. */
function appPages(appRoot) {
  const appJson = JSON.parse(fs.readFileSync(path.join(appRoot, 'app.json'), 'utf8'));
  const pages = appJson.pages.slice();
  (appJson.subpackages || appJson.subPackages || []).forEach((sp) => sp.pages.forEach((p) => pages.push(`${sp.root.replace(/\/$/, '')}/${p}`)));
  return pages;
}

const RULES = {
  minTarget: 60, // 工信部 适老化: tappable elements at least 60 × 60
  minBodyText: 18, // body text in care mode
  minMainText: 30, // main functions' text at the largest setting
  minContrast: 4.5, // WCAG 2 AA, required for all text
};

/** Targets below 60 × 60 and text below its minimum size, as readable lines (empty when the page passes). */
function sizeViolations(result) {
  const out = [];
  result.targets.forEach((t) => {
    if (t.height < RULES.minTarget || t.width < RULES.minTarget) {
      out.push(`${t.page}: target ${t.element} "${t.label}" is ${t.width.toFixed(1)}×${t.height.toFixed(1)} px, needs ≥ ${RULES.minTarget}×${RULES.minTarget}`);
    }
    if (t.cutOff) out.push(`${t.page}: target ${t.element} "${t.label}" needs ${t.textWidth.toFixed(1)} px on one line but is ${t.width.toFixed(1)} px wide`);
  });
  result.texts.forEach((t) => {
    const min = t.main ? RULES.minMainText : RULES.minBodyText;
    if (t.fontSize < min) out.push(`${t.page}: text ${t.element} "${t.text}" is ${t.fontSize} px, needs ≥ ${min}`);
  });
  return out;
}

/** Text whose colour against its background is below 4.5:1, as readable lines. */
function contrastViolations(result) {
  const out = [];
  result.texts.forEach((t) => {
    if (t.ratio < RULES.minContrast) {
      out.push(`${t.page}: text ${t.element} "${t.text}" ${t.color} on ${t.background} is ${t.ratio.toFixed(2)}:1, needs ≥ ${RULES.minContrast}:1`);
    }
  });
  return out;
}

function violations(result) {
  return sizeViolations(result).concat(contrastViolations(result));
}

module.exports = { VIEWPORT_WIDTH, PX_PER_RPX, RULES, measurePage, measureAppPage, appPages, violations, sizeViolations, contrastViolations, contrast, classVariants, parseFont };
