package cn.yunxi.kepu.quiz;

import java.util.List;

import cn.yunxi.kepu.resident.PopulationGroup;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A question as staff author it. {@code answer} holds 0-based indexes into {@code options}; for true/false the
 * options are always 正确/错误 (index 0 = 正确) and may be omitted. {@code pool} defaults to EXAM (papers only);
 * PRACTICE questions are only used by practice, which shows their answers.
 */
record QuestionRequest(
        @NotNull(message = "请选择题型") QuestionType type,
        @NotBlank(message = "题干不能为空") @Size(max = 500, message = "题干最多 500 字") String stem,
        List<String> options,
        @NotNull(message = "请设置正确答案") List<Integer> answer,
        @Size(max = 1000, message = "解析最多 1000 字") String explanation,
        Integer difficulty,
        List<String> topics,
        List<PopulationGroup> audienceGroups,
        Integer benchmarkNo,
        QuestionPool pool) {
}
