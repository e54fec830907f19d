package cn.yunxi.kepu.quiz;

import java.time.OffsetDateTime;
import java.util.List;

import cn.yunxi.kepu.resident.PopulationGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A quiz as staff set it up. Contests need a window and a time limit. {@code paperMode} FIXED uses
 * {@code questionIds} in order; DRAWN draws per {@code drawRules} (their counts add up to
 * {@code questionCount}), or, without rules, at random (self-tests: spread across the 基准 benchmarks).
 */
record QuizRequest(
        @NotNull(message = "请选择答题类型") QuizKind kind,
        @NotBlank(message = "标题不能为空") @Size(max = 100, message = "标题最多 100 字") String title,
        @Size(max = 1000, message = "说明最多 1000 字") String description,
        OffsetDateTime opensAt,
        OffsetDateTime closesAt,
        @Min(value = 30, message = "限时至少 30 秒") @Max(value = 14400, message = "限时最多 4 小时") Integer timeLimitSeconds,
        @Min(value = 1, message = "答题次数至少 1 次") @Max(value = 100, message = "答题次数最多 100 次") Integer attemptsAllowed,
        @Min(value = 1, message = "题数至少 1 道") @Max(value = 100, message = "题数最多 100 道") Integer questionCount,
        @Min(value = 1, message = "每题分值至少 1 分") @Max(value = 100, message = "每题分值最多 100 分") Integer questionScore,
        @Min(value = 1, message = "及格线应为 1 到 100") @Max(value = 100, message = "及格线应为 1 到 100") Integer passPercent,
        String paperMode,
        @Size(max = 100, message = "固定试卷最多 100 道题") List<Long> questionIds,
        @Valid @Size(max = 20, message = "抽题规则最多 20 条") List<DrawRule> drawRules,
        @Size(max = 50, message = "参赛地区最多 50 个") List<String> eligibleRegions,
        List<PopulationGroup> eligibleGroups,
        @Size(max = 100, message = "证书名称最多 100 字") String certificateTitle) {
}
