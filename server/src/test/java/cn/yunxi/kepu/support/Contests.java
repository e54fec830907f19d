package cn.yunxi.kepu.support;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Contest quizzes as the console makes them: created and published by a district admin, open now for a week. */
public final class Contests {

    private Contests() {
    }

    /** A published contest of five questions from the bank, ten points each; returns its id. */
    public static long published(ApiClient api, String admin, String title) {
        Map<String, Object> request = Map.of("kind", "CONTEST", "title", title,
                "opensAt", OffsetDateTime.now().minusMinutes(1).toString(),
                "closesAt", OffsetDateTime.now().plusDays(7).toString(), "timeLimitSeconds", 600,
                "attemptsAllowed", 3, "questionScore", 10, "passPercent", 60,
                "drawRules", List.of(Map.of("difficulty", 1, "count", 3), Map.of("difficulty", 2, "count", 2)));
        ApiClient.Response created = api.post("/api/admin/v1/quizzes", admin, ApiClient.json(request));
        require(created, 201);
        long id = created.json().path("id").asLong();
        require(api.post("/api/admin/v1/quizzes/" + id + "/publish", admin, "{}"), 200);
        return id;
    }

    /** Starts an attempt as {@code resident}, answers {@code right} questions right, submits; returns the result. */
    public static ApiClient.Response take(ApiClient api, org.springframework.jdbc.core.JdbcTemplate jdbc,
                                          String resident, long quizId, int right) {
        ApiClient.Response started = api.post("/api/v1/quizzes/" + quizId + "/attempts", resident, "{}");
        require(started, 201);
        long attempt = started.json().path("id").asLong();
        return api.post("/api/v1/attempts/" + attempt + "/submit", resident,
                QuizAnswers.body(QuizAnswers.some(jdbc, attempt, right)));
    }

    private static void require(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
    }
}
