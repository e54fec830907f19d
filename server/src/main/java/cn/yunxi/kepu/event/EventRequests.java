package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import cn.yunxi.kepu.resident.PopulationGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/** Request records of the event APIs. */
final class EventRequests {

    private EventRequests() {
    }

    /**
     * Create or (whole) edit an event.
     *
     * @param confirmSeatWithdrawal an edit whose capacity is below the confirmed seats must say {@code true}: a
     *                              mistyped capacity must not silently take seats from people (ignored on create)
     */
    record EventRequest(
            @NotNull(message = "请选择活动类型") EventKind kind,
            @NotBlank(message = "请填写活动名称") @Size(max = 100, message = "活动名称最多 100 字") String title,
            @Size(max = 10000, message = "活动介绍最多 10000 字") String description,
            Long organiserUnitId,
            @NotBlank(message = "请填写活动地点") @Size(max = 100, message = "地点名称最多 100 字") String venueName,
            @Size(max = 200, message = "详细地址最多 200 字") String venueAddress,
            @DecimalMin(value = "-90", message = "纬度超出范围") @DecimalMax(value = "90", message = "纬度超出范围") BigDecimal latitude,
            @DecimalMin(value = "-180", message = "经度超出范围") @DecimalMax(value = "180", message = "经度超出范围") BigDecimal longitude,
            @Min(value = 10, message = "签到范围至少 10 米") @Max(value = 50000, message = "签到范围最多 50 公里") Integer checkinRadiusM,
            @NotEmpty(message = "请至少安排一个场次") @Size(max = 60, message = "场次最多 60 个") List<@Valid @NotNull SessionRequest> sessions,
            @NotNull(message = "请填写报名开始时间") OffsetDateTime signupOpensAt,
            @NotNull(message = "请填写报名截止时间") OffsetDateTime signupClosesAt,
            OffsetDateTime cancelDeadline,
            @NotNull(message = "请填写名额") @Min(value = 1, message = "名额至少为 1") @Max(value = 100000, message = "名额最多 100000") Integer capacity,
            Boolean waitlistEnabled,
            @Size(max = 6, message = "人群最多 6 个") List<@NotNull PopulationGroup> eligibleGroups,
            @Size(max = 40, message = "地区最多 40 个") List<@Pattern(regexp = "\\d{6,12}", message = "地区编码格式不正确") String> eligibleRegions,
            @Min(value = 0, message = "年龄不能为负") @Max(value = 120, message = "年龄不合理") Integer minAge,
            @Min(value = 0, message = "年龄不能为负") @Max(value = 120, message = "年龄不合理") Integer maxAge,
            Boolean volunteersOnly,
            @Size(max = 20, message = "报名表最多 20 项") List<@Valid @NotNull FormField> formFields,
            @Size(max = 20, message = "指标最多 20 个") List<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "指标编码须为大写字母、数字和下划线") String> indicatorCodes,
            @Min(value = 1, message = "出勤比例至少 1%") @Max(value = 100, message = "出勤比例最多 100%") Integer minAttendancePercent,
            Boolean confirmSeatWithdrawal) {
    }

    /**
     * @param hours training hours credited for this session; defaults to its length, rounded to half hours
     */
    record SessionRequest(
            @NotNull(message = "请填写场次开始时间") OffsetDateTime startsAt,
            @NotNull(message = "请填写场次结束时间") OffsetDateTime endsAt,
            @DecimalMin(value = "0", message = "学时不能为负") @DecimalMax(value = "24", message = "单场学时最多 24") BigDecimal hours) {
    }

    /**
     * @param form                custom form answers, keyed by field key
     * @param subscribedTemplates the one-time subscribe messages the resident just accepted in the mini-program
     */
    record SignupRequest(JsonNode form,
                         @Size(max = 3, message = "订阅消息最多 3 类") List<@NotNull NoticeTemplate> subscribedTemplates) {
    }

    /** 代报名: someone without a smartphone, signed up by name and phone. */
    record ProxySignupRequest(
            @NotBlank(message = "请填写参加人姓名") @Size(max = 20, message = "姓名最多 20 字") String name,
            @NotBlank(message = "请填写参加人手机号") @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写 11 位手机号码") String phone,
            @Pattern(regexp = "\\d{6,12}", message = "地区编码格式不正确") String regionCode,
            PopulationGroup populationGroup,
            JsonNode form) {

        @Override
        public String toString() {
            return "ProxySignupRequest[***]";
        }
    }

    record ClaimRequest(@NotBlank(message = "请填写手机号") @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写 11 位手机号码") String phone) {

        @Override
        public String toString() {
            return "ClaimRequest[***]";
        }
    }

    record CheckinRequest(@NotBlank(message = "请扫描签到码") @Size(max = 200, message = "签到码格式不正确") String token,
                          @DecimalMin(value = "-90", message = "纬度超出范围") @DecimalMax(value = "90", message = "纬度超出范围") Double latitude,
                          @DecimalMin(value = "-180", message = "经度超出范围") @DecimalMax(value = "180", message = "经度超出范围") Double longitude) {
    }

    record TicketCheckinRequest(@NotBlank(message = "请扫描报名凭证") @Size(max = 200, message = "报名凭证格式不正确") String ticket,
                                Long sessionId) {
    }

    record BulkCheckinRequest(@NotEmpty(message = "请选择参加人") @Size(max = 500, message = "一次最多 500 人") List<@NotNull Long> signupIds) {
    }
}
