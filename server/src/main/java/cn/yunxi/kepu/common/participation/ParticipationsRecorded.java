package cn.yunxi.kepu.common.participation;

import java.util.List;
import java.util.Set;

/**
 * Several {@link ParticipationRecorded} published as one event, by a feature that records many at once in one
 * transaction (a batch of graded quiz attempts). The indicator ledger applies it inside that transaction (a
 * synchronous listener), so it must be published within the transaction that writes what it reports; listeners that
 * need the registry's after-commit delivery get one publication row per batch instead of one per record. Every
 * listener of {@code ParticipationRecorded} handles this too, with exactly the results it would have if each record
 * had been published alone (record by record, or several records together where that gives the same results for
 * less work).
 */
public record ParticipationsRecorded(List<ParticipationRecorded> records) {

    public ParticipationsRecorded {
        records = List.copyOf(records);
    }

    /** Whether any record is of one of these kinds (names): for listeners' conditions, which see only this. */
    public boolean includesAny(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return records.stream().anyMatch(r -> wanted.contains(r.kind().name()));
    }
}
