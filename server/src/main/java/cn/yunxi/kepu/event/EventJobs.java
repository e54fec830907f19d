package cn.yunxi.kepu.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Background work of the event feature, safe to run on every instance at once: reminders are created with
 * INSERT IGNORE, notices are claimed before sending, attendance is settled by conditional updates.
 * {@code kepu.event.jobs.enabled=false} turns it off (e.g. on an instance that only serves requests), and so does
 * {@code kepu.jobs.scheduled=false}, which the tests set so that a job never runs unless a test calls it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = {"kepu.event.jobs.enabled", "kepu.jobs.scheduled"}, havingValue = "true",
        matchIfMissing = true)
class EventJobs {

    private static final Logger log = LoggerFactory.getLogger(EventJobs.class);

    private final NoticeSender sender;
    private final AttendanceService attendance;

    EventJobs(NoticeSender sender, AttendanceService attendance) {
        this.sender = sender;
        this.attendance = attendance;
    }

    @Scheduled(initialDelayString = "${kepu.event.jobs.initial-delay:30s}", fixedDelayString = "${kepu.event.jobs.notice-interval:15s}")
    @SchedulerLock(name = "event.notices")
    void notices() {
        try {
            sender.generateReminders();
            while (sender.sendDue(100) == 100) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException e) {
            log.warn("Notice job failed; it runs again shortly: {}", e.toString());
        }
    }

    @Scheduled(initialDelayString = "${kepu.event.jobs.initial-delay:30s}", fixedDelayString = "${kepu.event.jobs.settle-interval:60s}")
    @SchedulerLock(name = "event.settle-attendance")
    void settle() {
        try {
            attendance.settleEnded(500);
        } catch (RuntimeException e) {
            log.warn("Attendance settling failed; it runs again shortly: {}", e.toString());
        }
    }
}
