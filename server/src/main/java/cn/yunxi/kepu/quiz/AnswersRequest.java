package cn.yunxi.kepu.quiz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yunxi.kepu.common.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Answers by question: {@code selected} are indexes into the options as this attempt showed them. */
record AnswersRequest(@NotNull(message = "请提交答案") @Size(max = 200, message = "答案过多") @Valid List<Answer> answers) {

    record Answer(@NotNull(message = "缺少题目编号") Long questionId,
                  @NotNull(message = "缺少所选选项") @Size(max = 10, message = "所选选项过多") List<Integer> selected) {
    }

    Map<Long, List<Integer>> asMap() {
        Map<Long, List<Integer>> map = new LinkedHashMap<>();
        for (Answer answer : answers) {
            if (map.put(answer.questionId(), answer.selected()) != null) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "同一道题提交了两次答案");
            }
        }
        return map;
    }
}
