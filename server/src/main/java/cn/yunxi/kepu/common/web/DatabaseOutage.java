package cn.yunxi.kepu.common.web;

import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means the database could not be reached (restarting, failing over, refusing connections, the
 * pool waited its connection timeout) rather than a fault of the request or of the code.
 */
final class DatabaseOutage {

    /** A MySQL restart or an RDS failover takes seconds to tens of seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException
                    || "com.mysql.cj.exceptions.CJCommunicationsException".equals(t.getClass().getName())
                    || "com.mysql.cj.jdbc.exceptions.CommunicationsException".equals(t.getClass().getName())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
