package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Participations;

/**
 * Randomised proof that the incremental path (event by event, with redeliveries, corrections, withdrawals and
 * concurrent publishers) and a full recompute from the ledger both leave exactly the aggregates the records add up
 * to, as the test works them out itself ({@link ExpectedAggregates}). The recompute is given something to do: the
 * aggregates are spoiled, then cleared, before it runs.
 */
@KepuIntegrationTest
class RecomputeIT extends MidPlanYearSupport {

    static final String[] REGIONS = {"430603001001", "430603002003", "430603100201", "430603101202", null};
    static final String[] GROUPS = {"FARMER", "INDUSTRIAL_WORKER", "ELDERLY", "YOUTH", null};
    static final LocalDate PART_FROM = LocalDate.of(2023, 3, 10);
    static final LocalDate PART_TO = LocalDate.of(2023, 8, 20);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 20221126L, 987654321L})
    void incrementalAndRecomputedAggregatesEqualWhatTheRecordsAddUpTo(long seed) throws Exception {
        OwnPlan plan = OwnPlan.create(api, admin);
        ExpectedAggregates aggregates = new ExpectedAggregates(plan, jdbc);
        Random random = new Random(seed);
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            persons.add("R:rnd-" + plan.id + "-" + i);
        }
        Map<String, ParticipationRecorded> latest = new LinkedHashMap<>();
        List<ParticipationRecorded> published = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            published.add(randomRecord(random, "rnd:" + plan.id + ":" + i, persons, plan));
        }
        publishConcurrently(published, 4);
        published.forEach(r -> latest.put(r.recordKey(), r));

        // redeliveries, corrections (same key, other person/day/place/tags) and withdrawals, each key changed at
        // most once so that the last version of every key is known whatever order the publishers run in
        List<ParticipationRecorded> changes = new ArrayList<>();
        List<ParticipationRecorded> shuffled = new ArrayList<>(published);
        Collections.shuffle(shuffled, random);
        for (ParticipationRecorded original : shuffled.subList(0, 80)) {
            changes.add(switch (random.nextInt(3)) {
                case 0 -> original;
                case 1 -> randomRecord(random, original.recordKey(), persons, plan);
                default -> Participations.withdrawn(original);
            });
        }
        publishConcurrently(changes, 4);
        changes.forEach(r -> latest.put(r.recordKey(), r));

        ExpectedAggregates.Tables expected = aggregates.expected(latest.values());
        assertThat(expected.persons()).as("the records count someone").isNotEmpty();
        aggregates.actual().assertEqualTo(expected, "after the incremental path, seed " + seed);
        participations.awaitListeners();
        String dashboard = seededDashboard();

        // part of 2023, spoiled and then recomputed
        assertThat(aggregates.spoil(PART_FROM, PART_TO)).isPositive();
        recompute(PART_FROM, PART_TO);
        aggregates.actual().assertEqualTo(expected, "after recomputing part of 2023, seed " + seed);

        // everything, from empty tables: this plan's rows and the days and windows of the seeded plan
        aggregates.clear();
        clearSeededPlanAggregates();
        recompute(LocalDate.of(2021, 1, 1), LocalDate.of(2026, 12, 31));
        aggregates.actual().assertEqualTo(expected, "after recomputing everything, seed " + seed);
        assertThat(seededDashboard()).isEqualTo(dashboard);
    }

    private String seededDashboard() {
        return api.get("/api/admin/v1/plans/" + new PlanFixture(api, admin).seededPlanId() + "/dashboard", admin).body();
    }

    /** Empties the aggregates the full recompute below rebuilds for the seeded plan (every test's records). */
    private void clearSeededPlanAggregates() {
        long planId = new PlanFixture(api, admin).seededPlanId();
        jdbc.update("DELETE FROM indicator_daily WHERE day BETWEEN '2021-01-01' AND '2026-12-31'");
        jdbc.update("DELETE FROM indicator_monthly WHERE month BETWEEN '2021-01-01' AND '2026-12-01'");
        jdbc.update("DELETE FROM indicator_person WHERE indicator_id IN (SELECT id FROM indicator WHERE plan_id = ?)",
                planId);
        jdbc.update("DELETE FROM indicator_person_monthly WHERE indicator_id IN "
                + "(SELECT id FROM indicator WHERE plan_id = ?)", planId);
    }

    private void recompute(LocalDate from, LocalDate to) {
        long planId = new PlanFixture(api, admin).seededPlanId();
        Response r = api.post("/api/admin/v1/plans/" + planId + "/recompute", admin,
                ApiClient.json(Map.of("from", from.toString(), "to", to.toString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
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

    /**
     * A record of a random kind, person, day (including days outside the plan period), village and group, tagged
     * with some of the plan's codes; self-tests pass or fail.
     */
    private static ParticipationRecorded randomRecord(Random random, String key, List<String> persons, OwnPlan plan) {
        boolean selfTest = random.nextInt(6) == 0;
        LocalDate day = LocalDate.of(2021, 11, 1).plusDays(random.nextInt(4 * 365 + 120));
        List<String> codes = new ArrayList<>();
        for (String code : plan.codes()) {
            if (random.nextInt(3) == 0) {
                codes.add(code);
            }
        }
        return ParticipationRecorded.builder(selfTest ? ParticipationKind.SELF_TEST : ParticipationKind.EVENT_ATTENDANCE, key)
                .person(persons.get(random.nextInt(persons.size())), null, "王*")
                .demographics(REGIONS[random.nextInt(REGIONS.length)], GROUPS[random.nextInt(GROUPS.length)])
                .source(selfTest ? "QUIZ" : "EVENT", random.nextInt(50), "随机记录").occurredOn(day).indicatorCodes(codes)
                .hours(selfTest ? null : BigDecimal.valueOf(random.nextInt(8) + 1))
                .passed(selfTest ? random.nextBoolean() : null).build();
    }
}
