package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;

/**
 * The rows the four aggregate tables must hold for an {@link OwnPlan}'s codes and indicators, worked out in Java
 * from the records the test published, record by record, without the grouping SQL the application uses: a
 * recompute that does nothing, or an incremental path and a recompute that share the same mistake, cannot match
 * it. Also reads the actual rows of those codes and indicators, and spoils them on purpose before a recompute.
 */
final class ExpectedAggregates {

    /** Town of each village the tests publish in (the region table's parent codes). */
    static final Map<String, String> TOWN_OF = Map.of(
            "430603001001", "430603001",
            "430603002003", "430603002",
            "430603100201", "430603100",
            "430603100203", "430603100",
            "430603101202", "430603101");

    record Daily(String tag, String kind, LocalDate day, String region, String group, String town, int personTimes,
                 BigDecimal hours, int passed) {
    }

    record Monthly(String tag, String kind, LocalDate month, String town, String group, int personTimes,
                   BigDecimal hours) {
    }

    record Person(long indicatorId, LocalDate windowStart, String personKey, LocalDate firstOn, long firstRecordId,
                  String region, String town, String group, Boolean passed) {
    }

    record PersonMonthly(long indicatorId, LocalDate windowStart, LocalDate month, String town, String group,
                         int persons, int passed) {
    }

    record Tables(List<Daily> daily, List<Monthly> monthly, List<Person> persons, List<PersonMonthly> personMonthly) {

        /** Field-by-field, in any order; a failure names the table and the rows that differ. */
        void assertEqualTo(Tables expected, String when) {
            assertThat(daily).as("indicator_daily " + when).containsExactlyInAnyOrderElementsOf(expected.daily());
            assertThat(monthly).as("indicator_monthly " + when).containsExactlyInAnyOrderElementsOf(expected.monthly());
            assertThat(persons).as("indicator_person " + when).containsExactlyInAnyOrderElementsOf(expected.persons());
            assertThat(personMonthly).as("indicator_person_monthly " + when)
                    .containsExactlyInAnyOrderElementsOf(expected.personMonthly());
        }
    }

    private final OwnPlan plan;
    private final JdbcTemplate jdbc;

    ExpectedAggregates(OwnPlan plan, JdbcTemplate jdbc) {
        this.plan = plan;
        this.jdbc = jdbc;
    }

    /**
     * What {@code records} (the last version published under each key, withdrawn ones included) add up to. The
     * ledger's id of each record breaks ties between a person's records of the same day, as the application does.
     */
    Tables expected(Collection<ParticipationRecorded> records) {
        Map<String, Long> ids = recordIds(records);
        Set<String> codes = Set.copyOf(plan.codes());
        Map<List<Object>, int[]> dailyCounts = new HashMap<>();
        Map<List<Object>, BigDecimal> dailyHours = new HashMap<>();
        Map<List<Object>, int[]> monthlyCounts = new HashMap<>();
        Map<List<Object>, BigDecimal> monthlyHours = new HashMap<>();
        Map<List<Object>, ParticipationRecorded> firstOfPerson = new HashMap<>();
        for (ParticipationRecorded r : records) {
            if (r.withdrawn()) {
                continue;
            }
            String region = r.regionCode() == null ? "" : r.regionCode();
            String town = region.isEmpty() ? "" : TOWN_OF.get(region);
            String group = r.populationGroup() == null ? "" : r.populationGroup();
            BigDecimal hours = (r.hours() == null ? BigDecimal.ZERO : r.hours()).setScale(2, RoundingMode.HALF_UP);
            int passed = Boolean.TRUE.equals(r.passed()) ? 1 : 0;
            for (String code : new java.util.LinkedHashSet<>(r.indicatorCodes())) {
                if (!codes.contains(code)) {
                    continue;
                }
                List<Object> cell = List.of(code, r.kind().name(), r.occurredOn(), region, group, town);
                int[] d = dailyCounts.computeIfAbsent(cell, k -> new int[2]);
                d[0]++;
                d[1] += passed;
                dailyHours.merge(cell, hours, BigDecimal::add);
                List<Object> month = List.of(code, r.kind().name(), r.occurredOn().withDayOfMonth(1), town, group);
                monthlyCounts.computeIfAbsent(month, k -> new int[1])[0]++;
                monthlyHours.merge(month, hours, BigDecimal::add);
                for (OwnPlan.Counter counter : plan.counters) {
                    LocalDate window = windowStart(counter, r.occurredOn());
                    if (!counter.code().equals(code) || window == null
                            || (counter.populationGroup() != null && !counter.populationGroup().equals(group))) {
                        continue;
                    }
                    firstOfPerson.merge(List.of(counter.indicatorId(), window, r.personKey()), r,
                            (a, b) -> earlier(a, b, ids));
                }
            }
        }
        List<Daily> daily = new ArrayList<>();
        dailyCounts.forEach((k, v) -> daily.add(new Daily((String) k.get(0), (String) k.get(1), (LocalDate) k.get(2),
                (String) k.get(3), (String) k.get(4), (String) k.get(5), v[0], dailyHours.get(k), v[1])));
        List<Monthly> monthly = new ArrayList<>();
        monthlyCounts.forEach((k, v) -> monthly.add(new Monthly((String) k.get(0), (String) k.get(1),
                (LocalDate) k.get(2), (String) k.get(3), (String) k.get(4), v[0], monthlyHours.get(k))));
        List<Person> persons = new ArrayList<>();
        firstOfPerson.forEach((k, r) -> {
            String region = r.regionCode() == null ? "" : r.regionCode();
            persons.add(new Person((Long) k.get(0), (LocalDate) k.get(1), r.personKey(), r.occurredOn(),
                    ids.get(r.recordKey()), region, region.isEmpty() ? "" : TOWN_OF.get(region),
                    r.populationGroup() == null ? "" : r.populationGroup(), r.passed()));
        });
        Map<List<Object>, List<Person>> buckets = persons.stream().collect(Collectors.groupingBy(p -> List.of(
                p.indicatorId(), p.windowStart(), p.firstOn().withDayOfMonth(1), p.town(), p.group())));
        List<PersonMonthly> personMonthly = new ArrayList<>();
        buckets.forEach((k, ps) -> personMonthly.add(new PersonMonthly((Long) k.get(0), (LocalDate) k.get(1),
                (LocalDate) k.get(2), (String) k.get(3), (String) k.get(4), ps.size(),
                (int) ps.stream().filter(p -> Boolean.TRUE.equals(p.passed())).count())));
        return new Tables(daily, monthly, persons, personMonthly);
    }

