package cn.yunxi.kepu.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import cn.yunxi.kepu.support.LocalRedisSentinel;
import cn.yunxi.kepu.support.Logins;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import tools.jackson.databind.JsonNode;

/**
 * The application behind a Redis Sentinel, selected by configuration alone ({@code spring.data.redis.sentinel.*}):
 * it writes to the master the Sentinel names, and after a failover (the replica promoted) it follows the new master
 * without a restart, its leaderboard agreeing with MySQL.
 */
@KepuIntegrationTest
class RedisSentinelIT {

    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeploymentIdentity deployment;

    @Test
    void writesGoToTheMasterTheSentinelNamesAndFollowAFailover() throws Exception {
        try (LocalRedisSentinel sentinel = LocalRedisSentinel.start();
             ConfigurableApplicationContext instance = ExtraInstance.start(environment,
                     "spring.data.redis.sentinel.master=" + LocalRedisSentinel.MASTER_NAME,
                     "spring.data.redis.sentinel.nodes=" + sentinel.sentinelNodes())) {
            RedisConnectionFactory factory = instance.getBean(RedisConnectionFactory.class);
            assertThat(factory).isInstanceOfSatisfying(LettuceConnectionFactory.class,
                    lettuce -> assertThat(lettuce.isRedisSentinelAware()).isTrue());
            ApiClient api = new ApiClient(ExtraInstance.port(instance));
            String board = deployment.namespace() + ":kepu:quiz:lb:{";
            String admin = Logins.districtAdminToken(api);
            long contest = Contests.published(api, admin, "哨兵排行榜");
            board += contest + "}";
            assertThat(Contests.take(api, jdbc, Logins.residentToken(api), contest, 4).status()).isEqualTo(200);
            assertThat(participants(api, admin, contest)).isEqualTo(1);
            // the database number still comes from the URL, as it does for a single Redis
            int database = ((LettuceConnectionFactory) factory).getDatabase();
            RedisClient client = RedisClient.create();
            try (StatefulRedisConnection<String, String> oldMaster = client.connect(
                    RedisURI.builder().withHost("127.0.0.1").withPort(sentinel.masterPort()).withDatabase(database)
                            .build());
                 StatefulRedisConnection<String, String> newMaster = client.connect(
                         RedisURI.builder().withHost("127.0.0.1").withPort(sentinel.replicaPort())
                                 .withDatabase(database).build())) {
                assertThat(oldMaster.sync().zcard(board)).as("written to the master").isEqualTo(1);

                sentinel.failover();
                String searcher = Logins.residentToken(api);
                awaitWritesOn(newMaster.sync(), api, searcher);

                assertThat(Contests.take(api, jdbc, Logins.residentToken(api), contest, 2).status()).isEqualTo(200);
                assertThat(participants(api, admin, contest)).isEqualTo(2).isEqualTo(
                        jdbc.queryForObject("SELECT COUNT(*) FROM quiz_contest_entry WHERE quiz_id = ?", Long.class,
                                contest));
                assertThat(newMaster.sync().zcard(board)).as("the board on the promoted master").isEqualTo(2);
            } finally {
                client.shutdown();
            }
        }
    }

    /** Keyword searches count in Redis; once their counter shows up on the new master, the instance writes there. */
    private void awaitWritesOn(RedisCommands<String, String> newMaster, ApiClient api, String resident)
            throws InterruptedException {
        String counters = deployment.namespace() + ":kepu:rate:content-search:*";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int i = 0; newMaster.keys(counters).isEmpty(); i++) {
            assertThat(System.nanoTime()).as("the instance writes to the promoted master").isLessThan(deadline);
            assertThat(api.get("/api/v1/contents?keyword=哨兵" + i, resident).status()).isIn(200, 429);
            Thread.sleep(500);
        }
    }

    private static long participants(ApiClient api, String admin, long contest) {
        ApiClient.Response r = api.get("/api/admin/v1/quizzes/" + contest + "/leaderboard?top=10", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode board = r.json();
        return board.path("participants").asLong();
    }
}
