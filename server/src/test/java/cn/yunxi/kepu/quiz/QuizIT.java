package cn.yunxi.kepu.quiz;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

import cn.yunxi.kepu.common.participation.ParticipationsRecorded;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.WeChatFake;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.QuizAnswers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@KepuIntegrationTest
class QuizIT {

    static final String VILLAGE = "430603100201";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    AttemptSweeper sweeper;
    @Autowired
    RequestMappingHandlerAdapter handlers;
    @Autowired
    QuizCatalog catalog;
    @Autowired
    QuizMapper quizzes;

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

    // ---------- helpers ----------

    String resident(String nickname) {
        String token = Logins.residentToken(api);
        Response r = api.patch("/api/v1/me", token, ApiClient.json(Map.of("nickname", nickname, "regionCode", VILLAGE,
                "populationGroup", "FARMER")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return token;
    }

    long quizId(String kind) {
        return jdbc.queryForObject("SELECT id FROM quiz WHERE kind = ? ORDER BY id LIMIT 1", Long.class, kind);
    }

    Map<Long, List<Integer>> rightAnswers(long attemptId) {
        return QuizAnswers.right(jdbc, attemptId);
    }

    static String body(Map<Long, List<Integer>> answers) {
        return QuizAnswers.body(answers);
    }

    /** Right answers for the first {@code right} questions, a wrong one for the rest. */
    Map<Long, List<Integer>> answers(long attemptId, int right) {
        return QuizAnswers.some(jdbc, attemptId, right);
    }

    long createContest(Map<String, Object> overrides) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "CONTEST");
        request.put("title", "湖南省科学素质网络大赛 云溪赛区");
        request.put("opensAt", OffsetDateTime.now(clock.withZone(Zones.SHANGHAI)).minusMinutes(1).toString());
        request.put("closesAt", OffsetDateTime.now(clock.withZone(Zones.SHANGHAI)).plusDays(7).toString());
        request.put("timeLimitSeconds", 600);
        request.put("attemptsAllowed", 3);
        request.put("questionScore", 10);
        request.put("passPercent", 60);
        request.put("drawRules", List.of(Map.of("difficulty", 1, "count", 3), Map.of("difficulty", 2, "count", 2)));
        request.putAll(overrides);
        Response created = api.post("/api/admin/v1/quizzes", admin, ApiClient.json(request));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Response published = api.post("/api/admin/v1/quizzes/" + id + "/publish", admin, "{}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }

    JsonNode start(String token, long quizId) {
        Response r = api.post("/api/v1/quizzes/" + quizId + "/attempts", token, "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** PUT with a JSON body (the shared ApiClient has no PUT). */
    Response put(String path, String token, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------- tests ----------

    @Test
    void dailyQuizGradesAwardsCappedPointsAndCountsStreaksAcrossMidnight() {
        // 23:50 in Shanghai: the first run is on day 1, the second (after midnight) on day 2.
        clock.pin(LocalDateTime.of(2030, 3, 10, 23, 50).atZone(Zones.SHANGHAI).toInstant());
        String token = resident("老周");
        long daily = quizId("DAILY");

        JsonNode listed = api.get("/api/v1/quizzes", token).json();
        assertThat(listed.findValues("kind").stream().map(JsonNode::asString).toList())
                .contains("DAILY", "PRACTICE", "SELF_TEST");

        JsonNode attempt = start(token, daily);
        assertThat(attempt.path("questions").size()).isEqualTo(5);
        assertThat(attempt.toString()).doesNotContain("\"correct\"").doesNotContain("explanation");
        assertThat(attempt.path("countdown").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(attempt.path("deadline").asString()))
                .isEqualTo(OffsetDateTime.parse("2030-03-10T23:55:00+08:00"));
        long id = attempt.path("id").asLong();

        // Starting again resumes the same attempt rather than burning another.
        assertThat(start(token, daily).path("id").asLong()).isEqualTo(id);

        Response submitted = api.post("/api/v1/attempts/" + id + "/submit", token, body(answers(id, 4)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode result = submitted.json().path("result");
        assertThat(result.path("correctCount").asInt()).isEqualTo(4);
        assertThat(result.path("score").asInt()).isEqualTo(40);
        assertThat(result.path("items").get(0).path("explanation").isMissingNode()).isFalse();

        assertProblem(api.post("/api/v1/quizzes/" + daily + "/attempts", token, "{}"), 409, "DAILY_ALREADY_DONE");
        // 4 right × 2 points = 8, under the daily cap of 10
        assertThat(api.get("/api/v1/me/points", token).json().path("balance").asLong()).isEqualTo(8);
        assertThat(api.get("/api/v1/me/daily-streak", token).json().path("current").asInt()).isEqualTo(1);

        // Past midnight (Asia/Shanghai) it is a new day: a new run, and the streak grows.
        clock.advance(Duration.ofMinutes(15));
        long second = start(token, daily).path("id").asLong();
        Response again = api.post("/api/v1/attempts/" + second + "/submit", token, body(answers(second, 5)));
        assertThat(again.json().path("result").path("correctCount").asInt()).isEqualTo(5);
        JsonNode streak = api.get("/api/v1/me/daily-streak", token).json();
        assertThat(streak.path("current").asInt()).isEqualTo(2);
        assertThat(streak.path("lastDay").asString()).isEqualTo("2030-03-11");
        // 5 right × 2 = 10 on the new day: the cap is per day, so the balance reaches 18
        JsonNode points = api.get("/api/v1/me/points", token).json();
        assertThat(points.path("balance").asLong()).isEqualTo(18);
        Long residentId = jdbc.queryForObject("SELECT resident_id FROM quiz_attempt WHERE id = ?", Long.class, second);

        // A day skipped breaks the streak: the same resident, back two days later (a new login, the old token expired).
        clock.advance(Duration.ofDays(2));
        String back = loginAgain(residentId);
        assertThat(api.get("/api/v1/me/daily-streak", back).json().path("current").asInt()).isZero();
        long third = start(back, daily).path("id").asLong();
        api.post("/api/v1/attempts/" + third + "/submit", back, body(answers(third, 3)));
        JsonNode restarted = api.get("/api/v1/me/daily-streak", back).json();
        assertThat(restarted.path("current").asInt()).isEqualTo(1);
        assertThat(restarted.path("lastDay").asString()).isEqualTo("2030-03-13");
    }

    /** A new login of the same resident (the old access token has expired on the moved clock). */
    String loginAgain(long residentId) {
        String openid = jdbc.queryForObject("SELECT openid FROM resident WHERE id = ?", String.class, residentId);
        String code = "again-" + System.nanoTime();
        WeChatFake.loginSucceeds(code, openid);
        return api.post("/api/v1/auth/wechat-login", null, ApiClient.json(Map.of("code", code)),
                Map.of("X-Forwarded-For", Logins.clientAddress())).json().path("accessToken").asString();
    }

    @Test
    void elderModeDailyAndSelfTestHaveNoCountdownButAContestKeepsItsClock() {
        String token = resident("王奶奶");
        api.patch("/api/v1/me", token, "{\"elderMode\":true}");
        long contest = createContest(Map.of());
        for (String kind : List.of("DAILY", "SELF_TEST")) {
            JsonNode attempt = start(token, quizId(kind));
            assertThat(attempt.path("countdown").asBoolean()).as(kind).isFalse();
            JsonNode card = cardOf(token, kind);
            assertThat(card.path("countdown").asBoolean()).as(kind).isFalse();
            assertThat(card.path("timeLimitSeconds").isNull()).as(kind).isTrue();
        }
        assertThat(start(token, contest).path("countdown").asBoolean()).isTrue();
    }

    JsonNode cardOf(String token, String kind) {
        for (JsonNode c : api.get("/api/v1/quizzes", token).json()) {
            if (c.path("kind").asString().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no " + kind + " card");
    }

    @Test
    void answerPayloadsAreValidated() {
        String token = resident("小李");
        long contest = createContest(Map.of());
        JsonNode attempt = start(token, contest);
        long id = attempt.path("id").asLong();
        long q = attempt.path("questions").get(0).path("questionId").asLong();

        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token,
                body(Map.of(999_999L, List.of(0)))), 400, "ANSWER_INVALID");
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token,
                body(Map.of(q, List.of(9)))), 400, "ANSWER_INVALID");
        String type = attempt.path("questions").get(0).path("type").asString();
        if (!type.equals("MULTIPLE")) {
            assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token, body(Map.of(q, List.of(0, 1)))), 400,
                    "ANSWER_INVALID");
        }
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token, "{\"answers\":[{\"questionId\":\"x\"}]}"),
                400, "MALFORMED_REQUEST");
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token, "{}"), 400, "VALIDATION_FAILED");
        // The answer sheet is read by AnswerSheetArgument when it is plain JSON, by Spring otherwise: same answers.
        List<Class<?>> resolvers = handlers.getArgumentResolvers().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(resolvers.indexOf(AnswerSheetArgument.class)).isNotNegative()
                .isLessThan(resolvers.indexOf(RequestResponseBodyMethodProcessor.class));
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token, "null"), 400, "MALFORMED_REQUEST");
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token, ""), 400, "MALFORMED_REQUEST");
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token, "{} {}"), 400, "MALFORMED_REQUEST");
        assertProblem(api.postRaw("/api/v1/attempts/" + id + "/submit", token, "text/plain", "{}"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(api.postRaw("/api/v1/attempts/" + id + "/submit", token, "application/json;charset=ISO-8859-1",
                "{}"), 400, "VALIDATION_FAILED");
        Response noSelection = api.post("/api/v1/attempts/" + id + "/submit", token,
                "{\"answers\":[{\"questionId\":" + q + "}]}");
        assertProblem(noSelection, 400, "ANSWER_INVALID");
        assertThat(noSelection.json().path("detail").asString()).isEqualTo("缺少所选选项");
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token, "{\"answers\":[{\"selected\":[0]}]}"),
                400, "ANSWER_INVALID");
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token, "{\"answers\":[null]}"), 400,
                "ANSWER_INVALID");
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", token,
                "{\"answers\":[{\"questionId\":" + q + ",\"selected\":[0,1,2,3,4,5,6,7,8,9,10]}]}"), 400,
                "ANSWER_INVALID");
        // Still open after the rejected payloads.
        assertThat(api.get("/api/v1/attempts/" + id, token).json().path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void theServerOwnsTheClock() {
        String token = resident("赶时间");
        long contest = createContest(Map.of("timeLimitSeconds", 60));

        // Late submit: after deadline + grace the submitted answers do not count.
        JsonNode first = start(token, contest);
        long lateId = first.path("id").asLong();
        clock.advance(Duration.ofSeconds(60 + 30));
        Response late = api.post("/api/v1/attempts/" + lateId + "/submit", token, body(answers(lateId, 5)));
        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        assertThat(late.json().path("status").asString()).isEqualTo("EXPIRED");
        assertThat(late.json().path("result").path("late").asBoolean()).isTrue();
        assertThat(late.json().path("result").path("score").asInt()).isZero();
        assertThat(late.json().path("result").path("durationMs").asLong()).isEqualTo(60_000);

        // Within the grace the answers count.
        long graceId = start(token, contest).path("id").asLong();
        clock.advance(Duration.ofSeconds(65));
        Response inGrace = api.post("/api/v1/attempts/" + graceId + "/submit", token, body(answers(graceId, 5)));
        assertThat(inGrace.json().path("result").path("score").asInt()).isEqualTo(50);

        // Left open: closed and graded at its deadline with what was saved.
        long leftId = start(token, contest).path("id").asLong();
        Map<Long, List<Integer>> two = new LinkedHashMap<>();
        answers(leftId, 5).entrySet().stream().limit(2).forEach(e -> two.put(e.getKey(), e.getValue()));
        assertThat(put("/api/v1/attempts/" + leftId + "/answers", token, body(two)).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));
        assertProblem(put("/api/v1/attempts/" + leftId + "/answers", token, body(two)), 409, "ATTEMPT_CLOSED");
        assertThat(sweeper.closeOverdue()).isGreaterThanOrEqualTo(1);
        JsonNode closed = api.get("/api/v1/attempts/" + leftId, token).json();
        assertThat(closed.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(closed.path("result").path("score").asInt()).isEqualTo(20);
        assertThat(closed.path("result").path("late").asBoolean()).isFalse();

        // Attempts allowed: 3 used.
        assertProblem(api.post("/api/v1/quizzes/" + contest + "/attempts", token, "{}"), 409, "ATTEMPTS_USED_UP");
    }

    @Test
    void concurrentSubmitsGiveOneResult() throws Exception {
        String token = resident("手快");
        long contest = createContest(Map.of());
        long id = start(token, contest).path("id").asLong();
        String answers = body(answers(id, 4));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> api.post("/api/v1/attempts/" + id + "/submit", token, answers));
        }
        List<Future<Response>> futures = pool.invokeAll(calls);
        pool.shutdown();
        Set<String> results = new HashSet<>();
        for (Future<Response> f : futures) {
            Response r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode result = r.json().path("result");
            results.add(result.path("score").asInt() + "@" + result.path("finishedAt").asString());
        }
        assertThat(results).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt WHERE id = ? AND status = 'SUBMITTED'",
                Integer.class, id)).isEqualTo(1);
        Long residentId = jdbc.queryForObject("SELECT resident_id FROM quiz_attempt WHERE id = ?", Long.class, id);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE resident_id = ? AND reason = 'CONTEST'",
                Integer.class, residentId)).isEqualTo(2); // joined + passed, once each
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_certificate WHERE resident_id = ?", Integer.class,
                residentId)).isEqualTo(1);
    }

    /**
     * A crowd submitting at once is graded in batches (SubmissionBatcher): each submission must still get exactly
     * its own result, and one bad submission in a batch must not spoil the others.
     */
    @Test
    void aCrowdSubmittingAtOnceGetsItsOwnResultsAndOneBadSubmissionSpoilsNothing() throws Exception {
        long contest = createContest(Map.of());
        int crowd = 24;
        List<String> tokens = new ArrayList<>();
        List<Long> attempts = new ArrayList<>();
        for (int i = 0; i < crowd; i++) {
            String token = resident("赛" + i);
            tokens.add(token);
            attempts.add(start(token, contest).path("id").asLong());
        }
        String stranger = resident("旁人");
        long strangersOwn = start(stranger, contest).path("id").asLong();
        // resident i answers i % 6 questions right (0..5 of 5: pass at 3)
        List<Callable<Response>> calls = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        for (int i = 0; i < crowd; i++) {
            String path = "/api/v1/attempts/" + attempts.get(i) + "/submit";
            String token = tokens.get(i);
            String answers = body(answers(attempts.get(i), Math.min(i % 6, 5)));
            calls.add(() -> {
                gate.await();
                return api.post(path, token, answers);
            });
        }
        // someone else's attempt: 404, and the owner's own submission above is unaffected
        String victimsAnswers = body(answers(attempts.get(0), 5));
        calls.add(() -> {
            gate.await();
            return api.post("/api/v1/attempts/" + attempts.get(0) + "/submit", stranger, victimsAnswers);
        });
        // an unknown question: 400, nothing written for that attempt
        String bad = ApiClient.json(Map.of("answers", List.of(Map.of("questionId", 999_999, "selected", List.of(0)))));
        calls.add(() -> {
            gate.await();
            return api.post("/api/v1/attempts/" + strangersOwn + "/submit", stranger, bad);
        });
        double batchedBefore = batchMetric("sum");
        double batchesBefore = batchMetric("count");
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<Future<Response>> futures = calls.stream().map(pool::submit).toList();
        gate.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get());
        }
        pool.shutdown();

        for (int i = 0; i < crowd; i++) {
            Response r = responses.get(i);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            int right = Math.min(i % 6, 5);
            assertThat(r.json().path("id").asLong()).isEqualTo(attempts.get(i));
            assertThat(r.json().path("result").path("correctCount").asInt()).isEqualTo(right);
            assertThat(r.json().path("result").path("score").asInt()).isEqualTo(right * 10);
            assertThat(r.json().path("result").path("passed").asBoolean()).isEqualTo(right >= 3);
            assertThat(r.json().path("result").path("certificateNo").isNull()
                    || r.json().path("result").path("certificateNo").isMissingNode()).isEqualTo(right < 3);
        }
        // Every submission went through exactly one batch, and operators see how they were batched.
        assertThat(batchMetric("sum") - batchedBefore).isEqualTo(crowd + 2);
        assertThat(batchMetric("count") - batchesBefore).isBetween(1.0, crowd + 2.0);
        assertProblem(responses.get(crowd), 404, "ATTEMPT_NOT_FOUND");
        assertThat(responses.get(crowd + 1).status()).as(responses.get(crowd + 1).toString()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT status FROM quiz_attempt WHERE id = ?", String.class, strangersOwn))
                .isEqualTo("OPEN");

        // The database agrees: each attempt graded once, with its own score; standings, certificates, points.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = ? AND status = 'SUBMITTED'",
                Integer.class, contest)).isEqualTo(crowd);
        for (int i = 0; i < crowd; i++) {
            assertThat(jdbc.queryForObject("SELECT score FROM quiz_attempt WHERE id = ?", Integer.class, attempts.get(i)))
                    .isEqualTo(Math.min(i % 6, 5) * 10);
        }
        long passed = java.util.stream.IntStream.range(0, crowd).filter(i -> Math.min(i % 6, 5) >= 3).count();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_contest_entry WHERE quiz_id = ?", Integer.class,
                contest)).isEqualTo(crowd);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_certificate WHERE quiz_id = ?", Integer.class, contest))
                .isEqualTo((int) passed);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE source_key LIKE ?", Integer.class,
                "contest:" + contest + ":%")).isEqualTo(crowd + (int) passed);
        JsonNode board = api.get("/api/v1/quizzes/" + contest + "/leaderboard?top=50", tokens.get(5)).json();
        assertThat(board.path("participants").asLong()).isEqualTo(crowd);
        assertThat(board.path("items").get(0).path("score").asInt()).isEqualTo(50);
        // ... and every graded attempt is in the plan's statistics, once, as soon as its answer is out: the ledger
        // records a batch in the grading transaction, so no publication is left for a listener to finish.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE record_key IN ("
                + String.join(",", attempts.stream().map(id -> "'attempt:" + id + "'").toList()) + ")",
                Integer.class)).isEqualTo(crowd);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE = ? "
                + "AND SERIALIZED_EVENT LIKE ?", Integer.class, ParticipationsRecorded.class.getName(),
                "%attempt:" + attempts.get(0) + "\"%")).isZero();
    }

    @Test
    void concurrentStartsMakeOneAttempt() throws Exception {
        String token = resident("双击");
        long contest = createContest(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> api.post("/api/v1/quizzes/" + contest + "/attempts", token, "{}"));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<Response> f : pool.invokeAll(calls)) {
            assertThat(f.get().status()).as(f.get().toString()).isEqualTo(201);
            ids.add(f.get().json().path("id").asLong());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
    }

    @Test
    void myAttemptsListsEveryKindOrOnlyTheSelfTestsWithTheirResults() {
        String token = resident("自测");
        long selfTest = start(token, quizId("SELF_TEST")).path("id").asLong();
        Response graded = api.post("/api/v1/attempts/" + selfTest + "/submit", token, body(answers(selfTest, 20)));
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        long daily = start(token, quizId("DAILY")).path("id").asLong();

        JsonNode all = api.get("/api/v1/me/attempts", token).json();
        assertThat(all.path("total").asLong()).isEqualTo(2);
        assertThat(all.path("items").get(0).path("id").asLong()).isEqualTo(daily);

        JsonNode selfTests = api.get("/api/v1/me/attempts?kind=SELF_TEST&page=1&size=20", token).json();
        assertThat(selfTests.path("total").asLong()).isEqualTo(1);
        JsonNode row = selfTests.path("items").get(0);
        assertThat(row.path("id").asLong()).isEqualTo(selfTest);
        assertThat(row.path("kind").asString()).isEqualTo("SELF_TEST");
        assertThat(row.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(row.path("score").asInt()).isEqualTo(graded.json().path("result").path("score").asInt());
        assertThat(row.path("maxScore").asInt()).isEqualTo(graded.json().path("result").path("maxScore").asInt());
        assertThat(row.path("passed").asBoolean()).isEqualTo(graded.json().path("result").path("passed").asBoolean());
        // times carry the +08:00 offset like every other time of the API
        assertThat(row.path("startedAt").asString()).endsWith("+08:00");
        assertThat(row.path("finishedAt").asString()).endsWith("+08:00");
        assertThat(api.get("/api/v1/me/attempts?kind=CONTEST", token).json().path("total").asLong()).isZero();
        assertProblem(api.get("/api/v1/me/attempts?kind=EXAM", token), 400, "VALIDATION_FAILED");
    }

    @Test
    void residentsCannotReadOthersAttempts() {
        String alice = resident("甲");
        String bob = resident("乙");
        long id = start(alice, quizId("SELF_TEST")).path("id").asLong();
        assertProblem(api.get("/api/v1/attempts/" + id, bob), 404, "ATTEMPT_NOT_FOUND");
        assertProblem(api.post("/api/v1/attempts/" + id + "/submit", bob, body(Map.of())), 404, "ATTEMPT_NOT_FOUND");
        assertProblem(put("/api/v1/attempts/" + id + "/answers", bob, body(Map.of())), 404, "ATTEMPT_NOT_FOUND");
        Response own = api.post("/api/v1/attempts/" + id + "/submit", alice, body(answers(id, 20)));
        assertThat(own.status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/attempts/" + id, bob), 404, "ATTEMPT_NOT_FOUND");
        assertThat(api.get("/api/v1/me/attempts", bob).json().path("total").asLong()).isZero();
    }

    @Test
    void leaderboardBreaksTiesAndSurvivesARedisFlush() {
        long contest = createContest(Map.of());
        String slow = resident("慢");
        String fast = resident("快");
        String low = resident("低");
        put("/api/v1/me/quiz-preferences", fast, "{\"leaderboardOptIn\":true}");

        long s = start(slow, contest).path("id").asLong();
        long f = start(fast, contest).path("id").asLong();
        long l = start(low, contest).path("id").asLong();
        clock.advance(Duration.ofSeconds(30));
        api.post("/api/v1/attempts/" + f + "/submit", fast, body(answers(f, 4)));
        clock.advance(Duration.ofSeconds(30));
        api.post("/api/v1/attempts/" + s + "/submit", slow, body(answers(s, 4)));
        api.post("/api/v1/attempts/" + l + "/submit", low, body(answers(l, 2)));

        ApiClient.Response written = api.get("/api/v1/quizzes/" + contest + "/leaderboard?top=10", slow);
        JsonNode board = written.json();
        assertThat(board.path("participants").asLong()).isEqualTo(3);
        // Serialised directly (nothing to negotiate) and through Spring's content negotiation (an Accept header it
        // resolves to JSON as well): the same answer, header for header.
        ApiClient.Response negotiated = api.get("/api/v1/quizzes/" + contest + "/leaderboard?top=10", slow, "Accept",
                "application/json;q=0.9, text/plain;q=0.5");
        assertThat(negotiated.status()).isEqualTo(written.status()).isEqualTo(200);
        assertThat(comparableHeaders(negotiated)).isEqualTo(comparableHeaders(written))
                .containsKey("content-type");
        assertThat(negotiated.body()).isEqualTo(written.body());
        for (String top : new String[] {"0", "101", "-5"}) {
            assertProblem(api.get("/api/v1/quizzes/" + contest + "/leaderboard?top=" + top, slow), 400,
                    "VALIDATION_FAILED");
        }
        assertProblem(api.get("/api/v1/quizzes/" + contest + "/leaderboard?top=x", slow), 400, "VALIDATION_FAILED");
        JsonNode items = board.path("items");
        assertThat(items.get(0).path("name").asString()).isEqualTo("快");
        assertThat(items.get(1).path("name").asString()).isEqualTo("陆城样例村1 居民"); // slow did not opt in
        assertThat(items.get(0).path("score").asInt()).isEqualTo(40);
        assertThat(items.get(2).path("score").asInt()).isEqualTo(20);
        assertThat(board.path("me").path("rank").asInt()).isEqualTo(2);

        // The app's Redis database is emptied (FLUSHDB on the test's own database: same effect for the app as
        // FLUSHALL, which would hit other test runs sharing this Redis server).
        redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.serverCommands().flushDb();
            return null;
        });
        JsonNode rebuilt = api.get("/api/v1/quizzes/" + contest + "/leaderboard?top=10", low).json();
        assertThat(rebuilt.path("items").toString()).isEqualTo(items.toString());
        assertThat(rebuilt.path("me").path("rank").asInt()).isEqualTo(3);
        assertThat(redis.hasKey(RedisLeaderboard.readyKey(contest))).isTrue();
        assertThat(redis.opsForZSet().zCard(RedisLeaderboard.key(contest))).isEqualTo(3);

        // A Redis that no longer holds the scripts (restarted, SCRIPT FLUSH) is sent them again: the top read a
        // moment ago is reused and the caller's own standing fetched with the script resent.
        redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) c -> {
            c.scriptingCommands().scriptFlush();
            return null;
        });
        JsonNode afterScriptFlush = api.get("/api/v1/quizzes/" + contest + "/leaderboard?top=10", fast).json();
        assertThat(afterScriptFlush.path("items").toString()).isEqualTo(items.toString());
        assertThat(afterScriptFlush.path("me").path("rank").asInt()).isEqualTo(1);
        assertThat(afterScriptFlush.path("me").path("score").asInt()).isEqualTo(40);

        // And it agrees with MySQL.
        Long lowId = jdbc.queryForObject("SELECT resident_id FROM quiz_attempt WHERE id = ?", Long.class, l);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_contest_entry WHERE quiz_id = ? AND rank_value > "
                + "(SELECT rank_value FROM quiz_contest_entry WHERE quiz_id = ? AND resident_id = ?)", Long.class,
                contest, contest, lowId)).isEqualTo(2);

        JsonNode regions = api.get("/api/v1/quizzes/" + contest + "/leaderboard/regions", low).json();
        JsonNode village = null;
        for (JsonNode v : regions.path("villages")) {
            if (v.path("code").asString().equals(VILLAGE)) {
                village = v;
            }
        }
        assertThat(village).isNotNull();
        assertThat(village.path("participants").asInt()).isEqualTo(3);
        assertThat(village.path("averageScore").asDouble()).isEqualTo(33.3);
    }

    @Test
    void passingAContestIssuesAVerifiableCertificate() {
        String token = resident("张三丰");
        long contest = createContest(Map.of("certificateTitle", "科学素质网络大赛合格证书"));
        long id = start(token, contest).path("id").asLong();
        JsonNode result = api.post("/api/v1/attempts/" + id + "/submit", token, body(answers(id, 5))).json().path("result");
        assertThat(result.path("passed").asBoolean()).isTrue();
        String no = result.path("certificateNo").asString();
        assertThat(no).hasSize(20);

        Response verified = api.get("/api/v1/certificates/" + no, null);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("holderName").asString()).isEqualTo("张**");
        assertThat(verified.json().path("title").asString()).isEqualTo("科学素质网络大赛合格证书");
        assertProblem(api.get("/api/v1/certificates/ABCDEFGHJKMNPQRSTVWX", null), 404, "CERTIFICATE_NOT_FOUND");
        assertThat(api.get("/api/v1/me/certificates", token).json().size()).isEqualTo(1);
    }

    /**
     * Grading skips looking up a first attempt's contest awards and certificate (none can exist yet); should they
     * exist all the same, the unique keys refuse the batch's inserts and nothing is awarded or issued twice.
     */
    @Test
    void aFirstAttemptWhoseAwardsAndCertificateExistAlreadyGetsThemOnce() {
        String token = resident("李四光");
        long contest = createContest(Map.of());
        long id = start(token, contest).path("id").asLong();
        long residentId = jdbc.queryForObject("SELECT resident_id FROM quiz_attempt WHERE id = ?", Long.class, id);
        String held = "HELDCERT" + String.format("%012d", id);
        jdbc.update("INSERT INTO quiz_certificate (verify_no, quiz_id, resident_id, attempt_id, holder_name, title, "
                + "quiz_title, score, max_score, issued_at) VALUES (?, ?, ?, ?, NULL, '合格证书', '大赛', 50, 50, NOW(3))",
                held, contest, residentId, id);
        String joined = "contest:" + contest + ":" + residentId + ":joined";
        jdbc.update("INSERT INTO points_ledger (resident_id, reason, source_key, requested, amount, award_day, created_at) "
                + "VALUES (?, 'CONTEST', ?, 5, 5, CURRENT_DATE, NOW(3))", residentId, joined);

        Response submitted = api.post("/api/v1/attempts/" + id + "/submit", token, body(answers(id, 5)));

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("result").path("certificateNo").asString()).isEqualTo(held);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_certificate WHERE quiz_id = ? AND resident_id = ?",
                Integer.class, contest, residentId)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT source_key FROM points_ledger WHERE resident_id = ? AND reason = 'CONTEST' "
                + "ORDER BY source_key", String.class, residentId)).containsExactly(joined,
                "contest:" + contest + ":" + residentId + ":passed");
    }

    @Test
    void contestEligibilityAndWindow() {
        long onlyYouth = createContest(Map.of("eligibleGroups", List.of("YOUTH")));
        String farmer = resident("农民甲");
        assertProblem(api.post("/api/v1/quizzes/" + onlyYouth + "/attempts", farmer, "{}"), 403, "QUIZ_NOT_ELIGIBLE");
        assertThat(api.get("/api/v1/quizzes", farmer).json().findValues("id").stream().map(JsonNode::asLong).toList())
                .doesNotContain(onlyYouth);
        long otherTown = createContest(Map.of("eligibleRegions", List.of("430603001")));
        assertProblem(api.post("/api/v1/quizzes/" + otherTown + "/attempts", farmer, "{}"), 403, "QUIZ_NOT_ELIGIBLE");
        long myTown = createContest(Map.of("eligibleRegions", List.of("430603100")));
        long described = createContest(Map.of("description", "全区居民均可参加", "certificateTitle", "合格证书",
                "timeLimitSeconds", 1800));
        // A batch of submissions reads its quizzes by hand (QuizRowRepository.BY_IDS): just as MyBatis maps them.
        for (long id : List.of(onlyYouth, otherTown, myTown, described)) {
            catalog.evict(id);
            assertThat(catalog.quizzes(List.of(id)).get(id)).usingRecursiveComparison().isEqualTo(quizzes.selectById(id));
        }
        start(farmer, myTown);
        clock.advance(Duration.ofDays(8));
        assertProblem(api.post("/api/v1/quizzes/" + myTown + "/attempts", Logins.residentToken(api), "{}"), 409,
                "QUIZ_CLOSED");
    }

    /** Many attempts of one paper share its question snapshots; each attempt keeps only ids and option orders. */
    @Test
    void attemptsOfOnePaperShareTheirQuestionSnapshots() {
        List<Long> questions = jdbc.queryForList("SELECT id FROM quiz_question WHERE status = 'ACTIVE' AND pool = 'EXAM' ORDER BY id "
                + "LIMIT 5", Long.class);
        long contest = createContest(Map.of("paperMode", "FIXED", "questionIds", questions, "drawRules", List.of()));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(start(resident("共享" + i), contest).path("id").asLong());
        }
        Set<Long> snapshots = new HashSet<>();
        for (long id : ids) {
            JsonNode refs = JSON.readTree(jdbc.queryForObject("SELECT paper_refs_json FROM quiz_attempt WHERE id = ?",
                    String.class, id));
            refs.forEach(ref -> snapshots.add(ref.get(0).asLong()));
            assertThat(refs.size()).isEqualTo(jdbc.queryForObject(
                    "SELECT question_count FROM quiz_attempt WHERE id = ?", Integer.class, id));
        }
        assertThat(snapshots).hasSize(questions.size());
        assertThat(jdbc.queryForList("SELECT DISTINCT question_id FROM quiz_question_snapshot WHERE id IN ("
                + String.join(",", snapshots.stream().map(String::valueOf).toList()) + ")", Long.class))
                .containsExactlyInAnyOrderElementsOf(questions);
    }

    /** An attempt that keeps a full copy of its paper instead of snapshot references is shown and graded from it. */
    @Test
    void anAttemptWithAFullPaperCopyIsShownAndGradedFromIt() {
        String token = resident("旧卷");
        long contest = createContest(Map.of());
        long id = start(token, contest).path("id").asLong();
        Map<Long, List<Integer>> right = rightAnswers(id);
        // Rewrite it as an attempt with a full copy: the paper as shown, in full, and no references.
        JsonNode shown = api.get("/api/v1/attempts/" + id, token).json().path("questions");
        List<Map<String, Object>> copy = new ArrayList<>();
        for (JsonNode q : shown) {
            List<String> options = new ArrayList<>();
            q.path("options").forEach(o -> options.add(o.asString()));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("questionId", q.path("questionId").asLong());
            item.put("type", q.path("type").asString());
            item.put("stem", "旧版：" + q.path("stem").asString());
            item.put("options", options);
            item.put("correct", right.get(q.path("questionId").asLong()));
            item.put("explanation", "旧版解析");
            item.put("benchmarkNo", null);
            item.put("difficulty", 1);
            copy.add(item);
        }
        jdbc.update("UPDATE quiz_attempt SET paper_json = ?, paper_refs_json = NULL WHERE id = ?",
                ApiClient.json(copy), id);

        JsonNode open = api.get("/api/v1/attempts/" + id, token).json();
        assertThat(open.path("questions").get(0).path("stem").asString()).startsWith("旧版：");
        Response submitted = api.post("/api/v1/attempts/" + id + "/submit", token, body(right));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("result").path("correctCount").asInt()).isEqualTo(right.size());
        assertThat(submitted.json().path("result").path("items").get(0).path("explanation").asString())
                .isEqualTo("旧版解析");
    }

    @Test
    void editingAQuestionKeepsTakenAttemptsAsTheyWere() {
        String token = resident("快照");
        Response created = api.post("/api/admin/v1/quiz-questions", admin, ApiClient.json(Map.of(
                "type", "SINGLE", "stem", "长江十年禁渔从哪一年开始全面实施？", "options", List.of("2019", "2020", "2021"),
                "answer", List.of(2), "explanation", "2021 年 1 月 1 日起。", "difficulty", 2, "benchmarkNo", 6)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long questionId = created.json().path("id").asLong();
        long contest = createContest(Map.of("paperMode", "FIXED", "questionIds", List.of(questionId), "drawRules", List.of()));
        long id = start(token, contest).path("id").asLong();
        api.post("/api/v1/attempts/" + id + "/submit", token, body(answers(id, 1)));

        Response edited = put("/api/admin/v1/quiz-questions/" + questionId, admin, ApiClient.json(Map.of(
                "type", "SINGLE", "stem", "改过的题干", "options", List.of("甲", "乙"), "answer", List.of(0))));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        JsonNode after = api.get("/api/v1/attempts/" + id, token).json();
        assertThat(after.path("result").path("items").get(0).path("stem").asString())
                .isEqualTo("长江十年禁渔从哪一年开始全面实施？");
        assertThat(after.path("questions").size()).isZero(); // a graded attempt's questions are its result items
        assertThat(after.path("result").path("score").asInt()).isEqualTo(10);
        assertThat(after.path("result").path("items").get(0).path("explanation").asString()).isEqualTo("2021 年 1 月 1 日起。");

        // The attempt keeps a reference to the question as shown, not a copy; the edited question is a new snapshot
        // that only later attempts show.
        assertThat(jdbc.queryForObject("SELECT paper_json IS NULL FROM quiz_attempt WHERE id = ?", Boolean.class, id))
                .isTrue();
        JsonNode later = start(resident("快照2"), contest);
        assertThat(later.path("questions").get(0).path("stem").asString()).isEqualTo("改过的题干");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_question_snapshot WHERE question_id = ?",
                Integer.class, questionId)).isEqualTo(2);

        assertProblem(api.post("/api/admin/v1/quiz-questions", admin, ApiClient.json(Map.of(
                "type", "MULTIPLE", "stem", "x", "options", List.of("a", "b"), "answer", List.of(0)))), 400, "QUESTION_INVALID");
        assertProblem(api.post("/api/admin/v1/quiz-questions", Logins.residentToken(api), "{}"), 403, "FORBIDDEN");
    }

    @Test
    void practiceExplainsRightAwayAndKeepsTheWrongBook() {
        String token = resident("练习生");
        JsonNode q = api.get("/api/v1/practice/next", token).json();
        long questionId = q.path("questionId").asLong();
        assertThat(q.has("correct")).isFalse();
        List<Integer> right = new ArrayList<>();
        jdbc.queryForObject("SELECT answer FROM quiz_question WHERE id = ?", String.class, questionId)
                .chars().filter(Character::isDigit).forEach(c -> right.add(c - '0'));
        int wrong = right.contains(0) ? (right.contains(1) ? 2 : 1) : 0;
        if (wrong >= q.path("options").size()) {
            wrong = right.get(0) == 0 ? 1 : 0;
        }

        JsonNode miss = api.post("/api/v1/practice/answers", token,
                ApiClient.json(Map.of("questionId", questionId, "selected", List.of(wrong)))).json();
        assertThat(miss.path("correct").asBoolean()).isFalse();
        assertThat(miss.path("explanation").asString()).isNotBlank();
        assertThat(miss.path("inWrongBook").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/practice/wrong-book", token).json().path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/practice/next?source=WRONG_BOOK", token).json().path("questionId").asLong())
                .isEqualTo(questionId);

        String rightBody = ApiClient.json(Map.of("questionId", questionId, "selected", right));
        assertThat(api.post("/api/v1/practice/answers", token, rightBody).json().path("inWrongBook").asBoolean()).isTrue();
        JsonNode cleared = api.post("/api/v1/practice/answers", token, rightBody).json();
        assertThat(cleared.path("correct").asBoolean()).isTrue();
        assertThat(cleared.path("inWrongBook").asBoolean()).isFalse();
        assertProblem(api.get("/api/v1/practice/next?source=WRONG_BOOK", token), 404, "WRONG_BOOK_EMPTY");
        assertProblem(api.post("/api/v1/quizzes/" + quizId("PRACTICE") + "/attempts", token, "{}"), 400,
                "PRACTICE_ONE_BY_ONE");
    }

    /**
     * The self-test report of a self-test of the test's own (so every attempt in it is known): each resident's
     * latest finished attempt counts, by population group and by town, and the rates are passed ÷ takers.
     */
    @Test
    void selfTestPassRateIsReportedByGroupAndTown() {
        List<Long> questions = jdbc.queryForList("SELECT id FROM quiz_question WHERE status = 'ACTIVE' AND pool = 'EXAM' "
                + "ORDER BY id LIMIT 5", Long.class);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "SELF_TEST");
        request.put("title", "公民科学素质自测（报告测试）");
        request.put("paperMode", "FIXED");
        request.put("questionIds", questions);
        request.put("questionScore", 20);
        request.put("passPercent", 60);
        request.put("attemptsAllowed", 3);
        Response created = api.post("/api/admin/v1/quizzes", admin, ApiClient.json(request));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long selfTest = created.json().path("id").asLong();
        assertThat(api.post("/api/admin/v1/quizzes/" + selfTest + "/publish", admin, "{}").status()).isEqualTo(200);

        String luCheng = VILLAGE;          // 陆城镇 430603100
        String luKou = "430603101202";     // 路口镇 430603101
        takeSelfTest(residentIn(luCheng, "FARMER"), selfTest, 5);      // passes
        takeSelfTest(residentIn(luCheng, "FARMER"), selfTest, 1);      // fails
        takeSelfTest(residentIn(luCheng, "ELDERLY"), selfTest, 4);     // passes
        String retaker = residentIn(luKou, "FARMER");
        takeSelfTest(retaker, selfTest, 2);                            // fails, then
        takeSelfTest(retaker, selfTest, 3);                            // passes: the latest counts
        takeSelfTest(residentIn(luKou, "YOUTH"), selfTest, 0);         // fails
        takeSelfTest(Logins.residentToken(api), selfTest, 5);          // no region or group given: passes
        start(residentIn(luKou, "YOUTH"), selfTest);                   // still answering: not counted

        JsonNode report = api.get("/api/admin/v1/quizzes/" + selfTest + "/self-test-report", admin).json();
        assertThat(report.path("note").asString()).contains("不是官方");
        assertThat(report.path("passPercent").asInt()).isEqualTo(60);
        assertThat(line(report.path("overall"))).isEqualTo("ALL 6 4 66.67");
        assertThat(report.path("byGroup").valueStream().map(QuizIT::line).toList()).containsExactly(
                "ELDERLY 1 1 100.0", "FARMER 3 2 66.67", "UNKNOWN 1 1 100.0", "YOUTH 1 0 0.0");
        assertThat(report.path("byTown").valueStream().map(QuizIT::line).toList()).containsExactly(
                "430603100 3 2 66.67", "430603101 2 1 50.0", "UNKNOWN 1 1 100.0");
        assertThat(report.path("byGroup").get(1).path("label").asString()).isEqualTo("农民");
        assertThat(report.path("byTown").get(0).path("label").asString()).isEqualTo("陆城镇");
        assertThat(report.path("byTown").get(2).path("label").asString()).isEqualTo("未填写地区");
    }

    String residentIn(String village, String group) {
        String token = Logins.residentToken(api);
        Response r = api.patch("/api/v1/me", token, ApiClient.json(Map.of("regionCode", village, "populationGroup", group)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return token;
    }

    void takeSelfTest(String token, long quizId, int right) {
        long id = start(token, quizId).path("id").asLong();
        Response r = api.post("/api/v1/attempts/" + id + "/submit", token, body(answers(id, right)));
        assertThat(r.json().path("result").path("correctCount").asInt()).as(r.toString()).isEqualTo(right);
    }

    /** "code takers passed rate" of a report line. */
    static String line(JsonNode line) {
        return line.path("code").asString() + " " + line.path("takers").asInt() + " " + line.path("passed").asInt()
                + " " + line.path("passRate").asDouble();
    }

    @Test
    void importReportsBadRowsAndHonoursTheChosenMode() throws Exception {
        Response template = api.get("/api/admin/v1/quiz-questions/import-template", admin);
        assertThat(template.status()).isEqualTo(200);

        byte[] file = workbook(new String[][] {
                {"单选", "导入题一：水的沸点？", "50℃", "100℃", "", "", "", "", "B", "标准大气压下。", "易", "物理", "青少年", "11"},
                {"多选", "导入题二", "甲", "乙", "丙", "", "", "", "A", "", "中", "", "", ""},
                {"判断", "导入题三：地球绕太阳转。", "", "", "", "", "", "", "对", "", "", "天文", "", "13"},
                {"填空", "导入题四", "", "", "", "", "", "", "", "", "", "", "", ""},
                {"单选", "导入题五", "甲", "乙", "", "", "", "", "C", "", "", "", "外星人", "40"}});
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM quiz_question WHERE stem LIKE '导入题%'", Integer.class);

        JsonNode all = upload(file, "ALL_OR_NOTHING");
        assertThat(all.path("imported").asInt()).isZero();
        assertThat(all.path("totalRows").asInt()).isEqualTo(5);
        List<Integer> badRows = all.path("errors").findValues("row").stream().map(JsonNode::asInt).toList();
        assertThat(badRows).containsExactly(3, 5, 6);
        assertThat(all.path("errors").get(0).path("reason").asString()).contains("至少要有两个正确答案");
        assertThat(all.path("errors").get(2).path("reason").asString()).contains("适用人群", "基准编号", "超出选项范围");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_question WHERE stem LIKE '导入题%'", Integer.class))
                .isEqualTo(before);

        JsonNode valid = upload(file, "VALID_ROWS");
        assertThat(valid.path("imported").asInt()).isEqualTo(2);
        assertThat(valid.path("errors").size()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_question WHERE stem LIKE '导入题%'", Integer.class))
                .isEqualTo(before + 2);
        assertThat(jdbc.queryForObject("SELECT audience_groups FROM quiz_question WHERE stem = '导入题一：水的沸点？'",
                String.class)).isEqualTo("YOUTH");
    }

    static byte[] workbook(String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("题目");
            Row header = sheet.createRow(0);
            for (int i = 0; i < QuestionImportService.HEADERS.length; i++) {
                header.createCell(i).setCellValue(QuestionImportService.HEADERS[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    JsonNode upload(byte[] file, String mode) throws Exception {
        String boundary = "----kepu" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"q.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/admin/v1/quiz-questions/import?mode=" + mode))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** {@code kepu_quiz_submit_batch_size_submissions_<suffix>} as Prometheus serves it. */
    private double batchMetric(String suffix) {
        String name = "kepu_quiz_submit_batch_size_submissions_" + suffix;
        return api.get("/actuator/prometheus", null).body().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    /** Every response header but the date and the request id, which differ from one request to the next. */
    private static Map<String, List<String>> comparableHeaders(ApiClient.Response response) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(response.raw().headers().map());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("date") || name.equalsIgnoreCase("x-request-id"));
        return headers;
    }
}
