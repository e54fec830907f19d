package cn.yunxi.kepu.common.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Turns concurrent requests into batches (group commit). Each request thread queues its item and waits; a drainer
 * (one task on a shared pool, started when the first item arrives) hands up to {@code maxBatch} queued items to the
 * batch function at once (typically one database transaction), completes every waiting thread with its own
 * result, and goes on while items keep arriving. Items that arrive while a batch runs form the next batch, so
 * under a crowd there is one transaction per batch instead of one per request, and a lone request is simply a
 * batch of one.
 *
 * <p>The drainer is not one of the request threads on purpose: a request thread that served the others would
 * keep its own caller waiting for as long as the crowd lasts, and handing over after every batch made batches
 * small. Work done in the batch function therefore runs without the request's thread-local context.
 *
 * <p>The batch function returns one result per item, in order. If it throws, every item of that batch fails with
 * the same exception. Items are never retried here. Items are taken in arrival order.
 *
 * <p>With a {@code step} above one, a batch of more than {@code step} items holds a multiple of it: the few items
 * beyond go first into the next batch. For a batch function whose statements carry one row per item and are sent in
 * multiples of {@code step} rows, every statement then goes whole instead of as two.
 *
 * @param <T> what a request hands in
 * @param <R> what it gets back
 */
public final class RequestCombiner<T, R> {

    private static final long WAIT_SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final AtomicInteger DRAINER_NUMBERS = new AtomicInteger();
    // Shared by all combiners: a drainer occupies a thread only while its combiner has queued items.
    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "request-combiner-" + DRAINER_NUMBERS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final int maxBatch;
    private final int step;
    private final Function<List<T>, List<R>> batchFunction;
    private final ConcurrentLinkedQueue<Pending<T, R>> waiting = new ConcurrentLinkedQueue<>();
    /** Items a rounded batch left for the next one; touched only by the one drainer, empty whenever none runs. */
    private final ArrayDeque<Pending<T, R>> carried = new ArrayDeque<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    public RequestCombiner(int maxBatch, Function<List<T>, List<R>> batchFunction) {
        this(maxBatch, 1, batchFunction);
    }

    /**
     * Batches of more than {@code step} items hold a multiple of it; {@code maxBatch} must itself be a multiple of
     * {@code step}.
     */
    public RequestCombiner(int maxBatch, int step, Function<List<T>, List<R>> batchFunction) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1");
        }
        if (step < 1 || maxBatch % step != 0) {
            throw new IllegalArgumentException("step must be >= 1 and divide maxBatch");
        }
        this.maxBatch = maxBatch;
        this.step = step;
        this.batchFunction = batchFunction;
    }

    /** Hands the item in and blocks until its batch is done; rethrows the batch function's exception. */
    public R submit(T item) {
        Pending<T, R> mine = new Pending<>(item, Thread.currentThread());
        waiting.add(mine);
        if (draining.compareAndSet(false, true)) {
            DRAINERS.execute(this::drain);
        }
        while (!mine.isDone()) {
            // Woken when the item is done; the slice only bounds the wait should a wake-up be missed.
            LockSupport.parkNanos(this, WAIT_SLICE_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch");
            }
        }
        return mine.result();
    }

    /**
     * Runs batches while there are items. Before leaving it clears the flag and looks once more, so an item
     * queued just as it was leaving either sees the flag cleared (and starts a drainer) or is seen here. It leaves
     * nothing carried over.
     */
    private void drain() {
        while (true) {
            while (!waiting.isEmpty() || !carried.isEmpty()) {
                runOneBatch();
            }
            draining.set(false);
            if (waiting.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void runOneBatch() {
        List<Pending<T, R>> batch = new ArrayList<>();
        Pending<T, R> p;
        while (batch.size() < maxBatch && (p = carried.poll()) != null) {
            batch.add(p);
        }
        while (batch.size() < maxBatch && (p = waiting.poll()) != null) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() > step) {
            for (int beyond = batch.size() % step; beyond > 0; beyond--) {
                carried.addFirst(batch.remove(batch.size() - 1));
            }
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
