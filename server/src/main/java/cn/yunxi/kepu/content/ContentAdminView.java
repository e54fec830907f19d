package cn.yunxi.kepu.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An item as staff see it, with its workflow history. {@code bodyHtml} keeps its {@code media:<key>} references;
 * {@code mediaUrls} maps every key the item uses (cover, media, narration, large images, body) to a signed URL for
 * previews. {@code authorId} and {@code authorName} are null for items nobody on the staff wrote (the seeded
 * samples) or whose author account is gone.
 */
record ContentAdminView(long id, String type, String status, String title, @Nullable String summary,
                        @Nullable String bodyHtml, @Nullable String coverKey, @Nullable String mediaKey,
                        @Nullable String narrationKey, List<String> largeImageKeys, int lengthSeconds,
                        boolean emergency, @Nullable OffsetDateTime emergencyUntil, Long unitId,
                        @Nullable String unitName, Long authorId, @Nullable String authorName, Long reviewerId,
                        @Nullable String reviewerName, boolean sampleData, @Nullable OffsetDateTime publishAt,
                        @Nullable OffsetDateTime publishedAt, OffsetDateTime updatedAt, int version,
                        List<String> topics, List<String> groups, List<String> planSections,
                        Map<String, String> mediaUrls, List<Transition> transitions,
                        @Schema(description = "已发布内容的待审修改（审核通过前线上仍是已审核的版本）；没有则为 null")
                        @Nullable Revision revision) {

    /** An edit of a published item: in review, or rejected (with the reason) until edited again. */
    @Schema(name = "ContentRevision")
    record Revision(long id, String status, String title, @Nullable String summary, @Nullable String bodyHtml,
                    ContentRequests.Save request, Long authorId, Long reviewerId, @Nullable String reason,
                    OffsetDateTime updatedAt) {
    }

    @Schema(name = "ContentTransition")
    record Transition(String action, @Nullable String fromStatus, String toStatus, Long actorId,
                      @Nullable String actorName, @Nullable String reason, OffsetDateTime at) {
    }
}
