package cn.yunxi.kepu.content;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Publishes scheduled items when their time comes and ends emergency pins whose end has passed, so cached feed
 * pages drop them (every 30 s; the conditional updates make instances safe).
 * {@code kepu.jobs.scheduled=false} leaves it out: the tests call {@link ContentAdminService#publishDue()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kepu.jobs.scheduled", havingValue = "true", matchIfMissing = true)
class ContentScheduler {

    private final ContentAdminService contents;

    ContentScheduler(ContentAdminService contents) {
        this.contents = contents;
    }

    @Scheduled(fixedDelayString = "${kepu.content.schedule-check:30s}", initialDelayString = "${kepu.content.schedule-check:30s}")
    @SchedulerLock(name = "content.publish-due")
    void publishDue() {
        contents.publishDue();
    }
}
