package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

/**
 * Parameters of one feed/search query (also the cache key's parts, but for withSamples, which is fixed for the
 * life of the process).
 */
record FeedQuery(String type, String topic, String group, String likePattern, String readerGroup,
                 LocalDateTime now, int limit, long offset, boolean withSamples) {
}
