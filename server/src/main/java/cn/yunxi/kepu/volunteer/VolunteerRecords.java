package cn.yunxi.kepu.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Requests and views of the volunteer API. */
final class VolunteerRecords {

    private VolunteerRecords() {
    }

    record RegisterRequest(
            @NotBlank(message = "请填写真实姓名") @Size(max = 20, message = "姓名最多 20 字") String realName,
            @NotEmpty(message = "请至少填写一项专长") @Size(max = 10, message = "专长最多 10 项")
            List<@NotBlank(message = "专长不能为空") @Size(max = 20, message = "每项专长最多 20 字")
                    @Pattern(regexp = "[^,]*", message = "专长中不能含英文逗号") String> skills,
            @NotBlank(message = "请选择所在村（社区）") @Pattern(regexp = "\\d{6,12}", message = "地区编码格式不正确") String regionCode,
            @Size(max = 200, message = "可服务时间最多 200 字") String availability) {

        @Override
        public String toString() {
            return "RegisterRequest[skills=" + skills + ", regionCode=" + regionCode + "]";
        }
    }

    record ReviewRequest(@Size(max = 200, message = "审核意见最多 200 字") String note) {
    }

    /** @param name the masked real name; null once the resident deleted the account (the record stays, erased) */
    record VolunteerView(long id, long residentId, String status, @Nullable String name, List<String> skills,
                         String regionCode,
                         @Nullable String regionName, @Nullable String availability, @Nullable String reviewNote,
                         @Nullable OffsetDateTime reviewedAt, BigDecimal totalHours, int serviceCount,
                         OffsetDateTime createdAt) {
    }

    record ServiceView(long id, long eventId, String eventTitle, BigDecimal hours, LocalDate servedOn) {
    }

    /**
     * The certificate-style summary a volunteer can show or print.
     *
     * @param regionName    null when the volunteer's region code is no longer in the region tree
     * @param firstServedOn null until the first service is credited
     * @param lastServedOn  null until the first service is credited
     */
    record Certificate(String certificateNo, String name, @Nullable String regionName, List<String> skills,
                       BigDecimal totalHours, int serviceCount, @Nullable LocalDate firstServedOn,
                       @Nullable LocalDate lastServedOn,
                       OffsetDateTime issuedAt, String issuer, String statement) {
    }
}
