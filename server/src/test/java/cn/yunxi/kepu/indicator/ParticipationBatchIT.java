package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.Participations.attendance;
import static cn.yunxi.kepu.support.Participations.selfTest;
import static cn.yunxi.kepu.support.Participations.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Participations;

/**
 * A {@code ParticipationsRecorded} batch (as the quiz feature publishes graded attempts) applies its new records
 * together and the rest (corrections, withdrawals, a key repeated in the batch) one by one. Whatever the mix, and
 * with several batches of the same persons applied at once, the aggregates must be what the records add up to
 * ({@link ExpectedAggregates}), also after a recompute of spoiled aggregates, and every record key must be stored
 * once. The records count toward a plan of the test's own, so every aggregate row of its codes is the test's.
 */
@KepuIntegrationTest
class ParticipationBatchIT extends MidPlanYearSupport {

    static final String V1 = "430603100201";
    static final String V2 = "430603001001";
    static final String V3 = "430603101202";

    String run;
    OwnPlan plan;
    ExpectedAggregates aggregates;
    /** Distinct persons over the period. */
    String farmers;
    /** Person-times. */
    String techStaff;
    /** Distinct persons per year. */
    String migrant;
    /** Person-times (a second code on the same records). */
    String subsidised;
    /** Distinct farmers. */
    String skills;

    @BeforeEach
    void setUp() {
        run = UUID.randomUUID().toString().substring(0, 8);
        plan = OwnPlan.create(api, admin);
        aggregates = new ExpectedAggregates(plan, jdbc);
        farmers = plan.persons;
        techStaff = plan.times;
        migrant = plan.yearly;
        subsidised = plan.times;
        skills = plan.farmers;
    }

