package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.QuizAnswers;
import tools.jackson.databind.JsonNode;

/**
 * The daily-quiz points cap, reached through the quiz itself. With the shipped settings a run earns at most the cap
 * (5 questions × 2 points = 10), so this context lowers the cap to 6 points: a run asking for more is cut to it,
 * and after midnight (Asia/Shanghai) the next day's run has the whole cap again.
 */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.points.daily-caps.DAILY_QUIZ=6")
class DailyQuizCapIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    ApiClient api;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRunAskingForMoreThanTheCapIsCutToItAndTheCapIsWholeAgainAfterMidnight() {
        clock.pin(LocalDateTime.of(2030, 5, 10, 23, 50).atZone(Zones.SHANGHAI).toInstant());
        api = new ApiClient(port);
        JsonNode login = Logins.newResident(api);
        String token = login.path("accessToken").asString();
        long residentId = login.path("resident").path("id").asLong();
        long daily = jdbc.queryForObject("SELECT id FROM quiz WHERE kind = 'DAILY' ORDER BY id LIMIT 1", Long.class);

        assertThat(run(token, daily, 4).path("result").path("correctCount").asInt()).isEqualTo(4);
        JsonNode points = api.get("/api/v1/me/points", token).json();
        assertThat(points.path("balance").asLong()).as("4 right × 2 = 8, cut to the cap").isEqualTo(6);
        assertThat(today(points).path("earned").asInt()).isEqualTo(6);
        assertThat(today(points).path("cap").asInt()).isEqualTo(6);

        // ten minutes later it is the 11th in Shanghai: a new run, and the cap is whole again
        clock.advance(Duration.ofMinutes(15));
        assertThat(run(token, daily, 5).path("result").path("correctCount").asInt()).isEqualTo(5);
        points = api.get("/api/v1/me/points", token).json();
        assertThat(points.path("balance").asLong()).isEqualTo(12);
        assertThat(today(points).path("earned").asInt()).isEqualTo(6);

        assertThat(jdbc.queryForList("SELECT requested, amount, award_day FROM points_ledger WHERE resident_id = ? "
                        + "AND reason = 'DAILY_QUIZ' ORDER BY id", residentId).stream()
                .map(r -> r.get("requested") + "→" + r.get("amount") + "@" + r.get("award_day")).toList())
                .containsExactly("8→6@2030-05-10", "10→6@2030-05-11");
        assertThat(jdbc.queryForList("SELECT total FROM points_daily_total WHERE resident_id = ? "
                + "AND reason = 'DAILY_QUIZ' ORDER BY award_day", Integer.class, residentId)).containsExactly(6, 6);
    }

    private JsonNode run(String token, long daily, int right) {
        Response started = api.post("/api/v1/quizzes/" + daily + "/attempts", token, "{}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        long id = started.json().path("id").asLong();
        Response submitted = api.post("/api/v1/attempts/" + id + "/submit", token,
                QuizAnswers.body(QuizAnswers.some(jdbc, id, right)));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return submitted.json();
    }

    private static JsonNode today(JsonNode points) {
        return points.path("today").valueStream().filter(t -> t.path("reason").asString().equals("DAILY_QUIZ"))
                .findFirst().orElseThrow();
    }
}
