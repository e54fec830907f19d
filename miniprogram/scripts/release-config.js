// What must hold of app/env.js before the mini-program is uploaded: the versions residents and testers
// run on their phones (release, trial) talk to an HTTPS domain that a phone can reach. WeChat itself
// refuses plain http and IP addresses in 正式版, but only after upload; this finds it in CI instead.
// Used by scripts/check.js; exported for the tests.

const PHONE_UNREACHABLE_HOSTS = [
  /^localhost$/i,
  /\.localhost$/i,
  /^127\./,
  /^0\.0\.0\.0$/,
  /^\[?::1?\]?$/,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /\.local$/i,
  /^example\.(com|org|net)$/i,
  /\.example(\.|$)/i,
];

const IP_ADDRESS = /^(\d{1,3}\.){3}\d{1,3}$|^\[.*\]$/;

/** The problems of one version's base URL; empty when it is fine for phones. */
function problemsOfUrl(version, value) {
  if (typeof value !== 'string' || !value.trim()) return [`${version}: no API base URL`];
  let url;
  try {
    url = new URL(value);
  } catch (e) {
    return [`${version}: "${value}" is not a URL`];
  }
  const problems = [];
  if (url.protocol !== 'https:') problems.push(`${version}: "${value}" must use https:// (WeChat refuses plain http)`);
  const host = url.hostname;
  if (PHONE_UNREACHABLE_HOSTS.some((re) => re.test(host))) {
    problems.push(`${version}: "${value}" points at ${host}, which residents' phones cannot reach`);
  } else if (IP_ADDRESS.test(host)) {
    problems.push(`${version}: "${value}" is an IP address; WeChat's request domain list takes domain names only`);
  }
  if (url.port && url.port !== '443') problems.push(`${version}: "${value}" uses port ${url.port}; WeChat accepts only the default HTTPS port`);
  if (url.pathname !== '/' || url.search || url.hash) problems.push(`${version}: "${value}" must be an origin only (no path): pages add /api/v1/...`);
  return problems;
}

/** Everything wrong with an env module ({apiBaseUrls: {develop, trial, release}}). */
function releaseConfigProblems(env) {
  const urls = (env && env.apiBaseUrls) || {};
  const problems = [];
  ['release', 'trial'].forEach((version) => problems.push(...problemsOfUrl(version, urls[version])));
  if (typeof urls.develop !== 'string' || !urls.develop) problems.push('develop: no API base URL');
  return problems;
}

module.exports = { releaseConfigProblems, problemsOfUrl };
