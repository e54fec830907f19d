package cn.yunxi.kepu.emergency;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The published emergencies that had not ended when last read, with their targets, kept in this process for
 * {@link #RECHECK}: every page the mini-program shows asks for the resident's emergencies, and the list is the
 * same for everyone. Whether one has ended is decided on every read against the clock, so an emergency leaves the
 * banner the moment its end passes; one published or ended on this instance shows at once, on another within
 * {@link #RECHECK}.
 */
@Component
class RunningEmergencies {

    static final Duration RECHECK = Duration.ofSeconds(5);

    record Running(EmergencyRepository.Row row, List<String> targets) {
    }

    private record Snapshot(long readAtNanos, LocalDateTime readFor, List<Running> list) {
    }

    private final EmergencyRepository repository;
    private volatile Snapshot snapshot;

    RunningEmergencies(EmergencyRepository repository) {
        this.repository = repository;
    }

    /** The emergencies running at {@code now}. */
    List<Running> at(LocalDateTime now) {
        Snapshot s = snapshot;
        // Read again when stale, or when asked about a moment before the one read for (a clock set back).
        if (s == null || System.nanoTime() - s.readAtNanos() > RECHECK.toNanos() || now.isBefore(s.readFor())) {
            List<Running> list = repository.running(now).stream()
                    .map(r -> new Running(r, repository.targets(r.id()))).toList();
            s = new Snapshot(System.nanoTime(), now, list);
            snapshot = s;
        }
        return s.list().stream().filter(r -> r.row().endsAt().isAfter(now)).toList();
    }

    /**
     * Something was published or ended here: the next read goes to the database. Again after the commit, so a read
     * between this call and the commit cannot keep the old list.
     */
    void changed() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        }
    }
}
