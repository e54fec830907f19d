package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import cn.yunxi.kepu.support.KepuIntegrationTest;

/**
 * Residents reading a board at the same moment have their own standings fetched together (one script for all of
 * them): each still gets exactly their own value and rank, and a result offered before a resident asks is always
 * part of the answer.
 */
@KepuIntegrationTest
class OwnStandingsIT {

    @Autowired
    RedisLeaderboard board;
    @Autowired
    StringRedisTemplate redis;

    private static final long FIRST_RESIDENT = 700_000_000L;

    @Test
    void concurrentReadersEachGetTheirOwnStanding() throws Exception {
        // A board id no test uses, filled directly: resident FIRST + i has value 1000 + 7 * (i % 40) (ties share
        // a value), and residents beyond the last have no entry.
        long quizId = 910_000_000L + ThreadLocalRandom.current().nextLong(1_000_000);
        int entrants = 200;
        long[] values = new long[entrants];
        for (int i = 0; i < entrants; i++) {
            values[i] = 1000 + 7L * (i % 40);
            redis.opsForZSet().add(RedisLeaderboard.key(quizId), Long.toString(FIRST_RESIDENT + i), values[i]);
        }
        redis.opsForValue().set(RedisLeaderboard.readyKey(quizId), "1");
        try {
            RawBoard first = board.read(quizId, FIRST_RESIDENT, 50); // the top is read and shared from here on
            assertThat(first).isNotNull();
            assertThat(first.total()).isEqualTo(entrants);

            int callers = 64;
            for (int round = 0; round < 5; round++) {
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(callers);
                try {
                    List<Future<RawBoard>> answers = new ArrayList<>();
                    List<Long> asked = new ArrayList<>();
                    for (int c = 0; c < callers; c++) {
                        long resident = FIRST_RESIDENT + ThreadLocalRandom.current().nextInt(entrants + 20);
                        asked.add(resident);
                        answers.add(pool.submit(() -> {
                            go.await();
                            return board.read(quizId, resident, 50);
                        }));
                    }
                    go.countDown();
                    for (int c = 0; c < callers; c++) {
                        RawBoard raw = answers.get(c).get();
                        int i = (int) (asked.get(c) - FIRST_RESIDENT);
                        assertThat(raw).isNotNull();
                        assertThat(raw.total()).isEqualTo(entrants);
                        assertThat(raw.top()).hasSize(50);
                        if (i >= entrants) {
                            assertThat(raw.myValue()).as("resident %d has no entry", i).isNull();
                            assertThat(raw.above()).isNull();
                        } else {
                            long above = 0;
                            for (long v : values) {
                                if (v > values[i]) {
                                    above++;
                                }
                            }
                            assertThat(raw.myValue()).as("resident %d", i).isEqualTo(values[i]);
                            assertThat(raw.above()).as("resident %d", i).isEqualTo(above);
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
            }

            // A result another instance added before the resident asks is in the answer at once, though this
            // instance still shares the top it read a moment ago.
            long newcomer = FIRST_RESIDENT + entrants + 5;
            redis.opsForZSet().add(RedisLeaderboard.key(quizId), Long.toString(newcomer), 5000);
            RawBoard mine = board.read(quizId, newcomer, 50);
            assertThat(mine.myValue()).isEqualTo(5000L);
            assertThat(mine.above()).isZero();

            // Offers (this instance's, after a submission's commit) keep each resident's better value (ZADD GT).
            board.offer(quizId, List.of("900", Long.toString(FIRST_RESIDENT + 3), "6000", Long.toString(newcomer)));
            assertThat(board.read(quizId, FIRST_RESIDENT + 3, 50).myValue()).isEqualTo(values[3]);
            RawBoard best = board.read(quizId, newcomer, 50);
            assertThat(best.myValue()).isEqualTo(6000L);
            assertThat(best.top().get(0)).containsExactly(newcomer, 6000L);
        } finally {
            redis.delete(List.of(RedisLeaderboard.key(quizId), RedisLeaderboard.readyKey(quizId)));
        }
    }
}
