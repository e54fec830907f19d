package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.yunxi.kepu.indicator.IndicatorCatalogService.PersonCounter;
import cn.yunxi.kepu.indicator.IndicatorCatalogService.Window;

/**
 * The aggregate tables and the SQL that fills them. The incremental path (one cell or one person at a time,
 * after each participation event) and the full recompute of a date range run the SAME grouping SQL, only with
 * a narrower WHERE, so both always give the same numbers.
 */
@Repository
class AggregateRepository {

    /** Daily cells: one row per tag, kind, day, village and population group. */
    private static final String DAILY_SELECT = """
            SELECT tag, kind, occurred_on, region_code, population_group, MAX(town_code), COUNT(*),
                   COALESCE(SUM(hours), 0), COALESCE(SUM(CASE WHEN passed THEN 1 ELSE 0 END), 0)
            FROM participation_tag
            """;
    private static final String DAILY_INSERT = "INSERT INTO indicator_daily (tag, kind, day, region_code, "
            + "population_group, town_code, person_times, hours, passed) ";
    private static final String DAILY_GROUP = " GROUP BY tag, kind, occurred_on, region_code, population_group";

    /**
     * A person's first record in a window: the smallest "day|record id|..." string carries the day, the record and
     * where the person was then, so one GROUP BY finds all of it.
     */
    private static final String PERSON_INSERT = """
            INSERT INTO indicator_person (indicator_id, window_start, person_key, first_on, first_record_id,
                                          region_code, town_code, population_group, passed)
            SELECT :indicatorId, :windowStart, person_key,
                   SUBSTRING_INDEX(f, '|', 1),
                   CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(f, '|', 2), '|', -1) AS UNSIGNED),
                   SUBSTRING_INDEX(SUBSTRING_INDEX(f, '|', 3), '|', -1),
                   SUBSTRING_INDEX(SUBSTRING_INDEX(f, '|', 4), '|', -1),
                   SUBSTRING_INDEX(SUBSTRING_INDEX(f, '|', 5), '|', -1),
                   CASE SUBSTRING_INDEX(f, '|', -1) WHEN '1' THEN TRUE WHEN '0' THEN FALSE ELSE NULL END
            FROM (SELECT person_key,
                         MIN(CONCAT(occurred_on, '|', LPAD(record_id, 19, '0'), '|', region_code, '|', town_code, '|',
                                    population_group, '|', COALESCE(passed + 0, ''))) AS f
                  FROM participation_tag
                  WHERE tag = :tag AND occurred_on BETWEEN :windowStart AND :windowEnd
                    AND (:populationGroup IS NULL OR population_group = :populationGroup)
                    %s
                  GROUP BY person_key) first_records
            """;

    private final JdbcClient jdbc;

    AggregateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- ledger ---------------------------------------------------------------------------------------------

    Optional<LedgerRecord> lockRecord(String recordKey) {
        return jdbc.sql("SELECT id, record_key, kind, person_key, region_code, town_code, population_group, "
                        + "occurred_on, indicator_codes, withdrawn FROM participation_record WHERE record_key = ? FOR UPDATE")
                .param(recordKey).query(LedgerRecord.class).optional();
    }

    List<TagRow> tagsOf(long recordId) {
        return jdbc.sql("SELECT tag, kind, occurred_on, person_key, region_code, town_code, population_group "
                + "FROM participation_tag WHERE record_id = ?").param(recordId).query(TagRow.class).list();
    }

    void deleteTags(long recordId) {
        jdbc.sql("DELETE FROM participation_tag WHERE record_id = ?").param(recordId).update();
    }

    void insertTag(long recordId, TagRow tag, BigDecimal hours, Boolean passed) {
        jdbc.sql("INSERT INTO participation_tag (record_id, tag, kind, occurred_on, person_key, region_code, town_code, "
                        + "population_group, hours, passed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(recordId, tag.tag(), tag.kind(), tag.occurredOn(), tag.personKey(), tag.regionCode(),
                        tag.townCode(), tag.populationGroup(), hours, passed).update();
    }

