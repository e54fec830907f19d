package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.persistence.MultiRowStatement;
import cn.yunxi.kepu.common.persistence.MultiRowStatement.RowParameters;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.indicator.AggregateRepository.Cell;
import cn.yunxi.kepu.indicator.AggregateRepository.TagRow;
import cn.yunxi.kepu.indicator.IndicatorCatalogService.PersonCounter;
import cn.yunxi.kepu.indicator.IndicatorCatalogService.Window;
import cn.yunxi.kepu.indicator.LedgerRows.LedgerRow;

/**
 * The records of one {@code ParticipationsRecorded} that are new to the ledger, applied together: a fixed number of
 * statements per batch (each one multi-row statement, {@link MultiRowStatement}) instead of a dozen per record. A new
 * record only adds to its cells, so adding the batch's per-cell sums gives exactly what {@link AggregateRepository#addToCell} gives record by record, and what a
 * recompute gives. Records already in the ledger (corrections, withdrawals, redeliveries) and a key repeated within
 * the batch need the rebuild of the per-record path; they are handed back for it.
 *
 * <p>Locks are taken in the per-record path's order (records, persons sorted, daily cells sorted, monthly roll-ups,
 * person counters), so a batch and a single record contend like two single records do. The records' insert is the
 * batch's first write and is refused whole ({@link MultiRowStatement#allOrNothing()}) when a key collides, so a
 * collision leaves nothing of the batch written and the caller's transaction can go on without a savepoint.
 */
@Component
class ParticipationBatchWriter {

    /**
     * A locking read on the unique key also waits for a concurrent listener's uncommitted insert of one of these
     * keys, and then sees it as existing: the key goes the per-record path instead of colliding on insert.
     */
    private static final String LOCK_RECORDS = "SELECT record_key FROM participation_record "
            + "WHERE record_key IN (:keys) ORDER BY record_key FOR UPDATE";
    /** Same lock row as {@link AggregateRepository#lockPersons}, counting every record version applied. */
    private static final MultiRowStatement LOCK_PERSONS = MultiRowStatement.values("INSERT INTO participation_person "
            + "(person_key, records_applied) VALUES ", 2,
            " ON DUPLICATE KEY UPDATE records_applied = records_applied + VALUES(records_applied)");
    private static final MultiRowStatement INSERT_RECORD = MultiRowStatement.values("""
            INSERT INTO participation_record (record_key, kind, person_key, resident_id, person_label, region_code,
                town_code, population_group, source_type, source_id, source_title, occurred_on, indicator_codes,
                hours, passed, withdrawn, received_at, updated_at)
            VALUES\s""", 18, "").allOrNothing();
    private static final String RECORD_IDS = "SELECT id, record_key FROM participation_record "
            + "WHERE record_key IN (:keys)";
    private static final MultiRowStatement INSERT_TAG = MultiRowStatement.values("INSERT INTO participation_tag "
            + "(record_id, tag, kind, occurred_on, person_key, region_code, town_code, population_group, hours, "
            + "passed) VALUES ", 10, "");
    /** {@link AggregateRepository#addToCell}'s upserts, adding a whole group of records at once. */
    private static final MultiRowStatement ADD_DAILY = MultiRowStatement.values("""
            INSERT INTO indicator_daily (tag, kind, day, region_code, population_group, town_code, person_times,
                                         hours, passed)
            VALUES\s""", 9, " ON DUPLICATE KEY UPDATE town_code = GREATEST(town_code, VALUES(town_code)), "
            + "person_times = person_times + VALUES(person_times), hours = hours + VALUES(hours), "
            + "passed = passed + VALUES(passed)");
    private static final MultiRowStatement ADD_MONTHLY = MultiRowStatement.values("""
            INSERT INTO indicator_monthly (tag, kind, month, town_code, population_group, person_times, hours)
            VALUES\s""", 7, " ON DUPLICATE KEY UPDATE person_times = person_times + VALUES(person_times), "
            + "hours = hours + VALUES(hours)");

    /** The cells' lock order, with the town only to keep apart groups that differ in nothing else. */
    private static final Comparator<Cell> CELL_ORDER = Comparator.<Cell>naturalOrder().thenComparing(Cell::townCode);
    private static final Comparator<MonthCell> MONTH_ORDER = Comparator.comparing(MonthCell::tag)
            .thenComparing(MonthCell::kind).thenComparing(MonthCell::month).thenComparing(MonthCell::townCode)
            .thenComparing(MonthCell::populationGroup);
    private static final Comparator<PersonWindow> PERSON_ORDER = Comparator
            .comparingLong((PersonWindow p) -> p.counter().indicatorId())
            .thenComparing(p -> p.window().start()).thenComparing(PersonWindow::personKey);

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final AggregateRepository store;
    private final IndicatorCatalogService catalog;
    private final LedgerRows rows;
    private final Clock clock;

