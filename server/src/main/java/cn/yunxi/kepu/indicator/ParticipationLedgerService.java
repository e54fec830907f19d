package cn.yunxi.kepu.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.persistence.LongStatements;
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.indicator.AggregateRepository.Cell;
import cn.yunxi.kepu.indicator.AggregateRepository.LedgerRecord;
import cn.yunxi.kepu.indicator.AggregateRepository.TagRow;
import cn.yunxi.kepu.indicator.IndicatorCatalogService.PersonCounter;
import cn.yunxi.kepu.indicator.IndicatorCatalogService.Window;
import cn.yunxi.kepu.indicator.LedgerRows.LedgerRow;

/**
 * Turns published participation into the ledger and keeps the aggregates current.
 *
 * <p>Every event is stored once per recordKey (a later event with the same key replaces it: a correction, or a
 * withdrawal, which removes what it counted toward). Then each daily cell and each person the old or new version
 * of the record touches is rebuilt from the ledger with the same SQL the full recompute uses, under READ
 * COMMITTED, so concurrent listeners see each other's committed records.
 *
 * <p>Each rebuild is a read-modify-write (read the old row, rebuild it, move the roll-up by the difference), so
 * it runs under a lock on a row that always exists: the person's {@code participation_person} row (taken first,
 * for every person counter of that person) and the daily cell row itself (created empty when missing). A
 * {@code SELECT ... FOR UPDATE} of a missing row would lock nothing under READ COMMITTED, and two records of one
 * person applied at once would both see "no row before" and count the person twice. Locks are taken in a fixed
 * order (record, persons, cells sorted, roll-ups); a key collision or deadlock between two listeners is retried.
 *
 * <p>A batch ({@link ParticipationsRecorded}, graded quiz attempts) applies its records new to the ledger together,
 * in a fixed number of statements ({@link ParticipationBatchWriter}), and the rest one by one as above.
 */
@Service
class ParticipationLedgerService {

    private static final Logger log = LoggerFactory.getLogger(ParticipationLedgerService.class);
    private static final int ATTEMPTS = 6;

    private final JdbcClient jdbc;
    private final AggregateRepository store;
    private final IndicatorCatalogService catalog;
    private final LedgerRows rows;
    private final ParticipationBatchWriter batch;
    private final Clock clock;
    private final TransactionTemplate readCommitted;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;

    ParticipationLedgerService(JdbcClient jdbc, AggregateRepository store, IndicatorCatalogService catalog, LedgerRows rows,
                        ParticipationBatchWriter batch, Clock clock, PlatformTransactionManager transactions,
                        DataSource dataSource, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.dataSource = dataSource;
        this.store = store;
        this.catalog = catalog;
        this.rows = rows;
        this.batch = batch;
        this.clock = clock;
        this.readCommitted = new TransactionTemplate(transactions);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.readCommitted.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tx = new TransactionTemplate(transactions);
    }

    @ApplicationModuleListener
    void on(ParticipationRecorded event) {
        record(event);
    }

