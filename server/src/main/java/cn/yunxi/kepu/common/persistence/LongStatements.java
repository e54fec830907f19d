package cn.yunxi.kepu.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every pooled connection gives up on a server that has said nothing for the driver's {@code socketTimeout} (a few
 * seconds), so a database that hangs costs a request seconds, not forever. The few statements that may rightly run
 * silent for longer (a full recompute of the plan's aggregates) lift that limit for their own transaction; the pool
 * puts the connection's usual timeout back when the transaction returns it.
 */
public final class LongStatements {

    /** Long enough for a recompute of years of participation, still finite if the database is gone. */
    public static final Duration LIMIT = Duration.ofMinutes(30);

    private LongStatements() {
    }

    /** Lets the statements of the current transaction wait for the database up to {@link #LIMIT}. */
    public static void allowInCurrentTransaction(DataSource dataSource) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("only within a transaction: the lifted timeout belongs to its connection");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            allow(connection);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Lets every statement on this connection wait up to {@link #LIMIT}. */
    public static void allow(Connection connection) {
        try {
            connection.setNetworkTimeout(Runnable::run, (int) LIMIT.toMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("could not lift the network timeout of a connection", e);
        }
    }
}
