package cn.yunxi.kepu.quiz;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** A town (its admin or organisers) runs its own contests for its own villages; other towns cannot touch them. */
@KepuIntegrationTest
class TownContestsIT {

    static final String LUCHENG = "430603100";
    static final String LUCHENG_VILLAGE = "430603100201";
    static final String LUKOU_VILLAGE = "430603101203";

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

    @Test
    void aTownAdminRunsAContestForTheirOwnVillages() {
        String town = staff("TOWN_ADMIN", "T" + LUCHENG);

        Response created = api.post("/api/admin/v1/quizzes", town, contest(Map.of()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode quiz = created.json();
        assertThat(quiz.path("eligibleRegions").get(0).asString()).as("no region chosen: the town itself")
                .isEqualTo(LUCHENG);
        long id = quiz.path("id").asLong();
        assertThat(api.post("/api/admin/v1/quizzes/" + id + "/publish", town, "{}").json().path("status").asString())
                .isEqualTo("PUBLISHED");
        Response board = api.get("/api/admin/v1/quizzes/" + id + "/leaderboard", town);
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        assertThat(board.json().path("participants").asLong()).isZero();
        assertThat(api.post("/api/admin/v1/quizzes/" + id + "/close", town, "{}").json().path("status").asString())
                .isEqualTo("CLOSED");

        Response village = api.post("/api/admin/v1/quizzes", town, contest(Map.of("eligibleRegions", List.of(LUCHENG_VILLAGE))));
        assertThat(village.status()).as(village.toString()).isEqualTo(201);
    }

    @Test
    void aTownCannotReachBeyondItsVillagesNorRunTheDistrictsSelfTest() {
        String town = staff("TOWN_ADMIN", "T" + LUCHENG);
        String organiser = staff("ORGANISER", "T" + LUCHENG);

        assertProblem(api.post("/api/admin/v1/quizzes", town, contest(Map.of("eligibleRegions", List.of(LUKOU_VILLAGE)))),
                403, "QUIZ_OUT_OF_SCOPE");
        assertProblem(api.post("/api/admin/v1/quizzes", organiser, contest(Map.of("eligibleRegions", List.of("430603101")))),
                403, "QUIZ_OUT_OF_SCOPE");
        assertProblem(api.post("/api/admin/v1/quizzes", town, contest(Map.of("kind", "SELF_TEST"))), 403,
                "QUIZ_OUT_OF_SCOPE");
    }

    @Test
    void anotherTownCannotChangeOrCloseItAndListsOnlyItsOwn() {
        String lucheng = staff("TOWN_ADMIN", "T" + LUCHENG);
        String lukou = staff("TOWN_ADMIN", "T430603101");
        long id = api.post("/api/admin/v1/quizzes", lucheng, contest(Map.of())).json().path("id").asLong();

        assertProblem(api.post("/api/admin/v1/quizzes/" + id + "/publish", lukou, "{}"), 403, "FORBIDDEN");
        assertProblem(api.put("/api/admin/v1/quizzes/" + id, lukou, contest(Map.of())), 403, "FORBIDDEN");
        assertThat(ids(api.get("/api/admin/v1/quizzes?mine=true&size=100", lucheng).json())).contains(id);
        assertThat(ids(api.get("/api/admin/v1/quizzes?mine=true&size=100", lukou).json())).doesNotContain(id);
    }

    @Test
    void aDepartmentStillRunsContestsForAnyAudienceAndTownsWriteQuestions() {
        String department = staff("UNIT_ADMIN", "KX");
        Response created = api.post("/api/admin/v1/quizzes", department,
                contest(Map.of("eligibleRegions", List.of(LUKOU_VILLAGE, LUCHENG_VILLAGE))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        String town = staff("TOWN_ADMIN", "T" + LUCHENG);
        Response question = api.post("/api/admin/v1/quiz-questions", town, ApiClient.json(Map.of(
                "type", "SINGLE", "stem", "陆城镇题目" + UUID.randomUUID(), "options", List.of("对", "错"),
                "answer", List.of(0), "difficulty", 1)));
        assertThat(question.status()).as(question.toString()).isEqualTo(201);
    }

    private String contest(Map<String, Object> overrides) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", "CONTEST");
        request.put("title", "陆城镇科普知识竞赛");
        request.put("opensAt", OffsetDateTime.now(clock.withZone(Zones.SHANGHAI)).minusMinutes(1).toString());
        request.put("closesAt", OffsetDateTime.now(clock.withZone(Zones.SHANGHAI)).plusDays(7).toString());
        request.put("timeLimitSeconds", 600);
        request.put("questionCount", 2);
        request.putAll(overrides);
        return ApiClient.json(request);
    }

    private String staff(String role, String unitCode) {
        String username = "q" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", "镇街",
                "password", password, "role", role));
        body.put("unitId", jdbc.queryForObject("SELECT id FROM org_unit WHERE code = ?", Long.class, unitCode));
        Response created = api.post("/api/admin/v1/staff", admin, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Logins.staff(api, username, password).path("accessToken").asString();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