    @Test
    void aBatchOfNewRecordsCorrectionsWithdrawalsAndARepeatedKeyAddsUpToItsRecords() {
        String a = person("a");
        String b = person("b");
        String c = person("c");
        String d = person("d");
        LocalDate march = LocalDate.of(2024, 3, 1);
        ParticipationRecorded toCorrect = attendance(key("corrected"), a, V1, "FARMER", march, farmers, skills);
        ParticipationRecorded toWithdraw = attendance(key("withdrawn"), b, V2, "INDUSTRIAL_WORKER",
                LocalDate.of(2025, 5, 20), migrant);
        participations.publish(toCorrect, toWithdraw);
        long marchCell = personTimes(farmers, march, V1, "FARMER");

        ParticipationRecorded repeated = attendance(key("repeated"), person("h"), V1, "FARMER",
                LocalDate.of(2024, 7, 7), farmers);
        List<ParticipationRecorded> batch = List.of(
                attendance(key("c1"), c, V1, "FARMER", march, farmers),
                attendance(key("d1"), d, V1, "FARMER", march, farmers, techStaff), // same cell as c1
                attendance(key("c2"), c, V2, "INDUSTRIAL_WORKER", LocalDate.of(2025, 5, 20), migrant),
                attendance(key("e1"), person("e"), null, null, LocalDate.of(2023, 11, 30), subsidised),
                withHours(attendance(key("f1"), person("f"), V3, "YOUTH", LocalDate.of(2025, 2, 14), skills), "1.255"),
                selfTest(key("g1"), person("g"), LocalDate.of(2025, 6, 1), true),
                selfTest(key("g2"), person("g2"), LocalDate.of(2025, 6, 2), false),
                inRegion(toCorrect, V2),
                repeated,
                withdrawn(toWithdraw),
                withdrawn(attendance(key("born-withdrawn"), person("i"), V1, "FARMER", march, farmers)),
                inRegion(repeated, V3)); // the later version wins, as if published one after the other
        participations.publishBatch(batch);

        assertEachKeyStoredOnce(batch);
        assertThat(regionOf(toCorrect)).isEqualTo(V2);
        assertThat(regionOf(repeated)).isEqualTo(V3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM participation_tag t JOIN participation_record r "
                + "ON r.id = t.record_id WHERE r.record_key IN (?, ?)", Integer.class, toWithdraw.recordKey(),
                key("born-withdrawn"))).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(t.hours) FROM participation_tag t JOIN participation_record r "
                + "ON r.id = t.record_id WHERE r.record_key = ?", BigDecimal.class, key("f1")))
                .isEqualByComparingTo("1.26");
        // c1 and d1 added, the corrected record moved to another village
        assertThat(personTimes(farmers, march, V1, "FARMER")).isEqualTo(marchCell + 2 - 1);
        // the person lock counts every record version applied, batched or not
        assertThat(recordsApplied(c)).isEqualTo(2);
        assertThat(recordsApplied(a)).isEqualTo(2);

        List<ParticipationRecorded> all = new ArrayList<>(List.of(toCorrect, toWithdraw));
        all.addAll(batch);
        assertAggregatesAddUp(latestVersions(all));
    }

    /**
     * The column's collation takes these keys for one (they differ only in case): published one by one, the second
     * corrects the first. The batch cannot tell them apart before inserting, so it falls back to one by one.
     */
    @Test
    void keysEqualUnderTheColumnCollationAreAppliedAsCorrections() {
        ParticipationRecorded upper = attendance(key("CASE"), person("k"), V1, "FARMER", LocalDate.of(2025, 3, 3),
                farmers);
        ParticipationRecorded other = attendance(key("other"), person("l"), V2, "FARMER", LocalDate.of(2025, 3, 3),
                farmers);
        participations.publishBatch(List.of(upper, other, inRegion(attendance(key("case"), person("k"), V1, "FARMER",
                LocalDate.of(2025, 3, 3), farmers), V3)));

        assertThat(jdbc.queryForList("SELECT record_key, region_code FROM participation_record WHERE record_key LIKE ? "
                + "ORDER BY record_key", "batch:" + run + ":%")).containsExactly(
                Map.of("record_key", upper.recordKey(), "region_code", V3),
                Map.of("record_key", other.recordKey(), "region_code", V2));
        // the ledger holds the first key, with what the second said
        assertAggregatesAddUp(List.of(other, inRegion(attendance(upper.recordKey(), person("k"), V1, "FARMER",
                LocalDate.of(2025, 3, 3), farmers), V3)));
    }

    @Test
    void concurrentBatchesOfTheSamePersonsAddUpToTheRecordsTheLedgerKept() throws Exception {
        int publishers = 6;
        Random random = new Random(20250615L);
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            persons.add(person("p" + i));
        }
        List<ParticipationRecorded> published = new ArrayList<>();
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            List<List<ParticipationRecorded>> batches = new ArrayList<>();
            for (int t = 0; t < publishers; t++) {
                List<ParticipationRecorded> batch = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    batch.add(randomRecord(random, key("r" + round + ":t" + t + ":" + i), persons));
                }
                // a key this batch shares with the next one: whichever inserts it second corrects it
                batch.add(randomRecord(random, key("r" + round + ":shared:" + t), persons));
                batch.add(randomRecord(random, key("r" + round + ":shared:" + ((t + 1) % publishers)), persons));
                // a correction and a withdrawal of earlier records; none in the last round, so that no
                // rebuild of a corrected cell covers up what the batches added to it
                if (!published.isEmpty() && round < rounds - 1) {
                    ParticipationRecorded earlier = published.get(random.nextInt(published.size()));
                    batch.add(randomRecord(random, earlier.recordKey(), persons));
                    batch.add(withdrawn(published.get(random.nextInt(published.size()))));
                }
                batches.add(batch);
            }
            publishConcurrently(batches);
            batches.forEach(published::addAll);

            assertEachKeyStoredOnce(published);
            aggregates.actual().assertEqualTo(aggregates.expected(storedVersions(published)), "round " + round);
        }
        assertAggregatesAddUp(storedVersions(published));
    }

    private void publishConcurrently(List<List<ParticipationRecorded>> batches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(batches.size());
        CyclicBarrier start = new CyclicBarrier(batches.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<ParticipationRecorded> batch : batches) {
                futures.add(pool.submit(() -> {
                    start.await();
                    participations.publishBatchOnly(batch);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        participations.awaitListeners();
    }

    private void assertEachKeyStoredOnce(List<ParticipationRecorded> records) {
        Set<String> keys = new LinkedHashSet<>();
        records.forEach(r -> keys.add(r.recordKey()));
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT record_key, COUNT(*) AS n "
                + "FROM participation_record WHERE record_key LIKE ? GROUP BY record_key", "batch:" + run + ":%");
        assertThat(stored).hasSize(keys.size());
        assertThat(stored).allSatisfy(row -> assertThat(((Number) row.get("n")).intValue()).isEqualTo(1));
        assertThat(stored.stream().map(row -> (String) row.get("record_key")).toList())
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    /**
     * The incremental aggregates are what {@code records} (the last version of each key) add up to, and so are the
     * aggregates a recompute builds after they were spoiled.
     */
    private void assertAggregatesAddUp(Collection<ParticipationRecorded> records) {
        ExpectedAggregates.Tables expected = aggregates.expected(records);
        aggregates.actual().assertEqualTo(expected, "incremental");
        assertThat(aggregates.spoil(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31))).isPositive();
        Response r = api.post("/api/admin/v1/plans/" + plan.id + "/recompute", admin,
                ApiClient.json(Map.of("from", "2023-01-01", "to", "2025-12-31")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        aggregates.actual().assertEqualTo(expected, "recomputed");
    }

    /** The last version of each key, as if the records were published one after the other. */
    private static Collection<ParticipationRecorded> latestVersions(List<ParticipationRecorded> inOrder) {
        Map<String, ParticipationRecorded> latest = new LinkedHashMap<>();
        inOrder.forEach(r -> latest.put(r.recordKey(), r));
        return latest.values();
    }

    /**
     * For keys that concurrent batches both wrote, which version is last depends on who committed last: the one
     * the ledger holds, which must be one of the versions published under that key.
     */
    private Collection<ParticipationRecorded> storedVersions(List<ParticipationRecorded> published) {
        Map<String, List<ParticipationRecorded>> candidates = new LinkedHashMap<>();
        published.forEach(r -> candidates.computeIfAbsent(r.recordKey(), k -> new ArrayList<>()).add(r));
        List<ParticipationRecorded> stored = new ArrayList<>();
        candidates.forEach((key, versions) -> {
            Map<String, Object> row = jdbc.queryForMap("SELECT kind, person_key, region_code, population_group, "
                    + "occurred_on, indicator_codes, hours, passed, withdrawn FROM participation_record "
                    + "WHERE record_key = ?", key);
            ParticipationRecorded match = versions.stream().filter(v -> sameAs(v, row)).reduce((x, y) -> y)
                    .orElseThrow(() -> new AssertionError("the ledger holds none of the versions of " + key + ": " + row));
            stored.add(match);
        });
        return stored;
    }

    private static boolean sameAs(ParticipationRecorded v, Map<String, Object> row) {
        BigDecimal hours = (BigDecimal) row.get("hours");
        return v.kind().name().equals(row.get("kind")) && v.personKey().equals(row.get("person_key"))
                && Objects.equals(Objects.requireNonNullElse(v.regionCode(), ""), row.get("region_code"))
                && Objects.equals(Objects.requireNonNullElse(v.populationGroup(), ""), row.get("population_group"))
                && v.occurredOn().toString().equals(row.get("occurred_on").toString())
                && String.join(",", new TreeSet<>(v.indicatorCodes())).equals(row.get("indicator_codes"))
                && (v.hours() == null ? hours == null
                        : hours != null && v.hours().setScale(2, java.math.RoundingMode.HALF_UP).compareTo(hours) == 0)
                && Objects.equals(v.passed(), row.get("passed")) && v.withdrawn() == (Boolean) row.get("withdrawn");
    }

    private long personTimes(String tag, LocalDate day, String region, String group) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(person_times), 0) FROM indicator_daily WHERE tag = ? "
                + "AND day = ? AND region_code = ? AND population_group = ?", Long.class, tag, day, region, group);
    }

    private String regionOf(ParticipationRecorded r) {
        return jdbc.queryForObject("SELECT region_code FROM participation_record WHERE record_key = ?", String.class,
                r.recordKey());
    }

    private long recordsApplied(String person) {
        return jdbc.queryForObject("SELECT records_applied FROM participation_person WHERE person_key = ?", Long.class,
                person);
    }

    private String key(String name) {
        return "batch:" + run + ":" + name;
    }

    private String person(String name) {
        return "R:batch-" + run + "-" + name;
    }

    private static ParticipationRecorded inRegion(ParticipationRecorded r, String region) {
        return r.toBuilder().demographics(region, r.populationGroup()).build();
    }

    private static ParticipationRecorded withHours(ParticipationRecorded r, String hours) {
        return r.toBuilder().hours(new BigDecimal(hours)).build();
    }

    /** Few days, villages and groups, so the batches meet on the same cells and persons. */
    private ParticipationRecorded randomRecord(Random random, String key, List<String> persons) {
        String person = persons.get(random.nextInt(persons.size()));
        LocalDate day = List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 5, 20))
                .get(random.nextInt(3));
        String region = random.nextBoolean() ? V1 : V3;
        String group = random.nextBoolean() ? "FARMER" : "INDUSTRIAL_WORKER";
        if (random.nextInt(4) == 0) {
            return ParticipationRecorded.builder(ParticipationKind.SELF_TEST, key).person(person, null, "李*")
                    .demographics(region, group).source("QUIZ", 1, "公民科学素质自测").occurredOn(day)
                    .indicatorCodes(List.of(farmers)).passed(random.nextBoolean()).build();
        }
        List<String> codes = new ArrayList<>();
        for (String code : List.of(farmers, migrant, subsidised, skills)) {
            if (random.nextBoolean()) {
                codes.add(code);
            }
        }
        return ParticipationRecorded.builder(ParticipationKind.EVENT_ATTENDANCE, key).person(person, null, "王*")
                .demographics(region, group).source("EVENT", random.nextInt(20), "并发批次").occurredOn(day)
                .indicatorCodes(codes)
                .hours(new BigDecimal(random.nextInt(400) + 1).movePointLeft(2)
                        .add(new BigDecimal("0.005").multiply(BigDecimal.valueOf(random.nextInt(2)))))
                .build();
    }
}
