package cn.yunxi.kepu.emergency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends emergency messages every few seconds, so a published emergency reaches phones within a minute. Locked to
 * one instance per turn; the conditional claim keeps it exact even without the lock. Off with
 * {@code kepu.jobs.scheduled=false} (the tests call the sender themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kepu.jobs.scheduled", havingValue = "true", matchIfMissing = true)
class EmergencyJobs {

    private static final Logger log = LoggerFactory.getLogger(EmergencyJobs.class);

    private final EmergencySender sender;

    EmergencyJobs(EmergencySender sender) {
        this.sender = sender;
    }

    @Scheduled(initialDelayString = "${kepu.emergency.initial-delay:10s}", fixedDelayString = "${kepu.emergency.send-interval:5s}")
    @SchedulerLock(name = "emergency.notices")
    void notices() {
        try {
            while (sender.sendDue(100) == 100) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            log.warn("Emergency message job failed; it runs again shortly: {}", e.toString());
        }
    }
}
