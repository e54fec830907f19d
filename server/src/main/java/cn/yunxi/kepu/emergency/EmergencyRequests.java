package cn.yunxi.kepu.emergency;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

final class EmergencyRequests {

    /** What the console asks the district admin to type before a template goes out. */
    static final String CONFIRM_TEXT = "确认发布";

    private EmergencyRequests() {
    }

    @Schema(name = "EmergencyTemplateRequest")
    record SaveTemplate(@NotNull(message = "请选择灾害类别") Hazard hazard,
                        @NotBlank(message = "请填写模板名称") @Size(max = 40, message = "模板名称最多 40 字") String name,
                        @NotBlank(message = "请填写标题") @Size(max = 40, message = "标题最多 40 字") String title,
                        @NotBlank(message = "请填写正文") @Size(max = 1000, message = "正文最多 1000 字") String body,
                        Boolean active) {
    }

    /**
     * @param wholeDistrict true for everyone; otherwise {@code regionCodes} names towns and/or villages
     * @param confirmText   must be {@value EmergencyRequests#CONFIRM_TEXT}: the one-step second confirmation
     */
    @Schema(name = "EmergencyFromTemplateRequest")
    record FromTemplate(@NotNull(message = "请选择模板") Long templateId,
                        @NotNull(message = "请选择通知范围") Boolean wholeDistrict,
                        @Size(max = 200, message = "所选区域过多") List<@NotBlank(message = "区域不能为空") String> regionCodes,
                        @NotNull(message = "请设置结束时间") OffsetDateTime endsAt,
                        String confirmText) {
    }

    /** Free text: published only once another district admin approves it. */
    @Schema(name = "EmergencyFreeTextRequest")
    record FreeText(@NotBlank(message = "请填写标题") @Size(max = 40, message = "标题最多 40 字") String title,
                    @NotBlank(message = "请填写正文") @Size(max = 1000, message = "正文最多 1000 字") String body,
                    @NotNull(message = "请选择通知范围") Boolean wholeDistrict,
                    @Size(max = 200, message = "所选区域过多") List<@NotBlank(message = "区域不能为空") String> regionCodes,
                    @NotNull(message = "请设置结束时间") OffsetDateTime endsAt) {
    }

    @Schema(name = "EmergencyRejectRequest")
    record Reject(@Size(max = 200, message = "驳回理由最多 200 字") String reason) {
    }
}
