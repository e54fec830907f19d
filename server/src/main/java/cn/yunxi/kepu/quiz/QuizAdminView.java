package cn.yunxi.kepu.quiz;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A quiz with its rules, for staff. */
record QuizAdminView(long id, QuizKind kind, String title, @Nullable String description, String status,
                     @Nullable OffsetDateTime opensAt, @Nullable OffsetDateTime closesAt, Integer timeLimitSeconds,
                     int attemptsAllowed, int questionCount, int questionScore, int passPercent, String paperMode,
                     List<Long> questionIds, List<DrawRule> drawRules, List<String> eligibleRegions,
                     List<String> eligibleGroups, @Nullable String certificateTitle, Long ownerUnitId,
                     OffsetDateTime createdAt) {
}
