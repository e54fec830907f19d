package cn.yunxi.kepu.common.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class RequestCombinerTest {

    @Test
    void everyCallerGetsItsOwnResultAndACrowdIsServedInFewerBatches() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        RequestCombiner<Integer, String> combiner = new RequestCombiner<>(16, items -> {
            batchSizes.add(items.size());
            sleep(5); // a transaction's worth of work, so that others queue meanwhile
            return items.stream().map(i -> "r" + i).toList();
        });
        int callers = 200;
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                gate.await();
                return combiner.submit(n);
            }));
        }
        gate.countDown();
        for (int i = 0; i < callers; i++) {
            assertThat(results.get(i).get()).isEqualTo("r" + i);
        }
        pool.shutdown();
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(callers);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 16));
        assertThat(batchSizes.size()).isLessThan(callers / 2);
    }

    @Test
    void withAStepABatchAboveItHoldsAMultipleAndTheRestGoFirstIntoTheNext() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        RequestCombiner<Integer, String> combiner = new RequestCombiner<>(16, 4, items -> {
            batches.add(List.copyOf(items));
            if (batches.size() == 1) {
                await(release); // the first batch holds the drainer while the others queue
            }
            return items.stream().map(i -> "r" + i).toList();
        });
        List<String> results = new CopyOnWriteArrayList<>();
        Thread first = started(() -> results.add(combiner.submit(0)));
        while (batches.isEmpty()) {
            Thread.onSpinWait();
        }
        List<Thread> queued = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            int n = i;
            queued.add(started(() -> results.add(combiner.submit(n))));
        }
        // each caller parks only after its item is queued
        while (!queued.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING)) {
            Thread.onSpinWait();
        }
        release.countDown();
        first.join();
        for (Thread t : queued) {
            t.join();
        }

        assertThat(batches).extracting(List::size).containsExactly(1, 8, 3);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(results).containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9",
                "r10", "r11");
    }

    @Test
    void aStepMustDivideTheLargestBatch() {
        assertThatThrownBy(() -> new RequestCombiner<Integer, Integer>(10, 4, items -> items))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingBatchFailsItsOwnCallersOnly() throws Exception {
        AtomicBoolean failNext = new AtomicBoolean(true);
        RequestCombiner<Integer, Integer> combiner = new RequestCombiner<>(8, items -> {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("database went away");
            }
            return items;
        });
        assertThatThrownBy(() -> combiner.submit(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("database went away");
        assertThat(combiner.submit(2)).isEqualTo(2);
    }

    @Test
    void aBatchFunctionReturningTheWrongNumberOfResultsIsAnError() {
        RequestCombiner<Integer, Integer> combiner = new RequestCombiner<>(8, items -> List.of());
        assertThatThrownBy(() -> combiner.submit(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0 results for 1 items");
    }

    private static Thread started(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
