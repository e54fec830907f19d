package cn.yunxi.kepu.quiz;

import java.util.List;
import java.util.Map;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.concurrent.RequestCombiner;
import cn.yunxi.kepu.common.persistence.MultiRowStatement;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Grades concurrent submissions of this instance together: when a contest ends, thousands of residents submit
 * within seconds, and each submission on its own would cost a transaction of a dozen statements and a commit.
 * Queued submissions are graded in batches ({@link AttemptFinisher#submitAll}), one transaction each; a lone
 * submission is a batch of one. Correctness does not depend on the batching: every attempt row is locked and
 * moved out of OPEN by a conditional update, whichever instance or batch gets to it first.
 */
@Component
class SubmissionBatcher {

    static final int MAX_BATCH = 64;

    private final RequestCombiner<AttemptFinisher.Submission, AttemptFinisher.Outcome> combiner;

    private static final int ATTEMPTS_ON_DEADLOCK = 3;

    /**
     * How many submissions each graded batch held ({@code kepu_quiz_submit_batch_size_submissions} in Prometheus): a
     * contest's closing minutes cost the database one transaction per batch, so operators can see how well a crowd of
     * submissions is being batched. Batches of more than eight hold a multiple of eight ({@link MultiRowStatement#STEP}):
     * the batch's multi-row writes (grades, standings, points, participation) then each go as one statement, where
     * 33 submissions went as 32 + 1, a second round trip for each of them.
     */
    SubmissionBatcher(AttemptFinisher finisher, MeterRegistry meters) {
        DistributionSummary sizes = DistributionSummary.builder("kepu.quiz.submit.batch.size")
                .description("Submissions graded together in one transaction").baseUnit("submissions").register(meters);
        this.combiner = new RequestCombiner<>(MAX_BATCH, MultiRowStatement.STEP, batch -> {
            sizes.record(batch.size());
            return gradeRetryingDeadlocks(finisher, batch);
        });
    }

    /**
     * Batches of several instances lock attempts in id order and per-resident rows in resident order, so they
     * should not deadlock; if InnoDB still picks one as a deadlock victim, its transaction was rolled back whole
     * and the batch is simply graded again.
     */
    private static List<AttemptFinisher.Outcome> gradeRetryingDeadlocks(AttemptFinisher finisher,
                                                                      List<AttemptFinisher.Submission> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return finisher.submitAll(batch);
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS_ON_DEADLOCK) {
                    throw e;
                }
            }
        }
    }

    /** Blocks until the submission's batch is committed. */
    AttemptFinisher.Finished submit(long residentId, long attemptId, Map<Long, List<Integer>> answers) {
        AttemptFinisher.Outcome outcome = combiner.submit(new AttemptFinisher.Submission(residentId, attemptId, answers));
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.finished();
    }
}
