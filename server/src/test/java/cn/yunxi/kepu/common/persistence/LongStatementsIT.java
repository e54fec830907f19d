package cn.yunxi.kepu.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.support.KepuIntegrationTest;

/**
 * The pool's connections give up on a silent server after the driver's 5 s socket timeout (what makes a hung
 * database cost a request seconds); a transaction that lifted it (the plan's full recompute) and Flyway's
 * connections wait as long as a legitimate long statement takes.
 */
@KepuIntegrationTest
class LongStatementsIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Flyway flyway;

    @Test
    void aStatementSilentLongerThanTheSocketTimeoutIsCutUnlessItsTransactionLiftedIt() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long cut = System.nanoTime();
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT SLEEP(6)", Integer.class))
                .hasStackTraceContaining("Communications link failure");
        assertThat(Duration.ofNanos(System.nanoTime() - cut)).isBetween(Duration.ofSeconds(5), Duration.ofMillis(5900));

        long started = System.nanoTime();
        Integer slept = tx.execute(s -> {
            LongStatements.allowInCurrentTransaction(dataSource);
            return jdbc.queryForObject("SELECT SLEEP(6)", Integer.class);
        });
        assertThat(slept).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));

        // the pool puts the usual timeout back when the connection returns: every pooled connection has it
        for (int i = 0; i < 25; i++) {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.getNetworkTimeout()).isEqualTo(5000);
            }
        }
    }

    @Test
    void flywaysConnectionsWaitForLongMigrations() throws Exception {
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo((int) LongStatements.LIMIT.toMillis());
        }
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getNetworkTimeout()).isEqualTo(5000);
        }
    }
}
