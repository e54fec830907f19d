package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.yunxi.kepu.support.KepuIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rendered top of a board: requests arriving together when the cached copy has expired share one rendering
 * (one set of queries) instead of each rendering it, and the JSON written for it is the standings themselves.
 */
@KepuIntegrationTest
class LeaderboardRendererIT {

    @Autowired
    LeaderboardRenderer renderer;
    @Autowired
    JsonMapper json;

    @Test
    void requestsArrivingTogetherShareOneRendering() throws Exception {
        // A board id no test uses, with residents that have no entry: each is rendered as "云溪区 居民".
        long quizId = 900_000_000L + ThreadLocalRandom.current().nextLong(1_000_000);
        LocalDateTime start = LocalDateTime.of(2030, 5, 1, 9, 0);
        List<long[]> top = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            top.add(new long[] {800_000_000L + i,
                    LeaderboardKey.encode(100 - i, 60_000 + i * 1_000L, start.plusMinutes(10), start)});
        }
        int callers = 16;
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<LeaderboardService.Top> rendered = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    rendered.add(renderer.standings(quizId, List.copyOf(top), 50));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // The same instance for all: renderings of their own would be equal but distinct objects.
        LeaderboardService.Top only = rendered.peek();
        assertThat(rendered).hasSize(callers).allSatisfy(t -> assertThat(t).isSameAs(only));
        assertThat(only.standings()).hasSize(50);
        JsonNode written = json.readTree(json.writeValueAsString(
                new LeaderboardService.Board(50, only, new LeaderboardService.Mine(null, null, null))));
        assertThat(written.path("items").toString()).isEqualTo(json.writeValueAsString(only.standings()));
        assertThat(written.path("items").get(0).path("name").asString()).isEqualTo("云溪区 居民");

        // A different order is a different top: rendered again, not served from the copy.
        List<long[]> changed = new ArrayList<>(top);
        changed.set(0, top.get(1));
        changed.set(1, top.get(0));
        assertThat(renderer.standings(quizId, changed, 50)).isNotSameAs(only);
    }
}