    ParticipationBatchWriter(JdbcTemplate jdbc, JdbcClient client, AggregateRepository store, IndicatorCatalogService catalog,
                       LedgerRows rows, Clock clock) {
        this.jdbc = jdbc;
        this.client = client;
        this.store = store;
        this.catalog = catalog;
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * Applies the records new to the ledger inside the caller's transaction, and returns, in batch order, the ones
     * left for the per-record path after it commits: keys already in the ledger, and every repetition of a key after
     * its first occurrence in the batch (applied after the first, it is a correction, as if published alone).
     */
    List<ParticipationRecorded> apply(List<ParticipationRecorded> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> keys = records.stream().map(ParticipationRecorded::recordKey).distinct().toList();
        Set<String> existing = new HashSet<>(client.sql(LOCK_RECORDS).param("keys", keys).query(String.class).list());
        Set<String> seen = new HashSet<>();
        List<LedgerRow> fresh = new ArrayList<>();
        List<ParticipationRecorded> oneByOne = new ArrayList<>();
        for (ParticipationRecorded r : records) {
            if (!existing.contains(r.recordKey()) && seen.add(r.recordKey())) {
                fresh.add(rows.of(r));
            } else {
                oneByOne.add(r);
            }
        }
        if (!fresh.isEmpty()) {
            // The records go first, whole: a key collision refuses them before anything else of the batch is written.
            Map<String, Long> ids = insertRecords(fresh);
            lockPersons(fresh);
            List<TagRow> tags = insertTags(fresh, ids);
            addToCells(fresh);
            recomputePersons(tags);
        }
        return oneByOne;
    }

    /** One lock row per person, in sorted order; a person's count grows by the number of its records applied. */
    private void lockPersons(List<LedgerRow> fresh) {
        Map<String, Integer> perPerson = new TreeMap<>();
        fresh.forEach(r -> perPerson.merge(r.event().personKey(), 1, Integer::sum));
        LOCK_PERSONS.execute(jdbc, new ArrayList<>(perPerson.entrySet()), (ps, p) -> {
            ps.setString(1, p.getKey());
            ps.setInt(2, p.getValue());
        });
    }

    /**
     * Inserts the records and reads their ids back by key: the ids a rewritten multi-row insert reports need not be
     * the ones assigned (with {@code innodb_autoinc_lock_mode=2} they need not be consecutive).
     */
    private Map<String, Long> insertRecords(List<LedgerRow> fresh) {
        LocalDateTime now = Times.now(clock);
        INSERT_RECORD.execute(jdbc, fresh, (ps, r) -> {
            ParticipationRecorded e = r.event();
            ps.setString(1, e.recordKey());
            ps.setString(2, e.kind().name());
            ps.setString(3, e.personKey());
            nullable(ps, 4, e.residentId(), Types.BIGINT);
            // The publisher's label is not kept: drill-downs show a pseudonym of the person key (PersonLabelRepository).
            ps.setNull(5, Types.VARCHAR);
            ps.setString(6, r.region());
            ps.setString(7, r.town());
            ps.setString(8, r.group());
            ps.setString(9, e.sourceType());
            ps.setLong(10, e.sourceId());
            ps.setString(11, e.sourceTitle());
            ps.setObject(12, e.occurredOn());
            ps.setString(13, r.codes());
            nullable(ps, 14, e.hours(), Types.DECIMAL);
            nullable(ps, 15, e.passed(), Types.BOOLEAN);
            ps.setBoolean(16, e.withdrawn());
            ps.setObject(17, now);
            ps.setObject(18, now);
        });
        Map<String, Long> ids = new HashMap<>();
        client.sql(RECORD_IDS).param("keys", fresh.stream().map(r -> r.event().recordKey()).toList())
                .query(rs -> {
                    ids.put(rs.getString("record_key"), rs.getLong("id"));
                });
        return ids;
    }

    private List<TagRow> insertTags(List<LedgerRow> fresh, Map<String, Long> ids) {
        List<TaggedRecord> tagged = new ArrayList<>();
        for (LedgerRow r : fresh) {
            Long id = ids.get(r.event().recordKey());
            if (id == null) {
                throw new IllegalStateException("participation " + r.event().recordKey() + " inserted but not found");
            }
            r.tags().forEach(t -> tagged.add(new TaggedRecord(id, t, r.event())));
        }
        INSERT_TAG.execute(jdbc, tagged, (ps, t) -> {
            ps.setLong(1, t.recordId());
            ps.setString(2, t.tag().tag());
            ps.setString(3, t.tag().kind());
            ps.setObject(4, t.tag().occurredOn());
            ps.setString(5, t.tag().personKey());
            ps.setString(6, t.tag().regionCode());
            ps.setString(7, t.tag().townCode());
            ps.setString(8, t.tag().populationGroup());
            nullable(ps, 9, t.event().hours(), Types.DECIMAL);
            nullable(ps, 10, t.event().passed(), Types.BOOLEAN);
        });
        return tagged.stream().map(TaggedRecord::tag).toList();
    }

    /** Sums the new tags per daily cell and per monthly roll-up row, and adds each sum with one upsert. */
    private void addToCells(List<LedgerRow> fresh) {
        Map<Cell, Totals> daily = new TreeMap<>(CELL_ORDER);
        Map<MonthCell, Totals> monthly = new TreeMap<>(MONTH_ORDER);
        for (LedgerRow r : fresh) {
            BigDecimal hours = AggregateRepository.countedHours(r.event().hours());
            int passed = Boolean.TRUE.equals(r.event().passed()) ? 1 : 0;
            for (TagRow t : r.tags()) {
                Cell cell = t.cell();
                daily.computeIfAbsent(cell, c -> new Totals()).add(hours, passed);
                monthly.computeIfAbsent(new MonthCell(cell.tag(), cell.kind(), cell.day().withDayOfMonth(1),
                        cell.townCode(), cell.populationGroup()), c -> new Totals()).add(hours, passed);
            }
        }
        ADD_DAILY.execute(jdbc, new ArrayList<>(daily.entrySet()), (ps, d) -> {
            Cell c = d.getKey();
            ps.setString(1, c.tag());
            ps.setString(2, c.kind());
            ps.setObject(3, c.day());
            ps.setString(4, c.regionCode());
            ps.setString(5, c.populationGroup());
            ps.setString(6, c.townCode());
            ps.setInt(7, d.getValue().times);
            ps.setBigDecimal(8, d.getValue().hours);
            ps.setInt(9, d.getValue().passed);
        });
        ADD_MONTHLY.execute(jdbc, new ArrayList<>(monthly.entrySet()), (ps, m) -> {
            MonthCell c = m.getKey();
            ps.setString(1, c.tag());
            ps.setString(2, c.kind());
            ps.setObject(3, c.month());
            ps.setString(4, c.townCode());
            ps.setString(5, c.populationGroup());
            ps.setInt(6, m.getValue().times);
            ps.setBigDecimal(7, m.getValue().hours);
        });
    }

    /**
     * Rebuilds each distinct-person row the new tags feed, once per (counter, window, person) however many of the
     * person's records the batch holds. Quiz records rarely feed one (self-tests do), so these stay per row.
     */
    private void recomputePersons(List<TagRow> tags) {
        Set<PersonWindow> touched = new TreeSet<>(PERSON_ORDER);
        for (TagRow t : tags) {
            for (PersonCounter counter : catalog.personCounters(t.tag())) {
                Window window = counter.windowOf(t.occurredOn());
                if (window != null) {
                    touched.add(new PersonWindow(counter, window, t.personKey()));
                }
            }
        }
        touched.forEach(p -> store.recomputePerson(p.counter(), p.window(), p.personKey()));
    }

    private static void nullable(RowParameters ps, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else {
            ps.setObject(index, value, sqlType);
        }
    }

    private record TaggedRecord(long recordId, TagRow tag, ParticipationRecorded event) {
    }

    private record MonthCell(String tag, String kind, LocalDate month, String townCode, String populationGroup) {
    }

    private record PersonWindow(PersonCounter counter, Window window, String personKey) {
    }

    /** What a group of new records adds to one aggregate row. */
    private static final class Totals {
        private int times;
        private BigDecimal hours = BigDecimal.ZERO;
        private int passed;

        void add(BigDecimal h, int p) {
            times++;
            hours = hours.add(h);
            passed += p;
        }
    }
}
