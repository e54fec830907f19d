package cn.yunxi.kepu.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * An optional MySQL read replica for the read-heavy staff queries (plan dashboard, drill-down, exports). When
 * {@code kepu.datasource.replica.url} is set, the application's data source becomes a
 * {@link LazyConnectionDataSourceProxy} over the primary pool whose read-only data source picks a second pool on the
 * replica for the read-only transactions {@link ReplicaReads} starts; everything else (writes, other read-only
 * transactions, a report joining a read-write transaction) stays on the primary.
 * Unset, the primary pool is left exactly as Spring Boot built it.
 * <p>
 * The replica pool copies the primary pool's settings (timeouts, session time zone, isolation, driver properties),
 * with its own URL and account, and marks its connections read-only, so the server refuses a write that ever
 * reached it. It is a wrapper rather than a second DataSource bean so that Boot's data-source auto-configuration
 * (Flyway, health, metrics of the primary pool) stays what it is.
 */
final class ReadReplica implements BeanPostProcessor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

    private final String url;
    private final String username;
    private final String password;
    private HikariDataSource primary;
    private HikariDataSource replica;

    ReadReplica(Environment environment) {
        this.url = environment.getProperty("kepu.datasource.replica.url", "");
        this.username = environment.getProperty("kepu.datasource.replica.username", "");
        this.password = environment.getProperty("kepu.datasource.replica.password", "");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (url.isBlank() || !(bean instanceof HikariDataSource pool) || replica != null) {
            return bean;
        }
        primary = pool;
        HikariConfig config = new HikariConfig();
        primary.copyStateTo(config);
        config.setJdbcUrl(url);
        if (!username.isBlank()) {
            config.setUsername(username);
            config.setPassword(password);
        }
        config.setPoolName(primary.getPoolName() == null ? "replica" : primary.getPoolName() + "-replica");
        config.setReadOnly(true);
        // the primary's metrics registration (if any) would clash with a second pool of the same name
        config.setMetricRegistry(null);
        config.setMetricsTrackerFactory(null);
        config.setHealthCheckRegistry(null);
        replica = new HikariDataSource(config);
        log.info("Read-only staff queries (dashboard, drill-down, exports) read from the replica at {}",
                url.replaceFirst("\\?.*$", ""));
        // The proxy asks its read-only data source only for read-only transactions, and only when the first
        // statement runs; that one then picks the replica for the reads ReplicaReads started, the primary otherwise.
        LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primary);
        routing.setReadOnlyDataSource(new DelegatingDataSource(primary) {
            @Override
            public Connection getConnection() throws SQLException {
                return ReplicaReads.active() ? replica.getConnection() : primary.getConnection();
            }
        });
        return routing;
    }

    /** Both pools: the wrapper hides the primary's close() from the container, which would otherwise call it. */
    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
            primary.close();
        }
    }
}