    /** The counting window a day falls in: the plan period, or its year within the period; null outside it. */
    private static LocalDate windowStart(OwnPlan.Counter counter, LocalDate day) {
        if (day.isBefore(OwnPlan.START) || day.isAfter(OwnPlan.END)) {
            return null;
        }
        return counter.yearly() ? LocalDate.of(day.getYear(), 1, 1) : OwnPlan.START;
    }

    /** The starts of the counter's windows that overlap [from, to]. */
    private static List<LocalDate> windowsOverlapping(OwnPlan.Counter counter, LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate start = windowStart(counter, day);
            if (start != null && !starts.contains(start)) {
                starts.add(start);
            }
        }
        return starts;
    }

    private static ParticipationRecorded earlier(ParticipationRecorded a, ParticipationRecorded b, Map<String, Long> ids) {
        int byDay = a.occurredOn().compareTo(b.occurredOn());
        if (byDay != 0) {
            return byDay < 0 ? a : b;
        }
        return ids.get(a.recordKey()) < ids.get(b.recordKey()) ? a : b;
    }

    private Map<String, Long> recordIds(Collection<ParticipationRecorded> records) {
        Map<String, Long> ids = new HashMap<>();
        for (ParticipationRecorded r : records) {
            ids.put(r.recordKey(), jdbc.queryForObject("SELECT id FROM participation_record WHERE record_key = ?",
                    Long.class, r.recordKey()));
        }
        return ids;
    }

    /** The rows the tables hold now for this plan's codes and indicators. */
    Tables actual() {
        String codes = inList(plan.codes().size());
        String ids = inList(plan.ids().size());
        Object[] codeArgs = plan.codes().toArray();
        Object[] idArgs = plan.ids().toArray();
        return new Tables(
                jdbc.query("SELECT * FROM indicator_daily WHERE tag IN (" + codes + ")", (rs, n) -> new Daily(
                        rs.getString("tag"), rs.getString("kind"), rs.getObject("day", LocalDate.class),
                        rs.getString("region_code"), rs.getString("population_group"), rs.getString("town_code"),
                        rs.getInt("person_times"), scaled(rs, "hours"), rs.getInt("passed")), codeArgs),
                jdbc.query("SELECT * FROM indicator_monthly WHERE tag IN (" + codes + ")", (rs, n) -> new Monthly(
                        rs.getString("tag"), rs.getString("kind"), rs.getObject("month", LocalDate.class),
                        rs.getString("town_code"), rs.getString("population_group"), rs.getInt("person_times"),
                        scaled(rs, "hours")), codeArgs),
                jdbc.query("SELECT * FROM indicator_person WHERE indicator_id IN (" + ids + ")", (rs, n) -> new Person(
                        rs.getLong("indicator_id"), rs.getObject("window_start", LocalDate.class),
                        rs.getString("person_key"), rs.getObject("first_on", LocalDate.class),
                        rs.getLong("first_record_id"), rs.getString("region_code"), rs.getString("town_code"),
                        rs.getString("population_group"), rs.getObject("passed", Boolean.class)), idArgs),
                jdbc.query("SELECT * FROM indicator_person_monthly WHERE indicator_id IN (" + ids + ")",
                        (rs, n) -> new PersonMonthly(rs.getLong("indicator_id"),
                                rs.getObject("window_start", LocalDate.class), rs.getObject("month", LocalDate.class),
                                rs.getString("town_code"), rs.getString("population_group"), rs.getInt("persons"),
                                rs.getInt("passed")), idArgs));
    }

    /**
     * Spoils this plan's aggregate rows of [from, to] (and of every distinct-person window overlapping it) the ways
     * a lost or doubled update would: some rows gone, some counts off, a row that should not exist. Returns how many
     * rows it touched, so a test can make sure there was something to spoil.
     */
    int spoil(LocalDate from, LocalDate to) {
        String codes = inList(plan.codes().size());
        List<Object> args = new ArrayList<>(plan.codes());
        args.add(from);
        args.add(to);
        int touched = jdbc.update("UPDATE indicator_daily SET person_times = person_times + 3, hours = hours + 1.5, "
                + "passed = passed + 1 WHERE tag IN (" + codes + ") AND day BETWEEN ? AND ? AND MOD(DAYOFMONTH(day), 2) = 0",
                args.toArray());
        touched += jdbc.update("DELETE FROM indicator_daily WHERE tag IN (" + codes + ") AND day BETWEEN ? AND ? "
                + "AND MOD(DAYOFMONTH(day), 2) = 1", args.toArray());
        touched += jdbc.update("INSERT INTO indicator_daily (tag, kind, day, region_code, population_group, town_code, "
                + "person_times, hours, passed) VALUES (?, 'EVENT_ATTENDANCE', ?, '430603100201', 'YOUTH', '430603100', "
                + "9, 9, 0)", plan.times, from);
        List<Object> months = new ArrayList<>(plan.codes());
        months.add(from.withDayOfMonth(1));
        months.add(to);
        touched += jdbc.update("UPDATE indicator_monthly SET person_times = person_times * 2 WHERE tag IN (" + codes
                + ") AND month BETWEEN ? AND ?", months.toArray());
        touched += jdbc.update("INSERT INTO indicator_monthly (tag, kind, month, town_code, population_group, "
                + "person_times, hours) VALUES (?, 'QUIZ', ?, '430603001', 'ELDERLY', 4, 0)", plan.persons,
                from.withDayOfMonth(1));
        for (OwnPlan.Counter counter : plan.counters) {
            for (LocalDate window : windowsOverlapping(counter, from, to)) {
                touched += jdbc.update("DELETE FROM indicator_person WHERE indicator_id = ? AND window_start = ? "
                        + "AND MOD(CRC32(person_key), 3) = 0", counter.indicatorId(), window);
                touched += jdbc.update("UPDATE indicator_person SET first_on = window_start, passed = NOT passed "
                        + "WHERE indicator_id = ? AND window_start = ? AND MOD(CRC32(person_key), 3) = 1",
                        counter.indicatorId(), window);
                touched += jdbc.update("UPDATE indicator_person_monthly SET persons = persons + 2 WHERE indicator_id = ? "
                        + "AND window_start = ?", counter.indicatorId(), window);
                touched += jdbc.update("INSERT IGNORE INTO indicator_person_monthly (indicator_id, window_start, month, "
                        + "town_code, population_group, persons, passed) VALUES (?, ?, ?, '430603101', 'OTHER', 5, 5)",
                        counter.indicatorId(), window, window);
            }
        }
        return touched;
    }

    /** Deletes every aggregate row of this plan's codes and indicators. */
    void clear() {
        String codes = inList(plan.codes().size());
        String ids = inList(plan.ids().size());
        jdbc.update("DELETE FROM indicator_daily WHERE tag IN (" + codes + ")", plan.codes().toArray());
        jdbc.update("DELETE FROM indicator_monthly WHERE tag IN (" + codes + ")", plan.codes().toArray());
        jdbc.update("DELETE FROM indicator_person WHERE indicator_id IN (" + ids + ")", plan.ids().toArray());
        jdbc.update("DELETE FROM indicator_person_monthly WHERE indicator_id IN (" + ids + ")", plan.ids().toArray());
    }

    private static BigDecimal scaled(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).setScale(2, RoundingMode.HALF_UP);
    }

    private static String inList(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
