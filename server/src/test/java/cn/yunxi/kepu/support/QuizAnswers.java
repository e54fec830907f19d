package cn.yunxi.kepu.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Answers to a quiz attempt as a resident would send them; the right ones are read from the database. */
public final class QuizAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QuizAnswers() {
    }

    /**
     * The right answers of an attempt as shown positions, read from the question snapshots it refers to (the API
     * never reveals them while open): each snapshot keeps the options in bank order, the attempt their shown order.
     */
    public static Map<Long, List<Integer>> right(JdbcTemplate jdbc, long attemptId) {
        String refs = jdbc.queryForObject("SELECT paper_refs_json FROM quiz_attempt WHERE id = ?", String.class,
                attemptId);
        Map<Long, List<Integer>> answers = new LinkedHashMap<>();
        for (JsonNode ref : JSON.readTree(refs)) {
            JsonNode question = JSON.readTree(jdbc.queryForObject(
                    "SELECT body_json FROM quiz_question_snapshot WHERE id = ?", String.class, ref.get(0).asLong()));
            List<Integer> order = new ArrayList<>();
            ref.get(1).forEach(i -> order.add(i.asInt()));
            List<Integer> correct = new ArrayList<>();
            question.path("correct").forEach(i -> correct.add(order.indexOf(i.asInt())));
            correct.sort(null);
            answers.put(question.path("questionId").asLong(), correct);
        }
        return answers;
    }

    /** Right answers for the first {@code right} questions, a wrong one for the rest. */
    public static Map<Long, List<Integer>> some(JdbcTemplate jdbc, long attemptId, int right) {
        Map<Long, List<Integer>> answers = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Long, List<Integer>> e : right(jdbc, attemptId).entrySet()) {
            if (i++ < right) {
                answers.put(e.getKey(), e.getValue());
            } else {
                answers.put(e.getKey(), List.of(e.getValue().get(0) == 0 ? 1 : 0));
            }
        }
        return answers;
    }

    /** The submit body {@code {"answers":[{"questionId":..,"selected":[..]}, ...]}}. */
    public static String body(Map<Long, List<Integer>> answers) {
        List<Map<String, Object>> list = new ArrayList<>();
        answers.forEach((q, s) -> list.add(Map.of("questionId", q, "selected", s)));
        return ApiClient.json(Map.of("answers", list));
    }
}
