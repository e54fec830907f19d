package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

/** A resident created a share link for an item; opens through {@code token} are attributed to them. */
public record ContentShared(long shareId, String token, long sharerResidentId, long contentId, String contentTitle,
                            LocalDateTime sharedAt) {
}
