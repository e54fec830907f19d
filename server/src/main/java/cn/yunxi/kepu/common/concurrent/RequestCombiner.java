package cn.yunxi.kepu.common.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * the same exception. Items are never retried here. Items are taken in arrival order.
 *
 * @param <T> what a request hands in
 * @param <R> what it gets back
 */
public final class RequestCombiner<T, R> {

    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

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
        Pending<T, R> mine = new Pending<>(item, Thread.currentThread());
        waiting.add(mine);
        while (true) {
            combine(mine);
            if (mine.isDone()) {
                return mine.result();
            }
            // Woken when the item is done, or when a combiner leaves and this item is first in line; the slice
            // only bounds the wait should a wake-up be missed.
            LockSupport.parkNanos(this, WAIT_SLICE_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch");
            }
        }
    }

    /**
     * Becomes the combiner if no one is, and works only until its own item is done: a combiner that went on
     * serving a steady crowd would leave its own caller waiting for as long as the crowd lasts. On leaving, it
     * wakes whoever is first in line to take over, so queued items never wait out a slice.
     */
    private void combine(Pending<T, R> mine) {
        while (!mine.isDone() && combining.tryLock()) {
            try {
                while (!mine.isDone() && !waiting.isEmpty()) {
                    runOneBatch();
                }
            } finally {
                combining.unlock();
            }
            if (mine.isDone()) {
                break;
            }
        }
        Pending<T, R> next = waiting.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
    }

    private void runOneBatch() {
        List<Pending<T, R>> batch = new ArrayList<>();
        Pending<T, R> p;
        while (batch.size() < maxBatch && (p = waiting.poll()) != null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
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

    /** One queued item and the thread waiting for it (parked; woken by {@link #complete} or {@link #fail}). */
    private static final class Pending<T, R> {
        final T item;
        final Thread thread;
        private volatile boolean done;
        private R result;
        private Throwable failure;

        Pending(T item, Thread thread) {
            this.item = item;
            this.thread = thread;
        }

        void complete(R value) {
            result = value;
            done = true; // the volatile write publishes result
            LockSupport.unpark(thread);
        }

        void fail(Throwable e) {
            failure = e;
            done = true;
            LockSupport.unpark(thread);
        }

        boolean isDone() {
            return done;
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
