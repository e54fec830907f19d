package cn.yunxi.kepu.quiz;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A question with its answer, for staff. */
record QuestionView(long id, QuestionType type, String stem, List<String> options, List<Integer> answer,
                    @Nullable String explanation, int difficulty, List<String> topics, List<String> audienceGroups,
                    Integer benchmarkNo, QuestionPool pool, String status, boolean sampleData,
                    OffsetDateTime updatedAt) {
}
