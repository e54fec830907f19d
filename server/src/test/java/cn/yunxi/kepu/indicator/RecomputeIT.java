package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * Randomised proof that the incremental path (event by event, with redeliveries, corrections, withdrawals and
 * concurrent publishers) leaves exactly the aggregates a full recompute from the ledger builds.
 */
@KepuIntegrationTest
class RecomputeIT {

    static final String[] CODES = {"HIGH_QUALITY_FARMERS", "SKILLS_TRAINING_PERSONS", "MIGRANT_WORKER_TRAINING_YEARLY",
            "FARMER_TECH_STAFF_TRAINED", "SUBSIDISED_TRAINING_PERSON_TIMES"};
    static final String[] REGIONS = {"430603001001", "430603002003", "430603100201", "430603101202", null};
    static final String[] GROUPS = {"FARMER", "INDUSTRIAL_WORKER", "ELDERLY", "YOUTH", null};
    static final String[] TABLES = {
            "SELECT * FROM indicator_daily ORDER BY tag, kind, day, region_code, population_group",
            "SELECT * FROM indicator_monthly ORDER BY tag, kind, month, town_code, population_group",
            "SELECT * FROM indicator_person ORDER BY indicator_id, window_start, person_key",
            "SELECT * FROM indicator_person_monthly ORDER BY indicator_id, window_start, month, town_code, population_group"};

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

    @BeforeEach
    void setUp() {
        clock.pin(PlanFixture.MID_2025);
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        participations = new Participations(events, transactions, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 20221126L, 987654321L})
    void fullRecomputeOfAnyRangeEqualsTheIncrementalAggregates(long seed) throws Exception {
        Random random = new Random(seed);
        List<ParticipationRecorded> published = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            persons.add("R:rnd-" + seed + "-" + i);
        }
        for (int i = 0; i < 240; i++) {
            published.add(randomRecord(random, "rnd:" + seed + ":" + i, persons));
        }
        publishConcurrently(published, 4);

        // redeliveries, corrections (same key, other day/place/tags) and withdrawals
        List<ParticipationRecorded> changes = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ParticipationRecorded original = published.get(random.nextInt(published.size()));
            changes.add(switch (random.nextInt(3)) {
                case 0 -> original;
                case 1 -> randomRecord(random, original.recordKey(), persons);
                default -> withdrawn(original);
            });
        }
        publishConcurrently(changes, 4);

        List<List<Map<String, Object>>> incremental = dump();
        String dashboard = api.get("/api/admin/v1/plans/" + new PlanFixture(api, admin).seededPlanId() + "/dashboard",
                admin).body();

        recompute(LocalDate.of(2023, 3, 10), LocalDate.of(2023, 8, 20));
        assertThat(dump()).as("after recomputing part of 2023, seed " + seed).isEqualTo(incremental);

        recompute(LocalDate.of(2021, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(dump()).as("after recomputing everything, seed " + seed).isEqualTo(incremental);
        assertThat(api.get("/api/admin/v1/plans/" + new PlanFixture(api, admin).seededPlanId() + "/dashboard", admin)
                .body()).isEqualTo(dashboard);
    }

    private void recompute(LocalDate from, LocalDate to) {
        long planId = new PlanFixture(api, admin).seededPlanId();
        Response r = api.post("/api/admin/v1/plans/" + planId + "/recompute", admin,
                ApiClient.json(Map.of("from", from.toString(), "to", to.toString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private List<List<Map<String, Object>>> dump() {
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (String sql : TABLES) {
            out.add(jdbc.queryForList(sql));
        }
        return out;
    }

    private void publishConcurrently(List<ParticipationRecorded> records, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int slot = t;
                futures.add(pool.submit(() -> {
                    for (int i = slot; i < records.size(); i += threads) {
                        participations.publishOnly(records.get(i));
                    }
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

    private static ParticipationRecorded randomRecord(Random random, String key, List<String> persons) {
        boolean selfTest = random.nextInt(6) == 0;
        LocalDate day = LocalDate.of(2021, 11, 1).plusDays(random.nextInt(4 * 365 + 120));
        List<String> codes = new ArrayList<>();
        if (!selfTest) {
            for (String code : CODES) {
                if (random.nextInt(3) == 0) {
                    codes.add(code);
                }
            }
        }
        return new ParticipationRecorded(key, selfTest ? ParticipationKind.SELF_TEST : ParticipationKind.EVENT_ATTENDANCE,
                persons.get(random.nextInt(persons.size())), null, "王*", REGIONS[random.nextInt(REGIONS.length)],
                GROUPS[random.nextInt(GROUPS.length)], selfTest ? "QUIZ" : "EVENT", random.nextInt(50),
                "随机记录", day, codes, selfTest ? null : BigDecimal.valueOf(random.nextInt(8) + 1),
                selfTest ? random.nextBoolean() : null, false);
    }

    private static ParticipationRecorded withdrawn(ParticipationRecorded r) {
        return Participations.withdrawn(r);
    }
}
