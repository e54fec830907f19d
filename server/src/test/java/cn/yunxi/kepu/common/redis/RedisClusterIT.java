package cn.yunxi.kepu.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Contests;
import cn.yunxi.kepu.support.ExtraInstance;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.LocalRedisCluster;
import cn.yunxi.kepu.support.Logins;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import tools.jackson.databind.JsonNode;

/**
 * The application on a Redis Cluster of three masters, selected by configuration alone
 * ({@code spring.data.redis.cluster.nodes}; the URL it also has then only gives credentials and TLS, its host is not
 * used): leaderboards (Lua over a board and its ready marker, which share
 * a hash tag), a rate limit, token revocation and the feed cache all work, their keys carry the deployment prefix and
 * spread over the masters, and no node ever rejected a command (a cross-slot script would be).
 */
@KepuIntegrationTest
class RedisClusterIT {

    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeploymentIdentity deployment;

    @Test
    void leaderboardsRateLimitsRevocationAndCachesWorkOnACluster() throws Exception {
        try (LocalRedisCluster cluster = LocalRedisCluster.start();
             ConfigurableApplicationContext instance = ExtraInstance.start(environment,
                     "spring.data.redis.cluster.nodes=" + cluster.nodes())) {
            RedisConnectionFactory factory = instance.getBean(RedisConnectionFactory.class);
            assertThat(factory).isInstanceOfSatisfying(LettuceConnectionFactory.class,
                    lettuce -> assertThat(lettuce.isClusterAware()).isTrue());
            RedisClusterClient client = RedisClusterClient.create(RedisURI.create("127.0.0.1", cluster.ports().get(0)));
            try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
                exercise(new ApiClient(ExtraInstance.port(instance)), connection.sync(), deployment.namespace() + ":");
            } finally {
                client.shutdown();
            }
        }
    }

    private void exercise(ApiClient api, RedisAdvancedClusterCommands<String, String> redis, String ns) {
        // leaderboard: submissions land in the board's sorted set, read back (with ranks) by the Lua scripts
        String admin = Logins.districtAdminToken(api);
        long contest = Contests.published(api, admin, "集群排行榜");
        String first = Logins.residentToken(api);
        String second = Logins.residentToken(api);
        assertThat(Contests.take(api, jdbc, first, contest, 4).status()).isEqualTo(200);
        assertThat(Contests.take(api, jdbc, second, contest, 2).status()).isEqualTo(200);
        long scriptsBefore = scriptCalls(redis);
        JsonNode mine = ok(api.get("/api/v1/quizzes/" + contest + "/leaderboard?top=10", second));
        assertThat(mine.path("participants").asLong()).isEqualTo(2);
        assertThat(mine.path("me").path("rank").asInt()).isEqualTo(2);
        assertThat(mine.path("me").path("score").asInt()).isEqualTo(20);
        JsonNode top = ok(api.get("/api/admin/v1/quizzes/" + contest + "/leaderboard?top=10", admin));
        assertThat(top.path("participants").asLong()).isEqualTo(2);
        assertThat(top.path("items").get(0).path("score").asInt()).isEqualTo(40);
        String board = ns + "kepu:quiz:lb:{" + contest + "}";
        assertThat(redis.zcard(board)).as("the board lives in the cluster").isEqualTo(2);
        assertThat(redis.exists(board + ":ready")).isEqualTo(1);
        assertThat(SlotHash.getSlot(board + ":ready")).isEqualTo(SlotHash.getSlot(board));
        assertThat(scriptCalls(redis)).as("answered by Lua on the cluster, not by MySQL").isGreaterThan(scriptsBefore);

        // rate limit: 30 keyword searches a minute, the 31st refused
        String searcher = Logins.residentToken(api);
        for (int i = 0; i < 30; i++) {
            assertThat(api.get("/api/v1/contents?keyword=科普" + i, searcher).status()).isEqualTo(200);
        }
        ApiClient.Response limited = api.get("/api/v1/contents?keyword=科普", searcher);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(redis.keys(ns + "kepu:rate:content-search:*")).isNotEmpty();

        // revocation: a logout ends the access token, and the marker is in the cluster for every instance
        List<String> revokedBefore = redis.keys(ns + "kepu:auth:revoked:*");
        JsonNode login = Logins.newResident(api);
        String access = login.path("accessToken").asString();
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/logout", null,
                ApiClient.json(Map.of("refreshToken", login.path("refreshToken").asString()))).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(401);
        assertThat(redis.keys(ns + "kepu:auth:revoked:*")).hasSize(revokedBefore.size() + 1);

        // content cache: the rendered feed page is cached in the cluster and answers conditional requests
        String reader = Logins.residentToken(api);
        ApiClient.Response feed = api.get("/api/v1/contents?size=20", reader);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(redis.keys(ns + "kepu:content:feed:*")).isNotEmpty();
        assertThat(api.get("/api/v1/contents?size=20", reader, "If-None-Match", feed.header("ETag")).status())
                .isEqualTo(304);

        // every key carries the deployment prefix; without braces in it the keys spread over the masters
        long mastersHoldingKeys = redis.getStatefulConnection().getPartitions().stream()
                .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
                .filter(node -> redis.getConnection(node.getNodeId()).dbsize() > 0)
                .count();
        assertThat(mastersHoldingKeys).isGreaterThan(1);
        assertThat(redis.keys("*")).allMatch(key -> key.startsWith(ns));
        assertThat(rejectedCalls(redis)).as("no CROSSSLOT or other rejected command on any node").isZero();
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** EVAL and EVALSHA calls over all masters ({@code INFO commandstats}). */
    private static long scriptCalls(RedisAdvancedClusterCommands<String, String> redis) {
        return statSum(redis, List.of("cmdstat_eval:", "cmdstat_evalsha:"), "calls=");
    }

    private static long rejectedCalls(RedisAdvancedClusterCommands<String, String> redis) {
        return statSum(redis, List.of("cmdstat_"), "rejected_calls=");
    }

    private static long statSum(RedisAdvancedClusterCommands<String, String> redis, List<String> lines, String field) {
        long sum = 0;
        for (RedisClusterNode node : redis.getStatefulConnection().getPartitions()) {
            String info = redis.getConnection(node.getNodeId()).info("commandstats");
            for (String line : info.split("\r?\n")) {
                if (lines.stream().anyMatch(line::startsWith)) {
                    for (String part : line.substring(line.indexOf(':') + 1).split(",")) {
                        if (part.startsWith(field)) {
                            sum += Long.parseLong(part.substring(field.length()));
                        }
                    }
                }
            }
        }
        return sum;
    }
}
