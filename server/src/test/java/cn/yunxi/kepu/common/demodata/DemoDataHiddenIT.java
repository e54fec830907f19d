package cn.yunxi.kepu.common.demodata;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.TestClockConfig;
import cn.yunxi.kepu.support.TestEngines;
import cn.yunxi.kepu.support.TestEnginesInitializer;
import tools.jackson.databind.JsonNode;

/**
 * The production setting with sample material in the database, as on a staging database that loaded the demo
 * data: residents meet no sample village, item or question anywhere, and the plan's figures count none. Runs the
 * application on a database and Redis of its own, so the shared context (which shows samples) is untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DemoDataHiddenIT.SamplesLoadedButHidden.class)
@Import(TestClockConfig.class)
@DirtiesContext
class DemoDataHiddenIT {

    static class SamplesLoadedButHidden implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestEnginesInitializer.apply(context, TestEngines.separate("hidden"), false);
            // This context lives beside the shared one on a database server other test runs use too: its requests
            // come one at a time, so a small pool keeps the run's share of the server's connections small.
            TestPropertyValues.of("spring.datasource.hikari.maximum-pool-size=6").applyTo(context);
        }
    }

    /** Inside the 2022–2025 plan period, so a self-test counts toward the plan's figures. */
    static final Instant MID_2025 = Instant.parse("2025-06-15T02:00:00Z");

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

    @Test
    void residentsCannotFindOrChooseASampleVillage() {
        List<String> samples = jdbc.queryForList("SELECT code FROM region WHERE sample_data", String.class);
        assertThat(samples).as("the demo data is loaded").isNotEmpty();

        Response tree = api.get("/api/v1/regions", null);
        assertThat(tree.status()).isEqualTo(200);
        assertThat(tree.body()).contains("陆城镇");
        samples.forEach(code -> assertThat(tree.body()).doesNotContain(code));

        String resident = Logins.residentToken(api);
        assertProblem(api.patch("/api/v1/me", resident, ApiClient.json(Map.of("regionCode", samples.get(0)))),
                400, "REGION_NOT_VILLAGE");
    }

    @Test
    void residentsMeetNoSampleItemInFeedSearchPagesOrSyndication() {
        List<Map<String, Object>> samples = jdbc.queryForList(
                "SELECT id, title FROM content_item WHERE sample_data AND status = 'PUBLISHED'");
        assertThat(samples).as("the demo data is loaded").isNotEmpty();
        String title = "真实科普" + UUID.randomUUID().toString().substring(0, 8);
        long real = Contents.published(api, admin, title);
        String resident = Logins.residentToken(api);

        String feed = api.get("/api/v1/contents?size=100", resident).body();
        assertThat(feed).contains(title);
        String rss = api.get("/api/v1/syndication/rss.xml", null).body();
        assertThat(rss).contains(title);
        String jsonFeed = api.get("/api/v1/syndication/feed.json", null).body();
        assertThat(jsonFeed).contains(title);
        assertThat(api.get("/api/v1/contents/" + real, resident).status()).isEqualTo(200);

        for (Map<String, Object> sample : samples) {
            long id = ((Number) sample.get("id")).longValue();
            String sampleTitle = (String) sample.get("title");
            assertThat(feed).doesNotContain(sampleTitle);
            assertThat(rss).doesNotContain(sampleTitle);
            assertThat(jsonFeed).doesNotContain(sampleTitle);
            String keyword = sampleTitle.substring(0, 4);
            assertThat(api.get("/api/v1/contents?keyword=" + keyword, resident).json().path("total").asLong())
                    .as("search for %s", keyword).isZero();
            assertProblem(api.get("/api/v1/contents/" + id, resident), 404, "CONTENT_NOT_FOUND");
            assertProblem(api.put("/api/v1/contents/" + id + "/favourite", resident, "{}"), 404, "CONTENT_NOT_FOUND");
            assertProblem(api.post("/api/v1/contents/" + id + "/read-sessions", resident, "{}"), 404,
                    "CONTENT_NOT_FOUND");
            assertThat(api.get("/api/v1/syndication/items/" + id, null).status()).isEqualTo(404);
        }
    }

    @Test
    void dailyPracticeAndContestsDrawNoSampleQuestion() {
        List<Long> samples = jdbc.queryForList("SELECT id FROM quiz_question WHERE sample_data", Long.class);
        assertThat(samples).as("the demo data is loaded").isNotEmpty();
        long real = realQuestion();
        realQuestion("PRACTICE"); // practice draws from its own pool
        List<Long> realIds = jdbc.queryForList("SELECT id FROM quiz_question WHERE NOT sample_data", Long.class);
        String resident = Logins.residentToken(api);

        assertThat(questionIds(start(resident, quizId("DAILY")))).isNotEmpty().isSubsetOf(realIds);
        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/api/v1/practice/next", resident).json().path("questionId").asLong()).isIn(realIds);
        }
        assertProblem(api.post("/api/v1/practice/answers", resident, ApiClient.json(Map.of(
                "questionId", samples.get(0), "selected", List.of(0)))), 404, "QUESTION_NOT_FOUND");

        // staff still see the samples in the bank, marked, so they can archive them; a paper cannot use them
        JsonNode bank = api.get("/api/admin/v1/quiz-questions?size=100", admin).json();
        assertThat(bank.path("items").findValues("sampleData").stream().filter(JsonNode::asBoolean).count())
                .isEqualTo(samples.size());
        Map<String, Object> fixed = contest("固定试卷");
        fixed.put("paperMode", "FIXED");
        fixed.put("questionIds", List.of(real, samples.get(0)));
        assertProblem(api.post("/api/admin/v1/quizzes", admin, ApiClient.json(fixed)), 400, "QUIZ_INVALID");

        Map<String, Object> drawn = contest("抽题竞赛");
        drawn.put("drawRules", List.of(Map.of("count", 1)));
        assertThat(questionIds(start(resident, created(drawn)))).hasSize(1).isSubsetOf(realIds);
    }

    @Test
    void theSelfTestFigureAndThePerVillageFiguresCountNoSampleRow() {
        clock.pin(MID_2025);
        realQuestion();
        List<Long> realIds = jdbc.queryForList("SELECT id FROM quiz_question WHERE NOT sample_data", Long.class);
        JsonNode before = figure("SCIENCE_LITERACY_RATE").path("proxy");

        String resident = Logins.residentToken(api);
        JsonNode attempt = start(resident, quizId("SELF_TEST"));
        assertThat(questionIds(attempt)).isNotEmpty().isSubsetOf(realIds);
        Response submitted = api.post("/api/v1/attempts/" + attempt.path("id").asLong() + "/submit", resident,
                ApiClient.json(Map.of("answers", rightAnswers(attempt))));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode proxy = awaitProxy(before.path("sampleSize").asLong() + 1);
        assertThat(proxy.path("passed").asLong()).isEqualTo(before.path("passed").asLong() + 1);

        // per-village figures know only real villages: the demo data's are left out of coverage and region boards
        long realVillages = jdbc.queryForObject(
                "SELECT COUNT(*) FROM region WHERE level = 'VILLAGE' AND NOT sample_data", Long.class);
        List<String> sampleVillages = jdbc.queryForList("SELECT code FROM region WHERE sample_data", String.class);
        assertThat(sampleVillages).isNotEmpty();
        for (String code : List.of("OFFICER_COVERAGE", "PROMOTER_COVERAGE")) {
            JsonNode records = api.get("/api/admin/v1/indicators/" + figure(code).path("id").asLong()
                    + "/records?size=100", admin).json();
            assertThat(records.path("total").asLong()).as(code).isEqualTo(realVillages);
        }
        Map<String, Object> drawn = contest("地区榜");
        drawn.put("drawRules", List.of(Map.of("count", 1)));
        String board = api.get("/api/v1/quizzes/" + created(drawn) + "/leaderboard/regions", resident).body();
        assertThat(board).contains("陆城镇");
        sampleVillages.forEach(code -> assertThat(board).doesNotContain(code));
    }

    // ---------- helpers ----------

    /** A question of the real bank (not sample): the boiling point of water, answered by "100℃". */
    /** A real (non-sample) question of the exam pool, which papers draw from. */
    long realQuestion() {
        return realQuestion("EXAM");
    }

    long realQuestion(String pool) {
        Response created = api.post("/api/admin/v1/quiz-questions", admin, ApiClient.json(Map.of(
                "type", "SINGLE", "stem", "标准大气压下水的沸点是多少？（" + UUID.randomUUID() + "）",
                "options", List.of("50℃", "80℃", "100℃"), "answer", List.of(2), "difficulty", 1,
                "benchmarkNo", 11, "pool", pool)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    long quizId(String kind) {
        return jdbc.queryForObject("SELECT id FROM quiz WHERE kind = ? ORDER BY id LIMIT 1", Long.class, kind);
    }

    JsonNode start(String token, long quizId) {
        Response r = api.post("/api/v1/quizzes/" + quizId + "/attempts", token, "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** Every question of the real bank is answered by its "100℃" option, wherever the paper shows it. */
    static List<Map<String, Object>> rightAnswers(JsonNode attempt) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (JsonNode q : attempt.path("questions")) {
            List<String> options = new ArrayList<>();
            q.path("options").forEach(o -> options.add(o.asString()));
            answers.add(Map.of("questionId", q.path("questionId").asLong(), "selected",
                    List.of(options.indexOf("100℃"))));
        }
        return answers;
    }

    static List<Long> questionIds(JsonNode attempt) {
        List<Long> ids = new ArrayList<>();
        attempt.path("questions").forEach(q -> ids.add(q.path("questionId").asLong()));
        return ids;
    }

    Map<String, Object> contest(String title) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(Zones.SHANGHAI));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "CONTEST");
        request.put("title", title);
        request.put("opensAt", now.minusMinutes(1).toString());
        request.put("closesAt", now.plusDays(7).toString());
        request.put("timeLimitSeconds", 600);
        return request;
    }

    long created(Map<String, Object> request) {
        Response created = api.post("/api/admin/v1/quizzes", admin, ApiClient.json(request));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Response published = api.post("/api/admin/v1/quizzes/" + id + "/publish", admin, "{}");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }

    JsonNode figure(String code) {
        long plan = 0;
        for (JsonNode p : api.get("/api/admin/v1/plans", admin).json()) {
            if ("YUNXI-2022-2025".equals(p.path("code").asString())) {
                plan = p.path("id").asLong();
            }
        }
        for (JsonNode f : api.get("/api/admin/v1/plans/" + plan + "/dashboard", admin).json().path("indicators")) {
            if (code.equals(f.path("code").asString())) {
                return f;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    /** The self-test proxy once the finished attempt's participation record has been counted (asynchronously). */
    JsonNode awaitProxy(long sampleSize) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                figure("SCIENCE_LITERACY_RATE").path("proxy").path("sampleSize").asLong() == sampleSize);
        return figure("SCIENCE_LITERACY_RATE").path("proxy");
    }
}
