package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

/** A resident finished reading/watching an item (first completion only). Points and statistics build on it. */
public record ContentRead(long readId, long residentId, long contentId, String contentTitle, int creditedSeconds,
                          LocalDateTime completedAt) {
}
