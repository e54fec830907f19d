package cn.yunxi.kepu.content;

/**
 * A published item changed (published, edited, archived): its cached item page and every cached feed page are out
 * of date. Published inside the writing transaction; {@link ContentCache} acts on it only after the commit, so a
 * reader that races the transaction cannot put the old version back into the cache under the new feed version.
 */
record ContentChanged(long contentId) {
}
