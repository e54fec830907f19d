package cn.yunxi.kepu.common.persistence;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs statements again when InnoDB chose them as a deadlock victim (or their lock wait timed out). Queue work
 * claimed by conditional updates ("the next N due rows") can deadlock between two instances even though each row
 * goes to one of them: the updates lock index and row records in different orders. InnoDB rolls the victim back
 * whole and expects the application to try again, so the work given here must be safe to repeat — conditional
 * updates in autocommit mode, or one transaction.
 */
public final class LockConflicts {

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class)
            .maxRetries(4)
            .delay(Duration.ofMillis(10))
            .multiplier(2)
            .jitter(Duration.ofMillis(10))
            .build());

    private LockConflicts() {
    }

    /** {@link #retried} for a write whose result is not needed. */
    public static void retriedWrite(Runnable write) {
        retried(() -> {
            write.run();
            return null;
        });
    }

    /** The work's result; the last lock failure if it still lost after the retries. */
    public static <T> T retried(Supplier<T> work) {
        try {
            return RETRY.execute(work::get);
        } catch (RetryException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
