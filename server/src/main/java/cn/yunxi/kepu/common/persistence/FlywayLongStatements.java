package cn.yunxi.kepu.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * A migration (an index on a large table, a backfill) may keep the server silent for minutes: Flyway's connections
 * get the long limit instead of the pool's few seconds ({@link LongStatements}).
 */
@Component
class FlywayLongStatements implements FlywayConfigurationCustomizer {

    @Override
    public void customize(org.flywaydb.core.api.configuration.FluentConfiguration configuration) {
        DataSource pool = configuration.getDataSource();
        if (pool == null) {
            return;
        }
        configuration.dataSource(new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                LongStatements.allow(connection);
                return connection;
            }
        });
    }
}