    /**
     * Takes the lock row of each person (creating it on first sight), in sorted order so that two records
     * correcting each other's person cannot deadlock. Held until commit: every aggregate of these persons
     * ({@link #recomputePerson}) is then read and written by one transaction at a time.
     */
    void lockPersons(Collection<String> personKeys) {
        for (String personKey : new TreeSet<>(personKeys)) {
            jdbc.sql("INSERT INTO participation_person (person_key, records_applied) VALUES (?, 1) "
                    + "ON DUPLICATE KEY UPDATE records_applied = records_applied + 1").param(personKey).update();
        }
    }

    // ---- incremental: one daily cell ---------------------------------------------------------------------------

    /**
     * Counts one new record in its cell and the month's roll-up: the same totals {@link #recomputeCell} would
     * arrive at, without recounting the cell. Only for records never counted before (a correction or withdrawal
     * rebuilds instead). Each upsert locks its row, so it composes with concurrent rebuilds of the same cell: a
     * rebuild that runs first does not see this uncommitted record, one that runs after sees it and replaces
     * the count whole.
     */
    void addToCell(Cell cell, BigDecimal hours, Boolean passed) {
        BigDecimal h = countedHours(hours);
        int p = Boolean.TRUE.equals(passed) ? 1 : 0;
        jdbc.sql("""
                INSERT INTO indicator_daily (tag, kind, day, region_code, population_group, town_code, person_times,
                                             hours, passed)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
                ON DUPLICATE KEY UPDATE town_code = GREATEST(town_code, VALUES(town_code)),
                    person_times = person_times + 1, hours = hours + VALUES(hours), passed = passed + VALUES(passed)
                """).params(cell.tag(), cell.kind(), cell.day(), cell.regionCode(), cell.populationGroup(),
                cell.townCode(), h, p).update();
        jdbc.sql("""
                INSERT INTO indicator_monthly (tag, kind, month, town_code, population_group, person_times, hours)
                VALUES (?, ?, ?, ?, ?, 1, ?)
                ON DUPLICATE KEY UPDATE person_times = person_times + 1, hours = hours + VALUES(hours)
                """).params(cell.tag(), cell.kind(), cell.day().withDayOfMonth(1), cell.townCode(),
                cell.populationGroup(), h).update();
    }

