package cn.yunxi.kepu.quiz;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An attempt as its owner sees it. While it is open, {@code questions} carry no answers and {@code result} is null.
 * Once graded, {@code result.items} carry every question with its options as shown, the resident's choice, the answer
 * and the explanation, and {@code questions} is empty: repeating the stems and options there doubled the answer to a
 * submission (on a village phone's network, and in the server's cost of a submit) for nothing the app reads.
 *
 * @param deadline   the server's deadline; answers after it (plus a small grace) do not count
 * @param countdown  false when the app should show no timer (关怀模式 daily/practice, untimed quizzes)
 * @param serverNow  the server's clock, so the app can correct for a phone's wrong time
 */
record AttemptView(long id, long quizId, QuizKind kind, String title, int attemptNo, String status,
                   OffsetDateTime startedAt, OffsetDateTime deadline, boolean countdown, OffsetDateTime serverNow,
                   List<ShownQuestion> questions, Map<Long, List<Integer>> savedAnswers, @Nullable Result result) {

    record ShownQuestion(long questionId, QuestionType type, String typeLabel, String stem, List<String> options) {
    }

    @Schema(name = "AttemptResult")
    record Result(int score, int maxScore, int correctCount, int questionCount, boolean passed, boolean late,
                  long durationMs, OffsetDateTime finishedAt, @Nullable String certificateNo, List<ResultItem> items) {
    }

    record ResultItem(long questionId, String stem, List<String> options, List<Integer> selected,
                      List<Integer> correctAnswer, boolean correct, @Nullable String explanation) {
    }
}