    /**
     * A batch (graded quiz attempts) is applied in the publisher's transaction, by a plain synchronous listener: the
     * attempts and their ledger records commit together or not at all, so nothing needs the event registry to carry
     * the batch across a crash. Through the registry the same batch cost a serialised copy of every record, a row
     * inserted, marked and deleted, and a second transaction: more than the ledger statements themselves.
     */
    @EventListener
    void on(ParticipationsRecorded event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            recordAllHere(event.records());
        } else {
            recordAll(event.records());
        }
    }

    /**
     * {@link #recordAll} inside the caller's transaction (READ COMMITTED, the pool's level). The records new to the
     * ledger are applied together. A key collision (a concurrent batch inserted one of the keys first, or two keys the
     * column's collation takes for one) refuses the records' insert, the batch's first write, so nothing of it was
     * written and the caller's transaction goes on without a savepoint: it is tried once more, then left whole to the
     * per-record path. What that path must handle (keys already in the ledger, repeated keys,
     * collisions) is recorded one by one after the caller commits, through the registry, each record in its own
     * transaction: taking those records' locks now, after the cells the batch holds, would take locks in the
     * opposite order to every other listener. A lock conflict fails the caller's transaction, which the caller
     * retries as a whole.
     */
    private void recordAllHere(List<ParticipationRecorded> records) {
        List<ParticipationRecorded> oneByOne = records;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                oneByOne = batch.apply(records);
                break;
            } catch (DuplicateKeyException e) {
                log.debug("batch of {} participations collided (attempt {})", records.size(), attempt);
            }
        }
        if (!oneByOne.isEmpty()) {
            events.publishEvent(new DeferredParticipations(oneByOne));
        }
    }

    /** The records a batch applied in its publisher's transaction left to the per-record path. */
    @ApplicationModuleListener
    void on(DeferredParticipations deferred) {
        deferred.records().forEach(this::record);
    }

    /**
     * Stores a batch of records with the same results as {@link #record} one by one. The records new to the ledger
     * are applied together in one transaction ({@link ParticipationBatchWriter}); the others (corrections, withdrawals,
     * redeliveries, a key repeated within the batch) then go through {@link #record} each, after that commit.
     *
     * <p>A key collision means a concurrent listener committed one of the keys after this batch looked them up;
     * the retry finds it in the ledger and leaves it to the per-record path. A second collision in a row is left to
     * the per-record path as a whole: it may come from the batch itself (two keys the column's collation considers
     * equal, e.g. differing only in case, which a retry would hit every time), and one by one is right in any case.
     */
    void recordAll(List<ParticipationRecorded> records) {
        List<ParticipationRecorded> oneByOne = records;
        boolean collided = false;
        for (int attempt = 1; ; attempt++) {
            try {
                oneByOne = readCommitted.execute(status -> batch.apply(records));
                break;
            } catch (DuplicateKeyException e) {
                if (collided) {
                    log.debug("batch of {} participations collided twice, applying them one by one", records.size());
                    break;
                }
                collided = true;
                log.debug("batch of {} participations collided with a concurrent listener, retrying", records.size());
                pause(e, attempt);
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("batch of {} participations lost a lock conflict (attempt {}), retrying", records.size(),
                        attempt);
                pause(e, attempt);
            }
        }
        oneByOne.forEach(this::record);
    }

    /** Stores one participation record and updates every aggregate it touches (idempotent on recordKey). */
    void record(ParticipationRecorded event) {
        for (int attempt = 1; ; attempt++) {
            try {
                readCommitted.executeWithoutResult(status -> apply(event));
                return;
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.debug("participation {} collided with a concurrent update (attempt {}), retrying",
                        event.recordKey(), attempt);
                pause(e, attempt);
            }
        }
    }

    private static void pause(RuntimeException cause, int attempt) {
        try {
            Thread.sleep(5L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private void apply(ParticipationRecorded e) {
        Optional<LedgerRecord> existing = store.lockRecord(e.recordKey());
        // serialise with every other record of the same person (and of the person a correction moves it from)
        Set<String> persons = new TreeSet<>();
        persons.add(e.personKey());
        existing.ifPresent(r -> persons.add(r.personKey()));
        store.lockPersons(persons);
        List<TagRow> oldTags = existing.map(r -> store.tagsOf(r.id())).orElse(List.of());
        LedgerRow row = rows.of(e);
        String region = row.region();
        String town = row.town();
        String group = row.group();
        String codes = row.codes();
        var now = Times.now(clock);
        long recordId;
        if (existing.isEmpty()) {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO participation_record (record_key, kind, person_key, resident_id, person_label,
                        region_code, town_code, population_group, source_type, source_id, source_title, occurred_on,
                        indicator_codes, hours, passed, withdrawn, received_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(e.recordKey(), e.kind().name(), e.personKey(), e.residentId(), null, region,
                    town, group, e.sourceType(), e.sourceId(), e.sourceTitle(), e.occurredOn(), codes, e.hours(),
                    e.passed(), e.withdrawn(), now, now).update(keys);
            recordId = keys.getKey().longValue();
        } else {
            recordId = existing.get().id();
            jdbc.sql("""
                    UPDATE participation_record SET kind = ?, person_key = ?, resident_id = ?,
                        person_label = COALESCE(person_label, ?),
                        region_code = ?, town_code = ?, population_group = ?, source_type = ?, source_id = ?,
                        source_title = ?, occurred_on = ?, indicator_codes = ?, hours = ?, passed = ?, withdrawn = ?,
                        updated_at = ?
                    WHERE id = ?
                    """).params(e.kind().name(), e.personKey(), e.residentId(), null, region, town, group,
                    e.sourceType(), e.sourceId(), e.sourceTitle(), e.occurredOn(), codes, e.hours(), e.passed(),
                    e.withdrawn(), now, recordId).update();
        }
        List<TagRow> newTags = row.tags();
        if (existing.isPresent()) {
            store.deleteTags(recordId);
        }
        newTags.forEach(t -> store.insertTag(recordId, t, e.hours(), e.passed()));

        // Every cell either version touches, in a fixed order so concurrent listeners lock alike. A record seen
        // for the first time only adds to its cells; a correction or withdrawal rebuilds them from the ledger.
        Set<Cell> cells = new TreeSet<>();
        oldTags.forEach(t -> cells.add(t.cell()));
        newTags.forEach(t -> cells.add(t.cell()));
        if (existing.isEmpty()) {
            cells.forEach(cell -> store.addToCell(cell, e.hours(), e.passed()));
        } else {
            cells.forEach(store::recomputeCell);
        }

        Set<TagRow> touched = new LinkedHashSet<>(oldTags);
        touched.addAll(newTags);
        Set<String> done = new TreeSet<>();
        for (TagRow t : touched) {
            for (PersonCounter counter : catalog.personCounters(t.tag())) {
                Window window = counter.windowOf(t.occurredOn());
                if (window != null && done.add(counter.indicatorId() + "|" + window.start() + "|" + t.personKey())) {
                    store.recomputePerson(counter, window, t.personKey());
                }
            }
        }
    }

    /**
     * Rebuilds every aggregate of [from, to] from the ledger: daily cells of those days, monthly roll-ups of the
     * months they touch, and the distinct-person windows that overlap them (a window is always rebuilt whole).
     */
    RecomputeResult recompute(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 3660) {
            throw new ApiException(IndicatorErrors.RANGE_INVALID);
        }
        long started = System.nanoTime();
        return tx.execute(status -> {
            // grouping years of ledger rows may keep the server silent longer than the pool's socket timeout
            LongStatements.allowInCurrentTransaction(dataSource);
            int cells = store.rebuildDaily(from, to);
            store.rebuildMonthly(from, to);
            int persons = 0;
            for (PersonCounter counter : catalog.personCounters()) {
                for (Window window : counter.windowsOverlapping(from, to)) {
                    persons += store.rebuildPersons(counter, window);
                }
            }
            return new RecomputeResult(from, to, cells, persons, (System.nanoTime() - started) / 1_000_000);
        });
    }

    record RecomputeResult(LocalDate from, LocalDate to, int dailyCells, int personRows, long millis) {
    }
}
