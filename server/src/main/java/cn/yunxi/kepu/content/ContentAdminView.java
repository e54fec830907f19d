package cn.yunxi.kepu.content;

import java.time.OffsetDateTime;
import java.util.List;

/** An item as staff see it, with its workflow history. */
record ContentAdminView(long id, String type, String status, String title, String summary, String bodyHtml,
                        String coverKey, String mediaKey, String narrationKey, List<String> largeImageKeys,
                        int lengthSeconds, boolean emergency, OffsetDateTime emergencyUntil, Long unitId,
                        Long authorId, Long reviewerId, boolean sampleData, OffsetDateTime publishAt,
                        OffsetDateTime publishedAt, int version, List<String> topics, List<String> groups,
                        List<String> planSections, List<Transition> transitions) {

    record Transition(String action, String fromStatus, String toStatus, Long actorId, String reason,
                      OffsetDateTime at) {
    }
}
