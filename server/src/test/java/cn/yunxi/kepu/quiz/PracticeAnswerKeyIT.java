package cn.yunxi.kepu.quiz;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Practice must never be an answer key for what a resident can be examined on: the whole attack (start a contest,
 * look every question up in practice, submit the answers found) is played and must find nothing.
 */
@KepuIntegrationTest
class PracticeAnswerKeyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String resident() {
        String token = Logins.residentToken(api);
        api.patch("/api/v1/me", token, ApiClient.json(Map.of("nickname", "答题人", "regionCode", "430603100201",
                "populationGroup", "FARMER")));
        return token;
    }

    Map<String, Object> contest(Map<String, Object> overrides) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "CONTEST");
        request.put("title", "知识竞赛");
        request.put("opensAt", OffsetDateTime.now(clock.withZone(Zones.SHANGHAI)).minusMinutes(1).toString());
        request.put("closesAt", OffsetDateTime.now(clock.withZone(Zones.SHANGHAI)).plusDays(7).toString());
        request.put("timeLimitSeconds", 600);
        request.put("questionScore", 10);
        request.put("drawRules", List.of(Map.of("count", 5)));
        request.putAll(overrides);
        return request;
    }

    long publish(Map<String, Object> overrides) {
        Response created = api.post("/api/admin/v1/quizzes", admin, ApiClient.json(contest(overrides)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Response published = api.post("/api/admin/v1/quizzes/" + id + "/publish", admin, "{}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }

    /** Looks each question of an open attempt up in practice; returns the answers practice gave away. */
    Map<Long, List<Integer>> lookUp(String token, JsonNode attempt) {
        Map<Long, List<Integer>> leaked = new LinkedHashMap<>();
        for (JsonNode q : attempt.path("questions")) {
            long id = q.path("questionId").asLong();
            Response r = api.post("/api/v1/practice/answers", token,
                    ApiClient.json(Map.of("questionId", id, "selected", List.of(0))));
            if (r.status() == 200) {
                List<Integer> key = new ArrayList<>();
                r.json().path("correctAnswer").forEach(i -> key.add(i.asInt()));
                leaked.put(id, key);
            } else {
                assertProblem(r, 404, "QUESTION_NOT_FOUND");
            }
        }
        return leaked;
    }

    @Test
    void aContestPaperCannotBeLookedUpInPractice() {
        String token = resident();
        long contest = publish(Map.of("certificateTitle", "竞赛合格证书"));
        Response started = api.post("/api/v1/quizzes/" + contest + "/attempts", token, "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        JsonNode attempt = started.json();
        assertThat(attempt.path("questions").size()).isEqualTo(5);

        Map<Long, List<Integer>> leaked = lookUp(token, attempt);
        assertThat(leaked).as("practice revealed the answers of an open contest paper").isEmpty();

        // Nor through the wrong book: a failed lookup never puts an exam question there.
        assertThat(api.get("/api/v1/practice/wrong-book", token).json().path("total").asLong()).isZero();
    }

    @Test
    void theDailyQuizAndTheSelfTestCannotBeLookedUpInPractice() {
        String token = resident();
        long daily = jdbc.queryForObject("SELECT id FROM quiz WHERE kind = 'DAILY' ORDER BY id LIMIT 1", Long.class);
        long selfTest = jdbc.queryForObject("SELECT id FROM quiz WHERE kind = 'SELF_TEST' ORDER BY id LIMIT 1", Long.class);
        for (long quiz : List.of(daily, selfTest)) {
            Response started = api.post("/api/v1/quizzes/" + quiz + "/attempts", token, "{}");
            assertThat(started.status()).as(started.toString()).isEqualTo(201);
            assertThat(lookUp(token, started.json())).as("quiz " + quiz).isEmpty();
        }
    }

    @Test
    void practiceNeverServesWhatAPaperCanHold() {
        String token = resident();
        List<Long> examPool = jdbc.queryForList(
                "SELECT id FROM quiz_question WHERE status = 'ACTIVE' AND pool = 'EXAM'", Long.class);
        for (int i = 0; i < 40; i++) {
            Response next = api.get("/api/v1/practice/next", token);
            assertThat(next.status()).as(next.toString()).isEqualTo(200);
            assertThat(examPool).doesNotContain(next.json().path("questionId").asLong());
        }
    }

    @Test
    void archivingTakesAQuestionOutOfEverythingAResidentCanDraw() {
        String token = resident();
        Response created = api.post("/api/admin/v1/quiz-questions", admin, ApiClient.json(Map.of(
                "type", "TRUE_FALSE", "stem", "练习题：岳阳位于洞庭湖畔。", "answer", List.of(0),
                "explanation", "岳阳在洞庭湖东岸。", "pool", "PRACTICE")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long practiceQuestion = created.json().path("id").asLong();
        // into the wrong book
        Response wrong = api.post("/api/v1/practice/answers", token,
                ApiClient.json(Map.of("questionId", practiceQuestion, "selected", List.of(1))));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(200);
        assertThat(wrong.json().path("inWrongBook").asBoolean()).isTrue();

        Response archived = api.post("/api/admin/v1/quiz-questions/" + practiceQuestion + "/archive", admin, "{}");
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertProblem(api.get("/api/v1/practice/next?source=WRONG_BOOK", token), 404, "WRONG_BOOK_EMPTY");
        assertProblem(api.post("/api/v1/practice/answers", token,
                ApiClient.json(Map.of("questionId", practiceQuestion, "selected", List.of(0)))), 404, "QUESTION_NOT_FOUND");
        assertThat(api.get("/api/v1/practice/wrong-book", token).json().path("total").asLong()).isZero();

        // A fixed paper drops an archived question for every attempt started afterwards.
        List<Long> exam = jdbc.queryForList("SELECT id FROM quiz_question WHERE status = 'ACTIVE' AND pool = 'EXAM' "
                + "ORDER BY id LIMIT 3", Long.class);
        long contest = publish(Map.of("paperMode", "FIXED", "questionIds", exam, "drawRules", List.of()));
        assertThat(api.post("/api/admin/v1/quiz-questions/" + exam.get(0) + "/archive", admin, "{}").status())
                .isEqualTo(200);
        JsonNode attempt = api.post("/api/v1/quizzes/" + contest + "/attempts", token, "{}").json();
        assertThat(attempt.path("questions").findValues("questionId").stream().map(JsonNode::asLong).toList())
                .doesNotContain(exam.get(0)).hasSize(2);
        assertThat(api.post("/api/admin/v1/quiz-questions/" + exam.get(0) + "/restore", admin, "{}").status())
                .isEqualTo(200);
    }

    @Test
    void aPracticeQuestionCannotBePutOnAnExamPaper() {
        Response created = api.post("/api/admin/v1/quiz-questions", admin, ApiClient.json(Map.of(
                "type", "TRUE_FALSE", "stem", "练习题：水的沸点与气压有关。", "answer", List.of(0), "pool", "PRACTICE",
                "explanation", "气压越低，沸点越低。")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Map<String, Object> request = contest(Map.of("paperMode", "FIXED", "drawRules", List.of(),
                "questionIds", List.of(created.json().path("id").asLong())));
        assertProblem(api.post("/api/admin/v1/quizzes", admin, ApiClient.json(request)), 400, "QUIZ_INVALID");
    }
}
