package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

/** Parameters of one feed/search query (also the cache key's parts). */
record FeedQuery(String type, String topic, String group, String likePattern, String readerGroup,
                 LocalDateTime now, int limit, long offset) {
}