    /** Hours as participation_tag stores them (DECIMAL(8,2)), so added-up hours equal what a rebuild sums. */
    static BigDecimal countedHours(BigDecimal hours) {
        return hours == null ? BigDecimal.ZERO : hours.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /**
     * Rebuilds one daily cell from the tags and moves its monthly roll-up by the difference.
     *
     * <p>The cell row itself is the lock: it is created empty if missing (INSERT ... ON DUPLICATE KEY UPDATE
     * leaves it exclusively locked either way), so "before" is what the previous transaction on this cell
     * committed and no other transaction can change the cell until this one commits. Whoever takes the lock last
     * sees every other transaction's tags committed, so the last rebuild is complete and the differences sum up.
     * The empty row never outlives the transaction: the rebuild deletes it and inserts only a non-empty cell.
     */
    void recomputeCell(Cell cell) {
        jdbc.sql("""
                INSERT INTO indicator_daily (tag, kind, day, region_code, population_group, town_code, person_times,
                                             hours, passed)
                VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0)
                ON DUPLICATE KEY UPDATE person_times = person_times
                """).params(cell.tag(), cell.kind(), cell.day(), cell.regionCode(), cell.populationGroup(),
                cell.townCode()).update();
        Optional<CellTotals> before = jdbc.sql("SELECT person_times, hours, town_code FROM indicator_daily WHERE tag = ? "
                        + "AND kind = ? AND day = ? AND region_code = ? AND population_group = ? FOR UPDATE")
                .params(cell.tag(), cell.kind(), cell.day(), cell.regionCode(), cell.populationGroup())
                .query(CellTotals.class).optional();
        jdbc.sql("DELETE FROM indicator_daily WHERE tag = ? AND kind = ? AND day = ? AND region_code = ? "
                        + "AND population_group = ?")
                .params(cell.tag(), cell.kind(), cell.day(), cell.regionCode(), cell.populationGroup()).update();
        jdbc.sql(DAILY_INSERT + DAILY_SELECT + " WHERE tag = ? AND kind = ? AND occurred_on = ? AND region_code = ? "
                        + "AND population_group = ?" + DAILY_GROUP)
                .params(cell.tag(), cell.kind(), cell.day(), cell.regionCode(), cell.populationGroup()).update();
        Optional<CellTotals> after = jdbc.sql("SELECT person_times, hours, town_code FROM indicator_daily WHERE tag = ? "
                        + "AND kind = ? AND day = ? AND region_code = ? AND population_group = ?")
                .params(cell.tag(), cell.kind(), cell.day(), cell.regionCode(), cell.populationGroup())
                .query(CellTotals.class).optional();
        int times = after.map(CellTotals::personTimes).orElse(0) - before.map(CellTotals::personTimes).orElse(0);
        BigDecimal hours = after.map(CellTotals::hours).orElse(BigDecimal.ZERO)
                .subtract(before.map(CellTotals::hours).orElse(BigDecimal.ZERO));
        if (times == 0 && hours.signum() == 0) {
            return;
        }
        LocalDate month = cell.day().withDayOfMonth(1);
        jdbc.sql("""
                INSERT INTO indicator_monthly (tag, kind, month, town_code, population_group, person_times, hours)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE person_times = person_times + VALUES(person_times), hours = hours + VALUES(hours)
                """).params(cell.tag(), cell.kind(), month, cell.townCode(), cell.populationGroup(), times, hours)
                .update();
        jdbc.sql("DELETE FROM indicator_monthly WHERE tag = ? AND kind = ? AND month = ? AND town_code = ? "
                        + "AND population_group = ? AND person_times = 0")
                .params(cell.tag(), cell.kind(), month, cell.townCode(), cell.populationGroup()).update();
    }

    // ---- incremental: one person of one counter ----------------------------------------------------------------

    /**
     * Rebuilds one person's row of one counter window from the tags and moves the person-monthly roll-up from the
     * old bucket to the new one. The caller holds the person's lock ({@link #lockPersons}), so "before" is what
     * the previous transaction on this person committed and no one else rewrites the row meanwhile.
     */
    void recomputePerson(PersonCounter counter, Window window, String personKey) {
        Optional<PersonBucket> before = jdbc.sql("SELECT first_on, town_code, population_group, passed FROM indicator_person "
                        + "WHERE indicator_id = ? AND window_start = ? AND person_key = ? FOR UPDATE")
                .params(counter.indicatorId(), window.start(), personKey).query(PersonBucket.class).optional();
        jdbc.sql("DELETE FROM indicator_person WHERE indicator_id = ? AND window_start = ? AND person_key = ?")
                .params(counter.indicatorId(), window.start(), personKey).update();
        jdbc.sql(PERSON_INSERT.formatted("AND person_key = :personKey"))
                .param("indicatorId", counter.indicatorId()).param("windowStart", window.start())
                .param("windowEnd", window.end()).param("tag", counter.tag())
                .param("populationGroup", counter.populationGroup()).param("personKey", personKey).update();
        Optional<PersonBucket> after = jdbc.sql("SELECT first_on, town_code, population_group, passed FROM indicator_person "
                        + "WHERE indicator_id = ? AND window_start = ? AND person_key = ?")
                .params(counter.indicatorId(), window.start(), personKey).query(PersonBucket.class).optional();
        if (before.map(PersonBucket::bucket).equals(after.map(PersonBucket::bucket))) {
            return;
        }
        before.ifPresent(b -> movePersonBucket(counter.indicatorId(), window.start(), b, -1));
        after.ifPresent(b -> movePersonBucket(counter.indicatorId(), window.start(), b, 1));
    }

    private void movePersonBucket(long indicatorId, LocalDate windowStart, PersonBucket b, int delta) {
        int passed = Boolean.TRUE.equals(b.passed()) ? delta : 0;
        jdbc.sql("""
                INSERT INTO indicator_person_monthly (indicator_id, window_start, month, town_code, population_group,
                                                      persons, passed)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE persons = persons + VALUES(persons), passed = passed + VALUES(passed)
                """).params(indicatorId, windowStart, b.firstOn().withDayOfMonth(1), b.townCode(), b.populationGroup(),
                delta, passed).update();
        jdbc.sql("DELETE FROM indicator_person_monthly WHERE indicator_id = ? AND window_start = ? AND month = ? "
                        + "AND town_code = ? AND population_group = ? AND persons = 0")
                .params(indicatorId, windowStart, b.firstOn().withDayOfMonth(1), b.townCode(), b.populationGroup())
                .update();
    }

    // ---- full recompute ----------------------------------------------------------------------------------------

    int rebuildDaily(LocalDate from, LocalDate to) {
        jdbc.sql("DELETE FROM indicator_daily WHERE day BETWEEN ? AND ?").params(from, to).update();
        return jdbc.sql(DAILY_INSERT + DAILY_SELECT + " WHERE occurred_on BETWEEN ? AND ?" + DAILY_GROUP)
                .params(from, to).update();
    }

    /** Rebuilds the monthly roll-up of every month touching [from, to] from the (already rebuilt) daily cells. */
    int rebuildMonthly(LocalDate from, LocalDate to) {
        LocalDate firstMonth = from.withDayOfMonth(1);
        LocalDate lastMonth = to.withDayOfMonth(1);
        jdbc.sql("DELETE FROM indicator_monthly WHERE month BETWEEN ? AND ?").params(firstMonth, lastMonth).update();
        return jdbc.sql("""
                INSERT INTO indicator_monthly (tag, kind, month, town_code, population_group, person_times, hours)
                SELECT tag, kind, DATE_SUB(day, INTERVAL DAYOFMONTH(day) - 1 DAY), town_code, population_group,
                       SUM(person_times), SUM(hours)
                FROM indicator_daily
                WHERE day BETWEEN ? AND ?
                GROUP BY tag, kind, DATE_SUB(day, INTERVAL DAYOFMONTH(day) - 1 DAY), town_code, population_group
                """).params(firstMonth, lastMonth.plusMonths(1).minusDays(1)).update();
    }

    int rebuildPersons(PersonCounter counter, Window window) {
        jdbc.sql("DELETE FROM indicator_person WHERE indicator_id = ? AND window_start = ?")
                .params(counter.indicatorId(), window.start()).update();
        jdbc.sql("DELETE FROM indicator_person_monthly WHERE indicator_id = ? AND window_start = ?")
                .params(counter.indicatorId(), window.start()).update();
        int persons = jdbc.sql(PERSON_INSERT.formatted(""))
                .param("indicatorId", counter.indicatorId()).param("windowStart", window.start())
                .param("windowEnd", window.end()).param("tag", counter.tag())
                .param("populationGroup", counter.populationGroup()).update();
        jdbc.sql("""
                INSERT INTO indicator_person_monthly (indicator_id, window_start, month, town_code, population_group,
                                                      persons, passed)
                SELECT indicator_id, window_start, DATE_SUB(first_on, INTERVAL DAYOFMONTH(first_on) - 1 DAY), town_code,
                       population_group, COUNT(*), COALESCE(SUM(CASE WHEN passed THEN 1 ELSE 0 END), 0)
                FROM indicator_person
                WHERE indicator_id = ? AND window_start = ?
                GROUP BY indicator_id, window_start, DATE_SUB(first_on, INTERVAL DAYOFMONTH(first_on) - 1 DAY),
                         town_code, population_group
                """).params(counter.indicatorId(), window.start()).update();
        return persons;
    }

    // ---- rows -------------------------------------------------------------------------------------------------

    record LedgerRecord(long id, String recordKey, String kind, String personKey, String regionCode, String townCode,
                        String populationGroup, LocalDate occurredOn, String indicatorCodes, boolean withdrawn) {
    }

    record TagRow(String tag, String kind, LocalDate occurredOn, String personKey, String regionCode, String townCode,
                  String populationGroup) {

        Cell cell() {
            return new Cell(tag, kind, occurredOn, regionCode, populationGroup, townCode);
        }
    }

    record Cell(String tag, String kind, LocalDate day, String regionCode, String populationGroup, String townCode)
            implements Comparable<Cell> {

        @Override
        public int compareTo(Cell o) {
            return java.util.Comparator.comparing(Cell::tag).thenComparing(Cell::kind).thenComparing(Cell::day)
                    .thenComparing(Cell::regionCode).thenComparing(Cell::populationGroup).compare(this, o);
        }
    }

    record CellTotals(int personTimes, BigDecimal hours, String townCode) {
    }

    record PersonBucket(LocalDate firstOn, String townCode, String populationGroup, Boolean passed) {

        List<Object> bucket() {
            return java.util.Arrays.asList(firstOn.withDayOfMonth(1), townCode, populationGroup, passed);
        }
    }
}
