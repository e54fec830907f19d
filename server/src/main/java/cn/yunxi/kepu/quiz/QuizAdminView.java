package cn.yunxi.kepu.quiz;

import java.time.OffsetDateTime;
import java.util.List;

/** A quiz with its rules, for staff. */
record QuizAdminView(long id, QuizKind kind, String title, String description, String status, OffsetDateTime opensAt,
                     OffsetDateTime closesAt, Integer timeLimitSeconds, int attemptsAllowed, int questionCount,
                     int questionScore, int passPercent, String paperMode, List<Long> questionIds,
                     List<DrawRule> drawRules, List<String> eligibleRegions, List<String> eligibleGroups,
                     String certificateTitle, Long ownerUnitId, OffsetDateTime createdAt) {
}
