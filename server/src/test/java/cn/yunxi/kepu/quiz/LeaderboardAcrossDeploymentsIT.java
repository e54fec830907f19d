package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.redis.DeploymentIdentity;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.Contests;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/**
 * A server on its database next to a Redis that still holds the boards of another database (an older deployment
 * before keys were namespaced, a staging copy, the database before a restore): quiz ids are handed out again from 1,
 * so the same board name would show the other database's residents. Keys carry the deployment's id, so the board
 * shows only what this database holds.
 */
@KepuIntegrationTest
class LeaderboardAcrossDeploymentsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    DeploymentIdentity deployment;

    @Test
    void boardsOfAnotherDatabaseInTheSameRedisNeverShow() {
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        long contest = Contests.published(api, admin, "命名空间测试赛");
        for (int i = 0; i < 3; i++) {
            Logins.residentToken(api); // residents of this database whose ids the other database also used
        }
        List<Long> strangers = jdbc.queryForList("SELECT id FROM resident ORDER BY id DESC LIMIT 3", Long.class);
        assertThat(strangers).hasSize(3);
        // what the other databases left: the un-namespaced names of before, and another deployment's
        for (String prefix : List.of("", "0123456789ab:")) {
            String board = prefix + RedisLeaderboard.key(contest);
            redis.execute((RedisCallback<Object>) c -> {
                strangers.forEach(id -> c.zSetCommands().zAdd(bytes(board), 100, bytes(id.toString())));
                c.stringCommands().set(bytes(board + ":ready"), bytes("1"));
                return null;
            });
        }

        JsonNode empty = api.get("/api/admin/v1/quizzes/" + contest + "/leaderboard?top=10", admin).json();
        assertThat(empty.path("participants").asLong()).isZero();
        assertThat(empty.path("items")).isEmpty();

        Response submitted = Contests.take(api, jdbc, Logins.residentToken(api), contest, 3);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);

        JsonNode board = api.get("/api/admin/v1/quizzes/" + contest + "/leaderboard?top=10", admin).json();
        assertThat(board.path("participants").asLong()).isEqualTo(1).isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM quiz_contest_entry WHERE quiz_id = ?", Long.class, contest));
        assertThat(board.path("items")).hasSize(1);
        assertThat(board.path("items").get(0).path("score").asInt()).isEqualTo(30);

        // this deployment's own board lives under the id stored in this database
        String namespace = jdbc.queryForObject("SELECT redis_namespace FROM deployment_identity", String.class);
        assertThat(namespace).isEqualTo(deployment.namespace()).matches("[0-9a-f]{12}");
        Long stored = redis.execute((RedisConnection c) -> c.zSetCommands()
                .zCard(bytes(namespace + ":" + RedisLeaderboard.key(contest))));
        assertThat(stored).isEqualTo(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
