package cn.yunxi.kepu.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.KepuIntegrationTest;

/**
 * The deployment's id: made once per database even when instances start together, kept across restarts, new after
 * the row is deleted (what the restore steps do), and the prefix of the keys the application writes.
 */
@KepuIntegrationTest
class DeploymentIdentityIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeploymentIdentity deployment;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void instancesStartingTogetherOnAnEmptyTableAgreeOnOneNewId() throws Exception {
        String running = deployment.namespace();
        assertThat(DeploymentIdentity.loadOrCreate(jdbc)).as("a restart keeps it").isEqualTo(running);
        try {
            jdbc.update("DELETE FROM deployment_identity");
            CyclicBarrier together = new CyclicBarrier(6);
            List<CompletableFuture<String>> starts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                starts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return DeploymentIdentity.loadOrCreate(jdbc);
                }));
            }
            List<String> seen = starts.stream().map(CompletableFuture::join).distinct().toList();
            assertThat(seen).hasSize(1);
            assertThat(seen.get(0)).isNotEqualTo(running).matches("[0-9a-f]{12}");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deployment_identity", Integer.class)).isEqualTo(1);
        } finally {
            // the running context (and instances other tests start) keep using the original id
            jdbc.update("UPDATE deployment_identity SET redis_namespace = ?", running);
        }
    }

    @Test
    void theTemplateWritesUnderTheNamespaceAndReadsItsOwnNamesBack() {
        redis.opsForValue().set("kepu:test:namespaced", "1");
        Boolean raw = redis.execute((org.springframework.data.redis.core.RedisCallback<Boolean>) c ->
                c.keyCommands().exists(NamespacedKeys.raw(redis, "kepu:test:namespaced")));
        assertThat(raw).isTrue();
        assertThat(new String(NamespacedKeys.raw(redis, "kepu:test:namespaced"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(deployment.namespace() + ":kepu:test:namespaced");
        assertThat(redis.keys("kepu:test:namespace*")).containsExactly("kepu:test:namespaced");
        redis.delete("kepu:test:namespaced");
    }
}
