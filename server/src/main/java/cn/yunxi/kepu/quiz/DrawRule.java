package cn.yunxi.kepu.quiz;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Draw {@code count} questions matching every given filter (null = any). */
record DrawRule(@Min(value = 1, message = "难度应为 1 到 3") @Max(value = 3, message = "难度应为 1 到 3") Integer difficulty,
                @Nullable String topic,
                @Min(value = 1, message = "基准编号应为 1 到 26") @Max(value = 26, message = "基准编号应为 1 到 26") Integer benchmarkNo,
                @NotNull(message = "请填写题数") @Min(value = 1, message = "题数至少为 1") @Max(value = 100, message = "题数最多 100") Integer count) {

    boolean matches(Question q) {
        return (difficulty == null || difficulty.equals(q.getDifficulty()))
                && (benchmarkNo == null || benchmarkNo.equals(q.getBenchmarkNo()))
                && (topic == null || topic.isBlank() || QuestionBankService.split(q.getTopics()).contains(topic.strip()));
    }
}
