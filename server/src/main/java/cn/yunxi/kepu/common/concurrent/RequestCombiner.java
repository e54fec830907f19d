package cn.yunxi.kepu.common.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Turns concurrent requests into batches (flat combining). Each request thread queues its item; whichever thread
 * finds no one at work becomes the combiner and hands up to {@code maxBatch} queued items to the batch function
 * at once (typically one database transaction), then completes every waiting thread with its own result. Under a
 * crowd this costs one transaction per batch instead of one per request, without parking hundreds of threads on
 * the connection pool; a lone request is simply a batch of one.
 *
 * <p>The batch function returns one result per item, in order. If it throws, every item of that batch fails with
 * the same exception. Items are never retried here.
 *
 * @param <T> what a request hands in
 * @param <R> what it gets back
 */
public final class RequestCombiner<T, R> {

    private static final long WAIT_SLICE_MILLIS = 200;
    private static final int MAX_COMBINING_PASSES = 5;
    private static final int MAX_BATCHES_PER_PASS = 10;

    private final int maxBatch;
    private final Function<List<T>, List<R>> batchFunction;
    private final ConcurrentLinkedQueue<Pending<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock combining = new ReentrantLock();

    public RequestCombiner(int maxBatch, Function<List<T>, List<R>> batchFunction) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1");
        }
        this.maxBatch = maxBatch;
        this.batchFunction = batchFunction;
    }

    /** Hands the item in and blocks until its batch is done; rethrows the batch function's exception. */
    public R submit(T item) {
        Pending<T, R> mine = new Pending<>(item);
        waiting.add(mine);
        while (true) {
            combine();
            try {
                if (mine.await(WAIT_SLICE_MILLIS)) {
                    return mine.result();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // The slice ended: a combiner that has worked long enough hands over, so take over if no one has.
        }
    }

    /**
     * Becomes the combiner if no one is. After unlocking it looks at the queue again, so an item queued just
     * before the unlock is never left waiting; after a few passes it hands over to a waiting thread, so no
     * request thread works for the others for long.
     */
    private void combine() {
        int passes = 0;
        while (!waiting.isEmpty() && passes++ < MAX_COMBINING_PASSES && combining.tryLock()) {
            try {
                drain();
            } finally {
                combining.unlock();
            }
        }
    }

    private void drain() {
        for (int rounds = 0; rounds < MAX_BATCHES_PER_PASS && !waiting.isEmpty(); rounds++) {
            List<Pending<T, R>> batch = new ArrayList<>();
            Pending<T, R> p;
            while (batch.size() < maxBatch && (p = waiting.poll()) != null) {
                batch.add(p);
            }
            List<T> items = new ArrayList<>(batch.size());
            batch.forEach(b -> items.add(b.item));
            try {
                List<R> results = batchFunction.apply(items);
                if (results.size() != batch.size()) {
                    throw new IllegalStateException("batch function returned " + results.size() + " results for "
                            + batch.size() + " items");
                }
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).complete(results.get(i));
                }
            } catch (RuntimeException | Error e) {
                batch.forEach(b -> b.fail(e));
            }
        }
    }

    /**
     * One queued item. Waiting is in slices on a latch rather than a future's timed get, which would throw a
     * TimeoutException (stack trace and all) at every slice a request waits through.
     */
    private static final class Pending<T, R> {
        final T item;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile R result;
        private volatile Throwable failure;

        Pending(T item) {
            this.item = item;
        }

        void complete(R value) {
            result = value;
            done.countDown();
        }

        void fail(Throwable e) {
            failure = e;
            done.countDown();
        }

        boolean await(long millis) throws InterruptedException {
            return done.await(millis, TimeUnit.MILLISECONDS);
        }

        R result() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
