package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.Participations.attendance;
import static cn.yunxi.kepu.support.Participations.selfTest;
import static cn.yunxi.kepu.support.Participations.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Participations;

/**
 * A {@code ParticipationsRecorded} batch (as the quiz feature publishes graded attempts) applies its new records
 * together and the rest (corrections, withdrawals, a key repeated in the batch) one by one. Whatever the mix, and
 * with several batches of the same persons applied at once, the aggregates must be what a full recompute from the
 * ledger builds, and every record key must be stored once.
 */
@KepuIntegrationTest
class ParticipationBatchIT {

    static final String V1 = "430603100201";
    static final String V2 = "430603001001";
    static final String V3 = "430603101202";
    static final String FARMERS = "HIGH_QUALITY_FARMERS";
    static final String TECH_STAFF = "FARMER_TECH_STAFF_TRAINED";
    static final String MIGRANT = "MIGRANT_WORKER_TRAINING_YEARLY";
    static final String SUBSIDISED = "SUBSIDISED_TRAINING_PERSON_TIMES";
    static final String SKILLS = "SKILLS_TRAINING_PERSONS";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;
    Participations participations;
    String run;

    @BeforeEach
    void setUp() {
        clock.pin(PlanFixture.MID_2025);
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        participations = new Participations(events, transactions, jdbc);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBatchOfNewRecordsCorrectionsWithdrawalsAndARepeatedKeyAggregatesAsARecompute() {
        String a = person("a");
        String b = person("b");
        String c = person("c");
        String d = person("d");
        LocalDate march = LocalDate.of(2024, 3, 1);
        ParticipationRecorded toCorrect = attendance(key("corrected"), a, V1, "FARMER", march, FARMERS, SKILLS);
        ParticipationRecorded toWithdraw = attendance(key("withdrawn"), b, V2, "INDUSTRIAL_WORKER",
                LocalDate.of(2025, 5, 20), MIGRANT);
        participations.publish(toCorrect, toWithdraw);
        long marchCell = personTimes(FARMERS, march, V1, "FARMER");

        ParticipationRecorded repeated = attendance(key("repeated"), person("h"), V1, "FARMER",
                LocalDate.of(2024, 7, 7), FARMERS);
        List<ParticipationRecorded> batch = List.of(
                attendance(key("c1"), c, V1, "FARMER", march, FARMERS),
                attendance(key("d1"), d, V1, "FARMER", march, FARMERS, TECH_STAFF), // same cell as c1
                attendance(key("c2"), c, V2, "INDUSTRIAL_WORKER", LocalDate.of(2025, 5, 20), MIGRANT),
                attendance(key("e1"), person("e"), null, null, LocalDate.of(2023, 11, 30), SUBSIDISED),
                withHours(attendance(key("f1"), person("f"), V3, "YOUTH", LocalDate.of(2025, 2, 14), SKILLS), "1.255"),
                selfTest(key("g1"), person("g"), LocalDate.of(2025, 6, 1), true),
                selfTest(key("g2"), person("g2"), LocalDate.of(2025, 6, 2), false),
                inRegion(toCorrect, V2),
                repeated,
                withdrawn(toWithdraw),
                withdrawn(attendance(key("born-withdrawn"), person("i"), V1, "FARMER", march, FARMERS)),
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
        assertThat(personTimes(FARMERS, march, V1, "FARMER")).isEqualTo(marchCell + 2 - 1);
        // the person lock counts every record version applied, batched or not
        assertThat(recordsApplied(c)).isEqualTo(2);
        assertThat(recordsApplied(a)).isEqualTo(2);

        assertRecomputeChangesNothing();
    }

    /**
     * The column's collation takes these keys for one (they differ only in case): published one by one, the second
     * corrects the first. The batch cannot tell them apart before inserting, so it falls back to one by one.
     */
    @Test
    void keysEqualUnderTheColumnCollationAreAppliedAsCorrections() {
        ParticipationRecorded upper = attendance(key("CASE"), person("k"), V1, "FARMER", LocalDate.of(2025, 3, 3),
                FARMERS);
        ParticipationRecorded other = attendance(key("other"), person("l"), V2, "FARMER", LocalDate.of(2025, 3, 3),
                FARMERS);
        participations.publishBatch(List.of(upper, other, inRegion(attendance(key("case"), person("k"), V1, "FARMER",
                LocalDate.of(2025, 3, 3), FARMERS), V3)));

        assertThat(jdbc.queryForList("SELECT record_key, region_code FROM participation_record WHERE record_key LIKE ? "
                + "ORDER BY record_key", "batch:" + run + ":%")).containsExactly(
                Map.of("record_key", upper.recordKey(), "region_code", V3),
                Map.of("record_key", other.recordKey(), "region_code", V2));
        assertRecomputeChangesNothing();
    }

    @Test
    void concurrentBatchesOfTheSamePersonsAggregateAsARecompute() throws Exception {
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
            assertThat(sum("SELECT COALESCE(SUM(person_times), 0) FROM indicator_monthly"))
                    .as("person-times by month, round %d", round)
                    .isEqualTo(sum("SELECT COALESCE(SUM(person_times), 0) FROM indicator_daily"));
            assertThat(sum("SELECT COALESCE(SUM(persons), 0) FROM indicator_person_monthly"))
                    .as("persons by month, round %d", round)
                    .isEqualTo(sum("SELECT COUNT(*) FROM indicator_person"));
        }
        assertRecomputeChangesNothing();
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

    /** Snapshots the four aggregate tables, recomputes every day any test records on, and compares. */
    private void assertRecomputeChangesNothing() {
        List<List<Map<String, Object>>> incremental = dump();
        Response r = api.post("/api/admin/v1/plans/" + new PlanFixture(api, admin).seededPlanId() + "/recompute",
                admin, ApiClient.json(Map.of("from", "2021-01-01", "to", "2026-12-31")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(dump()).isEqualTo(incremental);
    }

    private List<List<Map<String, Object>>> dump() {
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (String sql : RecomputeIT.TABLES) {
            out.add(jdbc.queryForList(sql));
        }
        return out;
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

    private long sum(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private String key(String name) {
        return "batch:" + run + ":" + name;
    }

    private String person(String name) {
        return "R:batch-" + run + "-" + name;
    }

    private static ParticipationRecorded inRegion(ParticipationRecorded r, String region) {
        return new ParticipationRecorded(r.recordKey(), r.kind(), r.personKey(), r.residentId(), r.personLabel(),
                region, r.populationGroup(), r.sourceType(), r.sourceId(), r.sourceTitle(), r.occurredOn(),
                r.indicatorCodes(), r.hours(), r.passed(), r.withdrawn(), r.planSections());
    }

    private static ParticipationRecorded withHours(ParticipationRecorded r, String hours) {
        return new ParticipationRecorded(r.recordKey(), r.kind(), r.personKey(), r.residentId(), r.personLabel(),
                r.regionCode(), r.populationGroup(), r.sourceType(), r.sourceId(), r.sourceTitle(), r.occurredOn(),
                r.indicatorCodes(), new BigDecimal(hours), r.passed(), r.withdrawn(), r.planSections());
    }

    /** Few days, villages and groups, so the batches meet on the same cells and persons. */
    private static ParticipationRecorded randomRecord(Random random, String key, List<String> persons) {
        String person = persons.get(random.nextInt(persons.size()));
        LocalDate day = List.of(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 5, 20))
                .get(random.nextInt(3));
        String region = random.nextBoolean() ? V1 : V3;
        String group = random.nextBoolean() ? "FARMER" : "INDUSTRIAL_WORKER";
        if (random.nextInt(4) == 0) {
            return new ParticipationRecorded(key, ParticipationKind.SELF_TEST, person, null, "李*", region, group,
                    "QUIZ", 1, "公民科学素质自测", day, List.of(), null, random.nextBoolean(), false);
        }
        List<String> codes = new ArrayList<>();
        for (String code : List.of(FARMERS, MIGRANT, SUBSIDISED, SKILLS)) {
            if (random.nextBoolean()) {
                codes.add(code);
            }
        }
        return new ParticipationRecorded(key, ParticipationKind.EVENT_ATTENDANCE, person, null, "王*",
                region, group, "EVENT",
                random.nextInt(20), "并发批次", day, codes, new BigDecimal(random.nextInt(400) + 1).movePointLeft(2)
                        .add(new BigDecimal("0.005").multiply(BigDecimal.valueOf(random.nextInt(2)))),
                null, false);
    }
}
