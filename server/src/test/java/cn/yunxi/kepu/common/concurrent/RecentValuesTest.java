package cn.yunxi.kepu.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentValuesTest {

    private static final Duration TTL = Duration.ofSeconds(1);

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(64);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aValueIsKeptForItsTimeThenLoadedAgain() {
        RecentValues<String, String> values = new RecentValues<>(TTL, 100,
                k -> k + loads.incrementAndGet(), clock::get);

        assertThat(values.get("a")).isEqualTo("a1");
        clock.addAndGet(TTL.toNanos() - 1);
        assertThat(values.get("a")).isEqualTo("a1");
        clock.addAndGet(1);
        assertThat(values.get("a")).isEqualTo("a2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void callersAtExpiryCauseOneLoadAndKeepTheOldCopyMeanwhile() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecentValues<String, Integer> values = new RecentValues<>(TTL, 100, k -> {
            int n = loads.incrementAndGet();
            if (n == 2) {
                loading.countDown();
                await(release);
            }
            return n;
        }, clock::get);
        assertThat(values.get("event")).isEqualTo(1);
        clock.addAndGet(TTL.toNanos());

        Future<Integer> reloader = pool.submit(() -> values.get("event"));
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(pool.submit(() -> values.get("event")));
        }
        for (Future<Integer> other : others) {
            // Served at once from the expired copy: they do not wait for the reload (still blocked).
            assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
        release.countDown();

        assertThat(reloader.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(values.get("event")).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void concurrentCallersWithNoCopyWaitForOneLoad() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecentValues<String, Integer> values = new RecentValues<>(TTL, 100, k -> {
            await(release);
            return loads.incrementAndGet();
        }, clock::get);
        CountDownLatch started = new CountDownLatch(20);
        List<Future<Integer>> callers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            callers.add(pool.submit(() -> {
                started.countDown();
                return values.get("event");
            }));
        }
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        release.countDown();

        for (Future<Integer> caller : callers) {
            assertThat(caller.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadFailsItsWaitersAndTheNextCallerTriesAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        RecentValues<String, String> values = new RecentValues<>(TTL, 100, k -> {
            if (attempts.incrementAndGet() == 1) {
                await(release);
                throw new IllegalStateException("not found");
            }
            return "found";
        }, clock::get);
        Future<String> first = pool.submit(() -> values.get("k"));
        while (attempts.get() == 0) {
            Thread.onSpinWait();
        }
        AtomicReference<Thread> waiting = new AtomicReference<>();
        Future<String> waiter = pool.submit(() -> {
            waiting.set(Thread.currentThread());
            return values.get("k");
        });
        awaitParked(waiting);
        release.countDown();

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(values.get("k")).isEqualTo("found");
    }

    @Test
    void aLoadUnderWayWhenTheValueIsInvalidatedIsNotKept() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger version = new AtomicInteger(1);
        RecentValues<String, Integer> values = new RecentValues<>(TTL, 100, k -> {
            int seen = version.get();
            if (loads.incrementAndGet() == 1) {
                loading.countDown();
                await(release);
            }
            return seen;
        }, clock::get);
        Future<Integer> early = pool.submit(() -> values.get("event"));
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
        // The event changes while the first load (which read version 1) is still running.
        version.set(2);
        values.invalidate("event");
        release.countDown();
        assertThat(early.get(5, TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(values.get("event")).isEqualTo(2);
    }

    @Test
    void anUpdateKeepsTheAgeAndAReloadReplacesIt() {
        RecentValues<String, String> values = new RecentValues<>(TTL, 100,
                k -> "v" + loads.incrementAndGet(), clock::get);
        values.get("k");
        clock.addAndGet(TTL.toNanos() / 2);
        values.update("k", v -> v + "-full");
        assertThat(values.get("k")).isEqualTo("v1-full");
        clock.addAndGet(TTL.toNanos() / 2);
        assertThat(values.get("k")).isEqualTo("v2");
        values.update("absent", v -> v + "-full");
        assertThat(values.get("absent")).isEqualTo("v3");
    }

    /** Until the thread is blocked (here: waiting for the load under way). */
    private static void awaitParked(AtomicReference<Thread> thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.get() == null || thread.get().getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the caller never waited");
            }
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
