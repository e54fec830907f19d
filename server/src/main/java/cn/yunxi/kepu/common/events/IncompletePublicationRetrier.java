package cn.yunxi.kepu.common.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

/**
 * Cross-feature events are stored with the transaction that caused them; a listener that failed (WeChat down,
 * a deadlock while marking the publication complete, a crash) leaves its publication incomplete. Rather than
 * wait for the next restart, incomplete publications older than a grace period are handed to their listeners
 * again. Every listener is idempotent (record keys, unique constraints), so a second delivery changes nothing.
 */
@Component
@EnableScheduling
class IncompletePublicationRetrier {

    private static final Logger log = LoggerFactory.getLogger(IncompletePublicationRetrier.class);

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    IncompletePublicationRetrier(IncompleteEventPublications incomplete,
                                 @Value("${kepu.events.resubmit-after:60s}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${kepu.events.resubmit-interval:30s}", initialDelayString = "${kepu.events.resubmit-interval:30s}")
    @SchedulerLock(name = "events.resubmit-incomplete", lockAtLeastFor = "PT0S")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
        } catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed, will try again: {}", e.getMessage());
        }
    }
}
