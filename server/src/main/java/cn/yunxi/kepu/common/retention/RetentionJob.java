package cn.yunxi.kepu.common.retention;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs the retention sweep nightly at 03:30 Beijing time, on one instance. {@code kepu.jobs.scheduled=false} leaves it
 * out; the tests call {@link RetentionRepository#sweep()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kepu.jobs.scheduled", havingValue = "true", matchIfMissing = true)
class RetentionJob {

    private final RetentionRepository sweeper;

    RetentionJob(RetentionRepository sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(cron = "${kepu.retention.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "retention.sweep", lockAtMostFor = "PT1H")
    void sweep() {
        sweeper.sweep();
    }
}
