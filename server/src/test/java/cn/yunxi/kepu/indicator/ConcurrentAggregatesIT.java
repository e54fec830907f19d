package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.Participations.attendance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Participations;

/**
 * Records that land on the same aggregate rows at the same moment: one person's several records in one yearly
 * window, and several persons on the same day, village and group (the usual event check-in). They are published
 * together, so the listener threads apply them concurrently; every round the incremental aggregates must be what
 * a full recompute from the ledger builds, and the yearly figure must count the person once.
 */
@KepuIntegrationTest
class ConcurrentAggregatesIT {

    static final String CODE = "MIGRANT_WORKER_TRAINING_YEARLY";
    static final String VILLAGE = "430603100201";
    static final int ROUNDS = 40;

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
    PlanFixture plan;
    Participations participations;

    @BeforeEach
    void setUp() {
        clock.pin(PlanFixture.MID_2025);
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        plan = new PlanFixture(api, admin);
        participations = new Participations(events, transactions, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void concurrentRecordsOfOnePersonAndOfOneDayAreCountedExactlyOnce() {
        long indicatorId = plan.id(CODE);
        double before = plan.value(CODE);
        LocalDate checkIn = LocalDate.of(2025, 5, 20);
        for (int round = 0; round < ROUNDS; round++) {
            long cellBefore = cellPersonTimes(checkIn);
            String person = "R:conc-" + round + "-" + System.nanoTime();
            List<ParticipationRecorded> batch = new ArrayList<>();
            for (LocalDate day : List.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1), checkIn, checkIn,
                    LocalDate.of(2024, 6, 1))) {
                batch.add(attendance("conc:" + person + ":" + batch.size(), person, VILLAGE, "INDUSTRIAL_WORKER",
                        day, CODE));
            }
            for (int other = 0; other < 4; other++) { // four more persons at the same check-in
                batch.add(attendance("conc:" + person + ":day:" + other, person + "-" + other, VILLAGE,
                        "INDUSTRIAL_WORKER", checkIn, CODE));
            }
            participations.publish(batch);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_person WHERE indicator_id = ? "
                    + "AND window_start = '2025-01-01' AND person_key = ?", Integer.class, indicatorId, person))
                    .isEqualTo(1);
            assertThat(cellPersonTimes(checkIn)).as("round %d", round).isEqualTo(cellBefore + 6);
            assertThat(monthlyPersonTimes()).as("person-times by month, round %d", round)
                    .isEqualTo(dailyPersonTimes());
            assertThat(personMonthlyTotal(indicatorId)).as("persons by month, round %d", round)
                    .isEqualTo(personRows(indicatorId));
        }
        // each round: the person trained in both years once, and four others
        assertThat(plan.value(CODE)).isEqualTo(before + 5 * ROUNDS);

        List<List<Map<String, Object>>> incremental = dump();
        Response r = api.post("/api/admin/v1/plans/" + plan.seededPlanId() + "/recompute", admin,
                ApiClient.json(Map.of("from", "2024-01-01", "to", "2025-12-31")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(dump()).isEqualTo(incremental);
    }

    private long cellPersonTimes(LocalDate day) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(person_times), 0) FROM indicator_daily WHERE tag = ? AND day = ?",
                Long.class, CODE, day);
    }

    private long dailyPersonTimes() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(person_times), 0) FROM indicator_daily WHERE tag = ?",
                Long.class, CODE);
    }

    private long monthlyPersonTimes() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(person_times), 0) FROM indicator_monthly WHERE tag = ?",
                Long.class, CODE);
    }

    private long personRows(long indicatorId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM indicator_person WHERE indicator_id = ?", Long.class,
                indicatorId);
    }

    private long personMonthlyTotal(long indicatorId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(persons), 0) FROM indicator_person_monthly "
                + "WHERE indicator_id = ?", Long.class, indicatorId);
    }

    private List<List<Map<String, Object>>> dump() {
        List<List<Map<String, Object>>> out = new ArrayList<>();
        for (String sql : RecomputeIT.TABLES) {
            out.add(jdbc.queryForList(sql));
        }
        return out;
    }
}
