package cn.yunxi.kepu.content;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

final class ContentRequests {

    private ContentRequests() {
    }

    /**
     * A draft or an edit. Media fields are keys of uploads recorded by the media API. {@code lengthSeconds} is required
     * for VIDEO/AUDIO (their duration); for articles it is estimated from the text when absent.
     */
    record Save(@NotNull(message = "请选择内容类型") @Pattern(regexp = "ARTICLE|VIDEO|AUDIO", message = "内容类型不正确") String type,
                @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题最多 100 字") String title,
                @Size(max = 300, message = "摘要最多 300 字") @Nullable String summary,
                @Size(max = 200_000, message = "正文过长") @Nullable String bodyHtml,
                @Size(max = 255, message = "封面标识不正确") @Nullable String coverKey,
                @Size(max = 255, message = "音视频标识不正确") @Nullable String mediaKey,
                @Size(max = 255, message = "朗读音频标识不正确") @Nullable String narrationKey,
                @Size(max = 20, message = "大字版图片最多 20 张")
                @Nullable List<@Size(max = 255, message = "图片标识不正确") String> largeImageKeys,
                @Positive(message = "时长必须大于 0") Integer lengthSeconds,
                @Size(max = 5, message = "主题最多 5 个") @Nullable List<String> topics,
                @Size(max = 6, message = "人群最多 6 个") @Nullable List<String> groups,
                @Size(max = 10, message = "纲要板块最多 10 个") @Nullable List<String> planSections,
                Boolean emergency,
                @Nullable OffsetDateTime emergencyUntil,
                @Positive(message = "单位不正确") Long unitId) {
    }

    /**
     * Filters of the staff list. {@code unitId} narrows a district admin's list to one unit (others always see their
     * own unit only); {@code mine} keeps the caller's own items.
     */
    record ListQuery(@Pattern(regexp = "DRAFT|IN_REVIEW|REJECTED|APPROVED|SCHEDULED|PUBLISHED|ARCHIVED",
                              message = "状态不正确") String status,
                     @Pattern(regexp = "ARTICLE|VIDEO|AUDIO", message = "内容类型不正确") String type,
                     @Size(max = 24, message = "主题不正确") String topic,
                     @Size(max = 24, message = "人群不正确") String group,
                     @Size(max = 24, message = "纲要板块不正确") String section,
                     @Size(max = 40, message = "关键词最多 40 字") String keyword,
                     @Positive(message = "单位不正确") Long unitId,
                     Boolean mine) {
    }

    record Reject(@Size(max = 500, message = "理由最多 500 字") String reason) {
    }

    /** 应急置顶: on with an end time (setting it again extends it), or off. */
    record Emergency(@NotNull(message = "请选择是否应急置顶") Boolean emergency, OffsetDateTime until) {
    }

    record Publish(OffsetDateTime at) {
    }

    record Progress(@NotNull(message = "请提供进度") @jakarta.validation.constraints.PositiveOrZero(message = "进度不能为负") Integer position) {
    }

    record StartRead(@Size(max = 32, message = "分享标识不正确") String shareToken) {
    }

    /**
     * @param imageKey optional: the key of an image the resident uploaded for this comment (purpose RESIDENT_IMAGE,
     *                 confirmed), as the upload policy gave it
     */
    record NewComment(@NotBlank(message = "评论内容不能为空") @Size(max = 300, message = "评论最多 300 字") String body,
                      @Size(max = 255, message = "图片标识不正确") String imageKey) {
    }

    @Schema(name = "CommentReviewRequest")
    record Review(@NotNull(message = "请选择通过或不通过") Boolean approve,
                  @Size(max = 200, message = "理由最多 200 字") String reason) {
    }
}
