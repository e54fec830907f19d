package cn.yunxi.kepu.content;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Publishes scheduled items when their time comes (every 30 s; the conditional update makes instances safe). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@org.springframework.boot.context.properties.EnableConfigurationProperties(ContentProperties.class)
class ContentScheduler {

    private final ContentAdminService contents;

    ContentScheduler(ContentAdminService contents) {
        this.contents = contents;
    }

    @Scheduled(fixedDelayString = "${kepu.content.schedule-check:30s}", initialDelayString = "30s")
    void publishDue() {
        contents.publishDue();
    }
}
