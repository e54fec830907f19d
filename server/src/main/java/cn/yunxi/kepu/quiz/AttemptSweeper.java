package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;

/**
 * Closes and grades attempts left open past their deadline (plus grace), so a resident who closed the app
 * still gets a result and a contest's standings are complete. Several instances may run it: each attempt is
 * graded under its row lock, exactly once. {@link QuizJobs} runs it on a schedule.
 */
@Component
class AttemptSweeper {

    private static final Logger log = LoggerFactory.getLogger(AttemptSweeper.class);
    private static final int BATCH = 200;

    private final AttemptMapper attempts;
    private final AttemptFinisher finisher;
    private final QuizProperties properties;
    private final Clock clock;

    AttemptSweeper(AttemptMapper attempts, AttemptFinisher finisher, QuizProperties properties, Clock clock) {
        this.attempts = attempts;
        this.finisher = finisher;
        this.properties = properties;
        this.clock = clock;
    }

    void sweep() {
        int closed = closeOverdue();
        if (closed > 0) {
            log.info("Closed {} quiz attempts left open past their deadline", closed);
        }
    }

    /** Returns how many attempts were closed. */
    int closeOverdue() {
        int closed = 0;
        List<Long> overdue;
        do {
            overdue = attempts.overdue(Times.now(clock).minus(properties.submitGrace()), BATCH);
            for (Long id : overdue) {
                if (finisher.expireIfOverdue(id)) {
                    closed++;
                }
            }
        } while (overdue.size() == BATCH);
        return closed;
    }
}
