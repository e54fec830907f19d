package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.Participations.attendance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Participations;

/**
 * Records that land on the same aggregate rows at the same moment: one person's several records in one yearly
 * window, and several persons on the same day, village and group (the usual event check-in). They are published
 * together, so the listener threads apply them concurrently; every round the incremental aggregates must be what
 * the records add up to ({@link ExpectedAggregates}), the yearly figure must count the person once, and a recompute
 * of spoiled aggregates must arrive at the same.
 */
@KepuIntegrationTest
class ConcurrentAggregatesIT extends MidPlanYearSupport {

    static final String VILLAGE = "430603100201";
    static final int ROUNDS = 40;

    @Test
    void concurrentRecordsOfOnePersonAndOfOneDayAreCountedExactlyOnce() {
        OwnPlan plan = OwnPlan.create(api, admin);
        ExpectedAggregates aggregates = new ExpectedAggregates(plan, jdbc);
        String[] codes = {plan.yearly, plan.times};
        List<ParticipationRecorded> all = new ArrayList<>();
        LocalDate checkIn = LocalDate.of(2025, 5, 20);
        for (int round = 0; round < ROUNDS; round++) {
            String person = "R:conc-" + plan.id + "-" + round;
            List<ParticipationRecorded> batch = new ArrayList<>();
            for (LocalDate day : List.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1), checkIn, checkIn,
                    LocalDate.of(2024, 6, 1))) {
                batch.add(attendance("conc:" + person + ":" + batch.size(), person, VILLAGE, "INDUSTRIAL_WORKER",
                        day, codes));
            }
            for (int other = 0; other < 4; other++) { // four more persons at the same check-in
                batch.add(attendance("conc:" + person + ":day:" + other, person + "-" + other, VILLAGE,
                        "INDUSTRIAL_WORKER", checkIn, codes));
            }
            participations.publish(batch);
            all.addAll(batch);

            aggregates.actual().assertEqualTo(aggregates.expected(all), "round " + round);
        }
        // each round: the person trained in both years, counted once in 2025, and four others
        assertThat(plan.value(api, admin, plan.yearly)).isEqualTo(5 * ROUNDS);
        assertThat(plan.value(api, admin, plan.times)).isEqualTo(9 * ROUNDS);

        ExpectedAggregates.Tables expected = aggregates.expected(all);
        assertThat(aggregates.spoil(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31))).isPositive();
        Response r = api.post("/api/admin/v1/plans/" + plan.id + "/recompute", admin,
                ApiClient.json(Map.of("from", "2024-01-01", "to", "2025-12-31")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        aggregates.actual().assertEqualTo(expected, "after recomputing spoiled aggregates");
        assertThat(plan.value(api, admin, plan.yearly)).isEqualTo(5 * ROUNDS);
    }
}
