package cn.yunxi.kepu.quiz;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Background work of the quiz feature: closing attempts left open past their deadline.
 * {@code kepu.jobs.scheduled=false} leaves it out; the tests then call {@link AttemptSweeper#closeOverdue()} when they
 * mean it to run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kepu.jobs.scheduled", havingValue = "true", matchIfMissing = true)
class QuizJobs {

    private final AttemptSweeper sweeper;

    QuizJobs(AttemptSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(fixedDelayString = "${kepu.quiz.sweep-interval:30s}",
            initialDelayString = "${kepu.quiz.sweep-interval:30s}")
    @SchedulerLock(name = "quiz.sweep-overdue-attempts")
    void sweepOverdueAttempts() {
        sweeper.sweep();
    }
}
