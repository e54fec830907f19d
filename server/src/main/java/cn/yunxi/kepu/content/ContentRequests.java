package cn.yunxi.kepu.content;

import java.time.OffsetDateTime;
import java.util.List;

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
                @Size(max = 300, message = "摘要最多 300 字") String summary,
                @Size(max = 200_000, message = "正文过长") String bodyHtml,
                @Size(max = 255) String coverKey,
                @Size(max = 255) String mediaKey,
                @Size(max = 255) String narrationKey,
                @Size(max = 20, message = "大字版图片最多 20 张") List<@Size(max = 255) String> largeImageKeys,
                @Positive(message = "时长必须大于 0") Integer lengthSeconds,
                @Size(max = 5) List<String> topics,
                @Size(max = 6) List<String> groups,
                @Size(max = 10) List<String> planSections,
                Boolean emergency,
                OffsetDateTime emergencyUntil,
                @Positive Long unitId) {
    }

    record Reject(@Size(max = 500, message = "理由最多 500 字") String reason) {
    }

    record Publish(OffsetDateTime at) {
    }

    record Progress(@NotNull(message = "请提供进度") @jakarta.validation.constraints.PositiveOrZero Integer position) {
    }

    record StartRead(@Size(max = 32) String shareToken) {
    }

    record NewComment(@NotBlank(message = "评论内容不能为空") @Size(max = 300, message = "评论最多 300 字") String body) {
    }

    record Review(@NotNull Boolean approve, @Size(max = 200) String reason) {
    }
}
