// The one way an api module talks to the server: request() with the endpoint's url, method and body,
// plus whatever the page asked for (`silent`, `conditional`). Kept apart so every module reads the same.

const { request } = require('../utils/request');

/**
 * @param {object} endpoint {url, method?, data?} as the api module knows it
 * @param {object} [options] request options from the page: silent, conditional
 */
function call(endpoint, options) {
  return request(Object.assign({}, options || {}, endpoint));
}

/** The `{page, size}` (and filters) of a paged list; drops empty filters so the server applies its defaults. */
function query(params) {
  const out = {};
  Object.keys(params || {}).forEach((key) => {
    const value = params[key];
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  });
  return out;
}

module.exports = { call, query };
