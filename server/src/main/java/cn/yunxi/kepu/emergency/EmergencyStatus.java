package cn.yunxi.kepu.emergency;

import java.time.LocalDateTime;

/** What staff see; ENDED is PUBLISHED with its end time passed, never stored. */
enum EmergencyStatus {
    PENDING("待审批"),
    PUBLISHED("已发布"),
    ENDED("已结束"),
    REJECTED("已驳回");

    private final String label;

    EmergencyStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static EmergencyStatus of(EmergencyRepository.Row row, LocalDateTime now) {
        EmergencyStatus stored = valueOf(row.status());
        return stored == PUBLISHED && !row.endsAt().isAfter(now) ? ENDED : stored;
    }
}
