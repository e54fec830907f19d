package cn.yunxi.kepu.emergency;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

final class EmergencyViews {

    private EmergencyViews() {
    }

    @Schema(name = "EmergencyTemplateView")
    record TemplateView(long id, Hazard hazard, String hazardLabel, String name, String title, String body,
                        boolean example, boolean active, OffsetDateTime updatedAt) {
    }

    @Schema(name = "EmergencyTargetView")
    record TargetView(String code, String name) {
    }

    /** An entry of the audit trail: who did what, when. */
    @Schema(name = "EmergencyAuditView")
    record AuditView(String action, String actionLabel, long staffId, String staffName, OffsetDateTime at) {
    }

    /**
     * How the messages went: {@code noQuota} had accepted once but had no acceptance left (they see the banner),
     * {@code refused} were refused by WeChat (43101), {@code read} residents tapped 我知道了 on the banner.
     */
    @Schema(name = "EmergencyDeliveryView")
    record DeliveryView(int pending, int sent, int noQuota, int refused, int failed, int read) {
    }

    /** @param status PENDING (待审批), PUBLISHED (已发布), ENDED (已结束), REJECTED (已驳回) */
    @Schema(name = "EmergencyView")
    record EmergencyView(long id, String source, @Nullable Long templateId, String title, String body, String status,
                         String statusLabel, boolean wholeDistrict, List<TargetView> targets, OffsetDateTime endsAt,
                         long draftedBy, String draftedByName, OffsetDateTime draftedAt,
                         @Nullable Long approvedBy, @Nullable String approvedByName,
                         @Nullable OffsetDateTime approvedAt, @Nullable OffsetDateTime publishedAt,
                         @Nullable String rejectReason, DeliveryView delivery, List<AuditView> audit) {
    }

    /** What a resident sees on the banner. */
    @Schema(name = "ActiveEmergencyView")
    record ActiveView(long id, String title, String body, OffsetDateTime publishedAt, OffsetDateTime endsAt,
                      boolean read) {
    }

    /**
     * @param templateId the WeChat template id for {@code wx.requestSubscribeMessage}; null when messages are off
     * @param remaining  messages the resident has accepted and not yet received
     */
    @Schema(name = "EmergencySubscriptionView")
    record SubscriptionView(@Nullable String templateId, int remaining) {
    }
}
