package cn.yunxi.kepu.media;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

final class MediaRequests {

    private MediaRequests() {
    }

    record Policy(@NotNull(message = "请说明文件用途") MediaPurpose purpose,
                  @NotBlank(message = "请提供文件类型") @Size(max = 100, message = "文件类型过长") String contentType,
                  @Positive(message = "文件大小不正确") @Schema(description = "文件字节数（可选，超限时直接拒绝）") Long size) {
    }

    record Confirm(@NotBlank(message = "请提供文件标识") @Size(max = 255, message = "文件标识过长") String key) {
    }
}
