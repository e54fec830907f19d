package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Contests;
import cn.yunxi.kepu.support.FaultProxy;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.ProxiedInstance;
import tools.jackson.databind.JsonNode;

/**
 * Redis silent (a partition: connections stay open, nothing answers) and then gone (connections reset), between a
 * second instance and Redis, through a fault proxy. MySQL is the truth: the feed, signups, quiz submissions and
 * leaderboards keep answering from it, no request waits on Redis much longer than the one-second command timeout,
 * and when Redis answers again the instance uses it without a restart, its boards agreeing with MySQL.
 */
@KepuIntegrationTest
class RedisOutageIT {

    /** The 1 s command timeout once, plus slack for a loaded CI machine; several Redis timeouts would exceed it. */
    private static final Duration BOUND = Duration.ofMillis(2800);

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;

    private ProxiedInstance behindProxy;

    @AfterEach
    void tearDown() {
        if (behindProxy != null) {
            behindProxy.close();
        }
    }

    @Test
    void mysqlAnswersWhileRedisIsSilentOrGoneAndRedisIsUsedAgainWhenItReturns() throws Exception {
        ApiClient main = new ApiClient(port);
        String admin = Logins.districtAdminToken(main);
        String staff = EventFixtures.staffToken(main, admin, "UNIT_ADMIN", EventFixtures.unitId(main, admin, "区科协"));
        long event = EventFixtures.published(main, staff, EventFixtures.event()).path("id").asLong();
        long contest = Contests.published(main, admin, "断网也能答");
        assertThat(Contests.take(main, jdbc, Logins.residentToken(main), contest, 4).status()).isEqualTo(200);
        String[] residents = {Logins.residentToken(main), Logins.residentToken(main), Logins.residentToken(main)};

        behindProxy = ProxiedInstance.toRedis(environment);
        FaultProxy proxy = behindProxy.proxy();
        ApiClient api = behindProxy.api();
        assertThat(api.get("/api/v1/contents?size=20", residents[0]).status()).isEqualTo(200);
        assertThat(board(api, admin, contest).path("participants").asLong()).isEqualTo(1);

        proxy.hang();
        servesFromMysql(api, admin, residents[0], event, contest, 2);
        proxy.heal();
        behindProxy.awaitRedis();
        JsonNode healed = board(api, admin, contest);
        assertThat(healed.path("participants").asLong()).as("rebuilt from MySQL after the outage")
                .isEqualTo(entries(contest)).isEqualTo(2);

        proxy.reset();
        servesFromMysql(api, admin, residents[1], event, contest, 3);
        proxy.heal();
        behindProxy.awaitRedis();
        assertThat(board(api, admin, contest).path("participants").asLong()).isEqualTo(entries(contest)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ?", Integer.class, event))
                .isEqualTo(2);
    }

    private void servesFromMysql(ApiClient api, String admin, String resident, long event, long contest,
                                 long participants) {
        ApiClient.Response feed = timed(() -> api.get("/api/v1/contents?size=20", resident));
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.json().path("items")).isNotEmpty();
        ApiClient.Response signup = timed(() -> EventFixtures.signup(api, resident, event));
        assertThat(signup.status()).as(signup.toString()).isIn(200, 201);
        assertThat(signup.json().path("status").asString()).isEqualTo("CONFIRMED");
        ApiClient.Response submitted = timed(() -> Contests.take(api, jdbc, resident, contest, 3));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode board = timed(() -> api.get("/api/admin/v1/quizzes/" + contest + "/leaderboard?top=10", admin))
                .json();
        assertThat(board.path("participants").asLong()).as("from MySQL").isEqualTo(participants)
                .isEqualTo(entries(contest));
    }

    private JsonNode board(ApiClient api, String admin, long contest) {
        ApiClient.Response r = api.get("/api/admin/v1/quizzes/" + contest + "/leaderboard?top=10", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private long entries(long contest) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM quiz_contest_entry WHERE quiz_id = ?", Long.class, contest);
    }

    private static <T> T timed(Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered without waiting on Redis")
                .isLessThan(BOUND);
        return result;
    }
}
