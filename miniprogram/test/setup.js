// Global shims the mini-program runtime provides and jsdom does not.
// Loaded through jest `setupFiles`, i.e. before each test file.

require('miniprogram-simulate'); // defines global Component/Behavior and its wx API
const { createWx } = require('./helpers/wx');

// Keep simulate's own wx API (TDesign calls getAppBaseInfo, getWindowInfo, nextTick, ...)
// underneath; each test installs its own controllable layer on top via createWx().
global.__simulateWx = global.wx;
global.wx = createWx();

global.__pageStack = [];
global.getCurrentPages = () => global.__pageStack.slice();

global.__app = { globalData: {} };
global.getApp = () => global.__app;
global.App = (options) => {
  global.__app = Object.assign({ globalData: {} }, options);
  return global.__app;
};

// Pages run as components under simulate. Every function (lifecycles included) becomes a method,
// so a test calls onLoad/onShow itself, as the real framework would on navigation.
global.Page = (options) => {
  const data = options.data || {};
  const methods = {};
  const fields = {};
  Object.keys(options).forEach((key) => {
    if (key === 'data') return;
    if (typeof options[key] === 'function') methods[key] = options[key];
    else fields[key] = options[key];
  });
  return global.Component({
    data,
    methods,
    lifetimes: {
      created() {
        Object.assign(this, JSON.parse(JSON.stringify(fields)));
      },
    },
  });
};

