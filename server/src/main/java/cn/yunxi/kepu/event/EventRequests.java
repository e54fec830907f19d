package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import cn.yunxi.kepu.resident.PopulationGroup;
import io.swagger.v3.oas.annotations.media.Schema;
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
     * @param organiserOfficerResidentIds resident ids of the approved 科普信息员 / 科普宣传员 who organise or
     *                              co-organise the event (finishing it credits each with an activity); null leaves
     *                              them unchanged on an edit, an empty list removes them
     */
    record EventRequest(
            @NotNull(message = "请选择活动类型") EventKind kind,
            @NotBlank(message = "请填写活动名称") @Size(max = 100, message = "活动名称最多 100 字") String title,
            @Size(max = 10000, message = "活动介绍最多 10000 字") String description,
            @Schema(description = "主办单位。区级管理员创建时必填；乡镇、部门工作人员不填即本单位，填也只能填本单位；编辑时不填则不变")
            Long organiserUnitId,
            @NotBlank(message = "请填写活动地点") @Size(max = 100, message = "地点名称最多 100 字") String venueName,
            @Size(max = 200, message = "详细地址最多 200 字") String venueAddress,
            @DecimalMin(value = "-90", message = "纬度超出范围") @DecimalMax(value = "90", message = "纬度超出范围") BigDecimal latitude,
            @DecimalMin(value = "-180", message = "经度超出范围") @DecimalMax(value = "180", message = "经度超出范围") BigDecimal longitude,
            @Min(value = 10, message = "签到范围至少 10 米") @Max(value = 50000, message = "签到范围最多 50 公里")
            @Schema(description = "签到范围（米）；不填为 500", defaultValue = "500") Integer checkinRadiusM,
            @NotEmpty(message = "请至少安排一个场次") @Size(max = 60, message = "场次最多 60 个") List<@Valid @NotNull SessionRequest> sessions,
            @NotNull(message = "请填写报名开始时间") OffsetDateTime signupOpensAt,
            @NotNull(message = "请填写报名截止时间") OffsetDateTime signupClosesAt,
            @Schema(description = "取消报名截止时间，不得晚于活动结束；不填则为第一场开始时间")
            OffsetDateTime cancelDeadline,
            @NotNull(message = "请填写名额") @Min(value = 1, message = "名额至少为 1") @Max(value = 100000, message = "名额最多 100000") Integer capacity,
            @Schema(description = "名额满后是否候补；不填为是", defaultValue = "true") Boolean waitlistEnabled,
            @Size(max = 6, message = "人群最多 6 个") List<@NotNull PopulationGroup> eligibleGroups,
            @Size(max = 40, message = "地区最多 40 个") List<@Pattern(regexp = "\\d{6,12}", message = "地区编码格式不正确") String> eligibleRegions,
            @Min(value = 0, message = "年龄不能为负") @Max(value = 120, message = "年龄不合理") Integer minAge,
            @Min(value = 0, message = "年龄不能为负") @Max(value = 120, message = "年龄不合理") Integer maxAge,
            @Schema(description = "仅限志愿者报名；不填为否", defaultValue = "false") Boolean volunteersOnly,
            @Size(max = 20, message = "报名表最多 20 项") List<@Valid @NotNull FormField> formFields,
            @Size(max = 20, message = "指标最多 20 个") List<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "指标编码须为大写字母、数字和下划线") String> indicatorCodes,
            @Min(value = 1, message = "出勤比例至少 1%") @Max(value = 100, message = "出勤比例最多 100%")
            @Schema(description = "计为出勤的最低签到场次比例（%）；不填为 60", defaultValue = "60") Integer minAttendancePercent,
            @Schema(description = "编辑时名额低于已确认人数须为 true（创建时忽略）", defaultValue = "false")
            Boolean confirmSeatWithdrawal,
            @Size(max = 20, message = "组织活动的科普信息员最多 20 人") List<@NotNull(message = "请选择科普信息员") Long> organiserOfficerResidentIds) {
    }

    /**
     * @param hours training hours credited for this session; defaults to its length, rounded to half hours
     */
    record SessionRequest(
            @NotNull(message = "请填写场次开始时间") OffsetDateTime startsAt,
            @NotNull(message = "请填写场次结束时间") OffsetDateTime endsAt,
            @DecimalMin(value = "0", message = "学时不能为负") @DecimalMax(value = "24", message = "单场学时最多 24")
            @Schema(description = "本场计入的学时；不填为场次时长，按半小时取整") BigDecimal hours) {
    }

    /**
     * @param form                custom form answers, keyed by field key
     * @param subscribedTemplates the one-time subscribe messages the resident just accepted in the mini-program
     */
    record SignupRequest(JsonNode form,
                         @Size(max = 3, message = "订阅消息最多 3 类") List<@NotNull NoticeTemplate> subscribedTemplates) {
    }

    /**
     * 代报名: someone without a smartphone, signed up by name and phone. The event's conditions are checked on what
     * the proxier declares here (region, group, birth year); a condition the declaration leaves open is refused.
     */
    record ProxySignupRequest(
            @NotBlank(message = "请填写参加人姓名") @Size(max = 20, message = "姓名最多 20 字") String name,
            @NotBlank(message = "请填写参加人手机号") @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写 11 位手机号码") String phone,
            @Pattern(regexp = "\\d{6,12}", message = "地区编码格式不正确") String regionCode,
            PopulationGroup populationGroup,
            @Min(value = 1900, message = "出生年份不合理") @Max(value = 2100, message = "出生年份不合理") Integer birthYear,
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

    record TicketCheckinRequest(@NotBlank(message = "请扫描报名凭证") @Size(max = 600, message = "报名凭证格式不正确") String ticket,
                                Long sessionId, CheckinTokens.Purpose purpose) {
        CheckinTokens.Purpose purposeOrIn() {
            return purpose == null ? CheckinTokens.Purpose.IN : purpose;
        }
    }

    record BindOrganiserRequest(@NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
                                @NotBlank(message = "请输入密码") @Size(max = 200, message = "密码过长") String password) {
    }

    /** A walk-in: who they are (checked against the event's conditions) and, optionally, the session. */
    record WalkInRequest(@NotNull(message = "请填写参加人信息") @Valid ProxySignupRequest person, Long sessionId) {
    }

    enum SyncKind {
        /** a ticket QR scanned on the phone */
        TICKET,
        /** a name ticked on the downloaded roster */
        TICK
    }

    /**
     * One scan or tick made on the organiser's phone, possibly without network.
     *
     * @param opId the phone's id for the operation (a UUID): resent operations count once
     * @param at   when it happened on the phone
     */
    record SyncOp(@NotBlank(message = "缺少操作编号") @Pattern(regexp = "[A-Za-z0-9-]{8,64}", message = "操作编号格式不正确") String opId,
                  @NotNull(message = "缺少操作类型") SyncKind kind,
                  @Size(max = 600, message = "报名凭证格式不正确") String ticket,
                  Long signupId,
                  @NotNull(message = "缺少场次") Long sessionId,
                  @NotNull(message = "请选择签到或签退") CheckinTokens.Purpose purpose,
                  @NotNull(message = "缺少发生时间") OffsetDateTime at) {
    }

    record SyncRequest(@NotEmpty(message = "没有要同步的操作") @Size(max = 200, message = "一次最多同步 200 条") List<@NotNull @Valid SyncOp> ops) {
    }

    record TickRequest(@NotNull(message = "请选择参加人") Long signupId,
                       @NotNull(message = "请选择签到或签退") CheckinTokens.Purpose purpose) {
    }

    record BulkCheckinRequest(@NotEmpty(message = "请选择参加人") @Size(max = 500, message = "一次最多 500 人") List<@NotNull Long> signupIds) {
    }
}
