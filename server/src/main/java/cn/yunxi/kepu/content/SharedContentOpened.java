package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

/** Someone other than the sharer opened an item through a share link (once per share and opener). */
public record SharedContentOpened(long shareId, long sharerResidentId, long openerResidentId, long contentId,
                                  LocalDateTime openedAt) {
}
