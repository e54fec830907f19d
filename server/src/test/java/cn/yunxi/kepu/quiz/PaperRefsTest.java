package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class PaperRefsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AttemptViewFactory views = new AttemptViewFactory(json, null, null, null);

    @Test
    void referencesReadBackAsWritten() {
        List<PaperRef> refs = List.of(new PaperRef(12, List.of(2, 0, 3, 1)), new PaperRef(9_000_000_001L, List.of(0, 1)),
                new PaperRef(15, List.of()));
        String text = json.writeValueAsString(refs);

        assertThat(text).isEqualTo("[[12,[2,0,3,1]],[9000000001,[0,1]],[15,[]]]");
        assertThat(views.readRefs(text)).isEqualTo(refs);
        assertThat(views.readRefs("[]")).isEmpty();
    }

    @Test
    void answersAndResultsAreWrittenAsDataBindingWritesThemAndReadBack() {
        Map<Long, List<Integer>> answers = new HashMap<>();
        answers.put(12L, List.of(0, 2));
        answers.put(9_000_000_001L, List.of());
        answers.put(3L, List.of(1));
        List<Grading.ItemResult> results = List.of(new Grading.ItemResult(12, List.of(0, 2), true),
                new Grading.ItemResult(9_000_000_001L, List.of(), false), new Grading.ItemResult(3, List.of(1), false));

        assertThat(views.writeAnswers(answers)).isEqualTo(json.writeValueAsString(answers));
        assertThat(views.writeAnswers(Map.of())).isEqualTo("{}");
        assertThat(views.writeResults(results)).isEqualTo(json.writeValueAsString(results));
        assertThat(views.writeResults(List.of())).isEqualTo("[]");

        Attempt stored = new Attempt();
        stored.setAnswersJson(views.writeAnswers(answers));
        assertThat(views.answers(stored)).isEqualTo(answers);
        assertThat(json.readValue(views.writeResults(results), new TypeReference<List<Grading.ItemResult>>() { }))
                .isEqualTo(results);
    }

    @Test
    void malformedReferencesAreAnError() {
        for (String bad : new String[] {"{}", "[[1]]", "[[1,2]]", "[[1,[2],3]]", "[1]"}) {
            assertThatThrownBy(() -> views.readRefs(bad)).as(bad).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void aQuestionShownInAnotherOrderKeepsItsAnswer() {
        PaperItem inBank = new PaperItem(7, QuestionType.MULTIPLE, "哪些是可再生能源？", List.of("煤", "风能", "石油", "太阳能"),
                List.of(1, 3), "风能和太阳能", 5, 2);

        PaperItem shown = inBank.inOrder(List.of(3, 0, 1, 2));

        assertThat(shown.options()).containsExactly("太阳能", "煤", "风能", "石油");
        assertThat(shown.correct()).containsExactly(0, 2);
        assertThat(shown.stem()).isEqualTo(inBank.stem());
        assertThat(inBank.inOrder(List.of(0, 1, 2, 3))).isEqualTo(inBank);
    }
}
