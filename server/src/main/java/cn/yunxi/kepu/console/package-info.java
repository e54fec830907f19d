/**
 * The staff console: a single-page app (Vue 3 + TDesign, sources in {@code server/src/main/console}) that the
 * build puts into {@code static/admin} and this module serves at {@code /admin}, with a fallback to its
 * {@code index.html} for the app's own routes (deep links) and a content security policy that keeps every script,
 * style and font on this server. It calls only {@code /api/admin/v1}; no feature depends on it and it depends on
 * no feature.
 */
package cn.yunxi.kepu.console;
