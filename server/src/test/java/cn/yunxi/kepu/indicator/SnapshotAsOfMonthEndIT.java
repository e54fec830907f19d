package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.Participations.attendance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
import tools.jackson.databind.JsonNode;

/**
 * November reported in December freezes November's figures: what was recorded, entered and done up to 30 November,
 * not what has come in since.
 */
@KepuIntegrationTest
class SnapshotAsOfMonthEndIT {

    static final String VILLAGE = "430603001003"; // a 云溪街道 sample village

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    ApiClient api;
    String admin;
    long planId;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** 10:00 in Shanghai on that day. */
    private void at(LocalDate day) {
        clock.pin(Instant.parse(day + "T02:00:00Z"));
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    private void indicator(String code, String unit, String measure) {
        Map<String, Object> body = new HashMap<>();
        body.put("sectionCode", "FARMER");
        body.put("code", code);
        body.put("name", code);
        body.put("unit", unit);
        body.put("target", 90);
        body.put("targetBasis", "PERIOD");
        body.put("measure", measure);
        body.put("method", "测试口径");
        body.put("leadUnitId", StaffAccounts.unitId(jdbc, "NYNCJ"));
        Response r = api.post("/api/admin/v1/plans/" + planId + "/indicators", admin, ApiClient.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private Map<String, Double> snapshot(String month) {
        Response taken = api.post("/api/admin/v1/plans/" + planId + "/snapshots", admin,
                ApiClient.json(Map.of("month", month)));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        Map<String, Double> values = new HashMap<>();
        taken.json().path("values").forEach(v -> values.put(v.path("code").asString(), v.path("value").asDouble()));
        return values;
    }

    private Map<String, Double> live() {
        Map<String, Double> values = new HashMap<>();
        api.get("/api/admin/v1/plans/" + planId + "/dashboard", admin).json().path("indicators")
                .forEach(f -> values.put(f.path("code").asString(), f.path("value").asDouble()));
        return values;
    }

    private void manual(String code, String asOf, double value) {
        long id = PlanFixture.figure(api, admin, planId, code).path("id").asLong();
        String agriculture = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "NYNCJ");
        Response entry = api.post("/api/admin/v1/indicators/" + id + "/manual-entries", agriculture, ApiClient.json(Map.of(
                "asOf", asOf, "value", value, "evidenceKeys", List.of("media/" + asOf + ".pdf"))));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        assertThat(api.post("/api/admin/v1/manual-entries/" + entry.json().path("id").asLong() + "/approve", admin, "{}")
                .status()).isEqualTo(200);
    }

    @Test
    void aPastMonthIsReportedAsItStoodOnItsLastDay() {
        String n = Long.toString(System.nanoTime() % 1_000_000);
        String personTimes = "SNAP_PT_" + n;
        String persons = "SNAP_DP_" + n;
        String figure = "SNAP_MANUAL_" + n;
        String coverage = "SNAP_COVERAGE_" + n;
        Participations participations = new Participations(events, transactions, jdbc);

        // June 2027: the plan, and a 科普信息员 of the village approved
        at(LocalDate.of(2027, 6, 1));
        planId = PlanFixture.newPlan(api, admin, "SNAP", "2027-01-01", "2027-12-31", List.of(Map.of("code", "FARMER",
                "kind", "ACTION", "name", "农民科学素质提升行动", "leadUnitIds", List.of(StaffAccounts.unitId(jdbc, "NYNCJ")))))
                .path("id").asLong();
        indicator(personTimes, "人次", "PERSON_TIMES");
        indicator(persons, "人", "DISTINCT_PERSONS");
        indicator(figure, "个", "MANUAL");
        indicator(coverage, "%", "OFFICER_COVERAGE");
        JsonNode officer = Logins.newResident(api);
        long residentId = officer.path("resident").path("id").asLong();
        long officerId = api.post("/api/v1/officers/applications", officer.path("accessToken").asString(),
                ApiClient.json(Map.of("role", "INFO_OFFICER", "regionCode", VILLAGE, "realName", "快照员",
                        "phone", "13700003333"))).json().path("id").asLong();
        assertThat(api.post("/api/admin/v1/officers/" + officerId + "/approve", admin, "{}").status()).isEqualTo(200);

        // the officer was active on 10 August (which keeps them active for 90 days: through 7 November, so at the end of
        // October but not of November) and again on 5 December; trainings on 20 November and 5 December; figures
        // entered as of 30 November and 5 December
        String a = "R:snap-a-" + UUID.randomUUID();
        participations.publish(
                activity(residentId, LocalDate.of(2027, 8, 10)),
                attendance("snap:" + UUID.randomUUID(), a, VILLAGE, "FARMER", LocalDate.of(2027, 11, 20), personTimes, persons),
                attendance("snap:" + UUID.randomUUID(), "R:snap-b-" + UUID.randomUUID(), VILLAGE, "FARMER",
                        LocalDate.of(2027, 11, 20), personTimes, persons));
        at(LocalDate.of(2027, 12, 10));
        participations.publish(
                activity(residentId, LocalDate.of(2027, 12, 5)),
                attendance("snap:" + UUID.randomUUID(), a, VILLAGE, "FARMER", LocalDate.of(2027, 12, 5), personTimes, persons),
                attendance("snap:" + UUID.randomUUID(), "R:snap-c-" + UUID.randomUUID(), VILLAGE, "FARMER",
                        LocalDate.of(2027, 12, 5), personTimes, persons));
        manual(figure, "2027-11-30", 3);
        manual(figure, "2027-12-05", 5);

        // reported on 10 December
        Map<String, Double> october = snapshot("2027-10");
        Map<String, Double> november = snapshot("2027-11");
        Map<String, Double> december = snapshot("2027-12");
        Map<String, Double> now = live();

        assertThat(november.get(personTimes)).isEqualTo(2.0);
        assertThat(november.get(persons)).isEqualTo(2.0);
        assertThat(november.get(figure)).isEqualTo(3.0);
        assertThat(november.get(coverage)).isZero();
        assertThat(october.get(personTimes)).isZero();
        assertThat(october.get(figure)).isZero();
        assertThat(october.get(coverage)).isPositive();

        // the month under way is reported as it stands
        assertThat(now.get(personTimes)).isEqualTo(4.0);
        assertThat(now.get(persons)).isEqualTo(3.0); // a, trained in both months, once
        assertThat(now.get(figure)).isEqualTo(5.0);
        assertThat(now.get(coverage)).isPositive();
        assertThat(december).isEqualTo(now);
    }

    private static ParticipationRecorded activity(long residentId, LocalDate day) {
        return ParticipationRecorded.builder(ParticipationKind.OFFICER_ACTIVITY, "snap-act:" + UUID.randomUUID())
                .resident(residentId, "快**").demographics(VILLAGE, null).source("EVENT", 1, "村科普宣讲")
                .occurredOn(day).build();
    }
}
