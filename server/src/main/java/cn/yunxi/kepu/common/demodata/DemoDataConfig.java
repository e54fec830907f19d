package cn.yunxi.kepu.common.demodata;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the demo data's own migrations right after the schema's, when asked to. They keep their own history table,
 * so a production database that never loads them carries no trace of them, and a staging database can load them
 * at any time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoDataConfig {

    static final String LOCATION = "classpath:db/demo";
    static final String HISTORY_TABLE = "flyway_demo_history";

    @Bean
    FlywayMigrationStrategy schemaThenDemoData(DemoDataProperties demoData) {
        return flyway -> {
            flyway.migrate();
            if (demoData.load()) {
                demoMigrations(flyway.getConfiguration().getDataSource()).migrate();
            }
        };
    }

    /**
     * Demo scripts always run after every schema migration, against the newest schema. They are disposable
     * illustrations, so a script changed after a staging database loaded it is not re-validated there (only
     * versions it has not seen run).
     */
    static Flyway demoMigrations(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateOnMigrate(false)
                .validateMigrationNaming(true)
                .load();
    }
}
