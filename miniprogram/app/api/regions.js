// The district tree (server: region/). Towns carry their villages as `children`, each {code, name, level}.

const { call } = require('./call');

/** GET /regions → the district with its towns and villages. */
function tree(options) {
  return call({ url: '/api/v1/regions' }, options);
}

module.exports = { tree };
