package cn.yunxi.kepu.common.jobs;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * Every {@code @Scheduled} method also carries {@code @SchedulerLock}: with several instances behind the proxy, one
 * of them runs a job's turn and the others skip it. The lock is a row of {@code job_lock} in the application's own
 * database (no extra engine to run), compared against the database's clock, so skewed instance clocks cannot let
 * two instances in at once. A job holds its lock at least a few seconds, so instances whose timers fire close
 * together do not run it back to back; an instance killed mid-job frees it after {@code lock-at-most-for}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${kepu.jobs.lock-at-most-for:PT10M}",
        defaultLockAtLeastFor = "${kepu.jobs.lock-at-least-for:PT5S}")
class JobLockConfig {

    /** The table, created by the migrations. */
    static final String TABLE = "job_lock";

    @Bean
    LockProvider jobLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .usingDbTime()
                .build());
    }
}
