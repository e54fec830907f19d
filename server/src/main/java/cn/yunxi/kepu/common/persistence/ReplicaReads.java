package cn.yunxi.kepu.common.persistence;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff reports that may read from the MySQL read replica (plan dashboard, drill-downs, exports) run through
 * {@link #read}: a read-only transaction of their own, marked so that {@link ReadReplica} hands it a replica
 * connection when one is configured (the primary otherwise). Explicit rather than "every read-only transaction":
 * other read-only transactions (emergency notices, say) must see their own writes at once and stay on the primary.
 * Called inside a transaction that is already running, the query simply joins it, on whatever connection it has.
 */
@Component
public class ReplicaReads {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private final TransactionTemplate readOnly;

    ReplicaReads(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    public <T> T read(Supplier<T> query) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return query.get();
        }
        ACTIVE.set(Boolean.TRUE);
        try {
            return readOnly.execute(status -> query.get());
        } finally {
            ACTIVE.remove();
        }
    }

    /** Whether the read-only transaction now asking for a connection was started by {@link #read}. */
    static boolean active() {
        return ACTIVE.get() != null;
    }
}
