package cn.yunxi.kepu.content;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What residents see. */
final class ContentViews {

    private ContentViews() {
    }

    /** One feed entry. {@code pinned}: an active emergency (应急科普) item, shown on top. */
    record Card(long id, String type, String title, @Nullable String summary, @Nullable String coverUrl,
                @Nullable String coverThumbnailUrl, List<String> topics, List<String> groups, boolean emergency,
                boolean pinned, int lengthSeconds, OffsetDateTime publishedAt, int likeCount, int favouriteCount,
                int commentCount, int readCount) {
    }

    record Page(List<Card> items, long total, int page, int size) {
    }

    /**
     * One item. {@code narrationUrl} and {@code largeImageUrls} are the elder-friendly versions (关怀模式): an audio
     * narration and large-type images of the body.
     */
    record Detail(long id, String type, String title, @Nullable String summary, @Nullable String bodyHtml,
                  @Nullable String coverUrl, @Nullable String mediaUrl, @Nullable String narrationUrl,
                  List<String> largeImageUrls, List<String> topics, List<String> groups, List<String> planSections,
                  boolean emergency, boolean pinned, int lengthSeconds, OffsetDateTime publishedAt, int version,
                  int likeCount, int favouriteCount, int shareCount, int commentCount, int readCount) {
    }

    /** The caller's own state on an item. */
    record Interaction(boolean liked, boolean favourited, int likeCount, int favouriteCount) {
    }
}
