package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.web.ApiException;

class GradingTest {

    static final PaperItem SINGLE = new PaperItem(1, QuestionType.SINGLE, "s", List.of("a", "b", "c", "d"), List.of(2), null, 1, 1);
    static final PaperItem MULTI = new PaperItem(2, QuestionType.MULTIPLE, "m", List.of("a", "b", "c", "d"), List.of(0, 3), null, 2, 2);
    static final PaperItem TF = new PaperItem(3, QuestionType.TRUE_FALSE, "t", QuestionType.TRUE_FALSE_OPTIONS, List.of(1), null, 3, 1);
    static final List<PaperItem> PAPER = List.of(SINGLE, MULTI, TF);

    @Test
    void everyTypeIsGradedAllOrNothing() {
        Grading.Result allRight = Grading.grade(PAPER, Grading.validate(PAPER,
                Map.of(1L, List.of(2), 2L, List.of(3, 0), 3L, List.of(1))));
        assertThat(allRight.correctCount()).isEqualTo(3);

        Grading.Result partial = Grading.grade(PAPER, Grading.validate(PAPER,
                Map.of(1L, List.of(1), 2L, List.of(0), 3L, List.of(1))));
        assertThat(partial.correctCount()).isEqualTo(1);
        assertThat(partial.items()).extracting(Grading.ItemResult::correct).containsExactly(false, false, true);

        Grading.Result superset = Grading.grade(PAPER, Map.of(2L, List.of(0, 1, 3)));
        assertThat(superset.items().get(1).correct()).isFalse();

        Map<Long, List<Integer>> clean = Grading.validate(PAPER, Map.of(2L, List.of(3, 2, 0), 1L, List.of()));
        assertThat(clean).containsOnly(Map.entry(2L, List.of(0, 2, 3)), Map.entry(1L, List.of()));
        // Selections and answers compare as sets, whatever their order (a legacy paper's answer may be unsorted).
        PaperItem unsortedAnswer = new PaperItem(4, QuestionType.MULTIPLE, "u", List.of("a", "b", "c", "d", "e", "f"),
                List.of(5, 1), null, 4, 2);
        assertThat(Grading.grade(List.of(unsortedAnswer), Map.of(4L, List.of(1, 5))).correctCount()).isEqualTo(1);
        assertThat(Grading.grade(List.of(unsortedAnswer), Map.of(4L, List.of(5))).correctCount()).isZero();

        Grading.Result unanswered = Grading.grade(PAPER, Map.of());
        assertThat(unanswered.correctCount()).isZero();
        assertThat(unanswered.items()).allSatisfy(i -> assertThat(i.selected()).isEmpty());
    }

    @Test
    void badAnswersAreRejected() {
        assertThatThrownBy(() -> Grading.validate(PAPER, Map.of(99L, List.of(0))))
                .isInstanceOf(ApiException.class).hasMessageContaining("不在本次试卷");
        assertThatThrownBy(() -> Grading.validate(PAPER, Map.of(1L, List.of(4))))
                .isInstanceOf(ApiException.class).hasMessageContaining("超出范围");
        assertThatThrownBy(() -> Grading.validate(PAPER, Map.of(3L, List.of(2))))
                .isInstanceOf(ApiException.class).hasMessageContaining("超出范围");
        assertThatThrownBy(() -> Grading.validate(PAPER, Map.of(1L, List.of(0, 1))))
                .isInstanceOf(ApiException.class).hasMessageContaining("只能选一个");
        assertThatThrownBy(() -> Grading.validate(PAPER, Map.of(2L, List.of(0, 0))))
                .isInstanceOf(ApiException.class).hasMessageContaining("重复");
        assertThatThrownBy(() -> Grading.validate(PAPER, Map.of(2L, java.util.Arrays.asList(0, null))))
                .isInstanceOf(ApiException.class).hasMessageContaining("超出范围");
        assertThatThrownBy(() -> Grading.validate(PAPER, Map.of(2L, List.of(-1))))
                .isInstanceOf(ApiException.class).hasMessageContaining("超出范围");
    }

    @Test
    void leaderboardValueOrdersByScoreThenTimeThenFinish() {
        LocalDateTime open = LocalDateTime.of(2026, 5, 1, 8, 0);
        long fastHigh = LeaderboardKey.encode(90, 60_000, open.plusMinutes(5), open);
        long slowHigh = LeaderboardKey.encode(90, 120_000, open.plusMinutes(3), open);
        long sameTimeLater = LeaderboardKey.encode(90, 60_000, open.plusMinutes(9), open);
        long low = LeaderboardKey.encode(80, 1_000, open.plusMinutes(1), open);
        assertThat(fastHigh).isGreaterThan(sameTimeLater);
        assertThat(sameTimeLater).isGreaterThan(slowHigh);
        assertThat(slowHigh).isGreaterThan(low);
        long max = LeaderboardKey.encode(1000, 0, open, open);
        assertThat(max).isLessThan(1L << 53);
        assertThat((long) (double) max).isEqualTo(max);
        assertThat(LeaderboardKey.score(fastHigh)).isEqualTo(90);
        assertThat(LeaderboardKey.durationMs(fastHigh)).isEqualTo(60_000);
    }

    @Test
    void questionRulesReportEveryProblem() {
        QuestionRequest bad = new QuestionRequest(QuestionType.SINGLE, " ", List.of("a"), List.of(0, 5), null, 7, null,
                null, 30, null);
        assertThat(QuestionRules.check(bad)).contains("题干不能为空", "选项应为 2 到 6 个", "正确答案超出选项范围",
                "难度应为 1（易）、2（中）、3（难）", "基准编号应为 1 到 26");
        QuestionRequest tf = new QuestionRequest(QuestionType.TRUE_FALSE, "地球是圆的", null, List.of(0), null, null,
                List.of("地理"), null, 14, null);
        assertThat(QuestionRules.check(tf)).isEmpty();
        assertThat(QuestionRules.normalise(tf).options()).containsExactly("正确", "错误");
        assertThat(CertificateService.newVerifyNo()).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]{20}");
    }

    /** Every position of a verification number draws from all 32 characters (no stuck or missing bits). */
    @Test
    void verificationNumbersUseTheWholeAlphabetAtEveryPosition() {
        List<Set<Character>> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            seen.add(new HashSet<>());
        }
        Set<String> numbers = new HashSet<>();
        for (int n = 0; n < 2000; n++) {
            String no = CertificateService.newVerifyNo();
            assertThat(no).matches("[0-9A-HJKMNP-TV-Z]{20}");
            numbers.add(no);
            for (int i = 0; i < 20; i++) {
                seen.get(i).add(no.charAt(i));
            }
        }
        assertThat(numbers).hasSize(2000);
        assertThat(seen).allSatisfy(chars -> assertThat(chars).hasSize(32));
    }
}
