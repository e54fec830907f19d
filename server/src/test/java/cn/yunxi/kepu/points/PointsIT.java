package cn.yunxi.kepu.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
class PointsIT {

    @LocalServerPort
    int port;
    @Autowired
    PointsService points;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PointsLedgerBatchWriter ledgerLines;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    long residentId(String token) {
        return api.get("/api/v1/me", token).json().path("id").asLong();
    }

    @Test
    void awardsAreIdempotentAndCappedPerReasonAndDay() throws Exception {
        String token = Logins.residentToken(api);
        long id = residentId(token);

        PointsAward first = points.award(id, PointsReason.SHARE, "share:1", 3);
        assertThat(first.granted()).isEqualTo(3);
        assertThat(points.award(id, PointsReason.SHARE, "share:1", 3).duplicate()).isTrue();
        // cap for SHARE is 5 a day: the next award is cut to what is left, then to nothing
        assertThat(points.award(id, PointsReason.SHARE, "share:2", 3).granted()).isEqualTo(2);
        assertThat(points.award(id, PointsReason.SHARE, "share:3", 3).granted()).isZero();
        // other reasons have their own caps
        assertThat(points.award(id, PointsReason.CONTEST, "contest:x", 20).granted()).isEqualTo(20);

        // Concurrent awards for the same reason never exceed the cap.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<PointsAward>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            calls.add(() -> points.award(id, PointsReason.READING, "cap-test-read:" + n, 3));
        }
        int granted = 0;
        for (Future<PointsAward> f : pool.invokeAll(calls)) {
            granted += f.get().granted();
        }
        pool.shutdown();
        assertThat(granted).isEqualTo(10);

        JsonNode balance = api.get("/api/v1/me/points", token).json();
        assertThat(balance.path("balance").asLong()).isEqualTo(5 + 20 + 10);
        JsonNode history = api.get("/api/v1/me/points/history?size=5", token).json();
        assertThat(history.path("total").asLong()).isEqualTo(4 + 16);
        assertThat(history.path("items").size()).isEqualTo(5);
        assertThat(history.path("items").get(0).path("reasonLabel").asString()).isNotBlank();
        // another resident sees none of it
        assertThat(api.get("/api/v1/me/points", Logins.residentToken(api)).json().path("balance").asLong()).isZero();
    }

    @Test
    void severalAwardsUnderOneLockShareTheCapInOrderAndStayIdempotent() {
        long id = residentId(Logins.residentToken(api));
        // SHARE is capped at 5 a day: the first grant takes 4, the second what is left, the third nothing
        List<PointsAward> awards = points.awardAll(id, PointsReason.SHARE, List.of(
                new PointsService.Grant("batch:1", 4), new PointsService.Grant("batch:2", 4),
                new PointsService.Grant("batch:3", 4)));
        assertThat(awards).extracting(PointsAward::granted).containsExactly(4, 1, 0);
        assertThat(awards).noneMatch(PointsAward::duplicate);

        // Repeated (a retried submit): the first awards are the answer, one new source is still capped.
        List<PointsAward> again = points.awardAll(id, PointsReason.SHARE, List.of(
                new PointsService.Grant("batch:2", 4), new PointsService.Grant("batch:4", 4)));
        assertThat(again.get(0).duplicate()).isTrue();
        assertThat(again.get(0).granted()).isEqualTo(1);
        assertThat(again.get(1).granted()).isZero();
        assertThat(jdbc.queryForObject("SELECT total FROM points_daily_total WHERE resident_id = ? AND reason = 'SHARE'",
                Integer.class, id)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM points_ledger WHERE resident_id = ?",
                Integer.class, id)).isEqualTo(5);
    }

    /**
     * A batch for many residents (graded quiz attempts): each resident's grants share that resident's cap in order,
     * a source awarded before or twice in the batch earns nothing more, and the running totals match the ledger.
     */
    @Test
    void aBatchForManyResidentsCapsEachResidentAndSkipsKnownSources() {
        long a = residentId(Logins.residentToken(api));
        long b = residentId(Logins.residentToken(api));
        points.award(a, PointsReason.SHARE, "each:a0", 2);

        transactions.executeWithoutResult(status -> points.awardEach(PointsReason.SHARE, List.of(
                new PointsService.ResidentGrant(b, new PointsService.Grant("each:b1", 4)),
                new PointsService.ResidentGrant(a, new PointsService.Grant("each:a1", 2)),
                new PointsService.ResidentGrant(a, new PointsService.Grant("each:a0", 2)),
                new PointsService.ResidentGrant(b, new PointsService.Grant("each:b2", 4)),
                new PointsService.ResidentGrant(a, new PointsService.Grant("each:a1", 2)),
                new PointsService.ResidentGrant(a, new PointsService.Grant("each:a2", 4)))));

        // SHARE is capped at 5 a day: a had 2, then a1 takes 2 and a2 the 1 left; b1 takes 4 and b2 the 1 left
        assertThat(jdbc.queryForList("SELECT source_key, amount FROM points_ledger WHERE source_key LIKE 'each:%' "
                + "ORDER BY source_key")).extracting(row -> row.get("source_key") + "=" + row.get("amount"))
                .containsExactly("each:a0=2", "each:a1=2", "each:a2=1", "each:b1=4", "each:b2=1");
        for (long resident : new long[] {a, b}) {
            assertThat(jdbc.queryForObject("SELECT total FROM points_daily_total WHERE resident_id = ? "
                    + "AND reason = 'SHARE'", Integer.class, resident)).isEqualTo(5);
        }
    }

    /** The batch paths fall back on DuplicateKeyException; a JDBC batch's failure must arrive as one. */
    @Test
    void aDuplicateSourceInABatchInsertIsReportedAsADuplicateKey() {
        long id = residentId(Logins.residentToken(api));
        PointsLedgerEntry line = new PointsLedgerEntry();
        line.setResidentId(id);
        line.setReason(PointsReason.SHARE.name());
        line.setSourceKey("batch-dup:" + id);
        line.setRequested(1);
        line.setAmount(1);
        line.setAwardDay(LocalDate.now());
        line.setCreatedAt(java.time.LocalDateTime.now());
        ledgerLines.insertAll(List.of(line));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ledgerLines.insertAll(List.of(line, line)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE source_key = ?", Integer.class,
                "batch-dup:" + id)).isEqualTo(1);
    }

    @Test
    void participationFromOtherFeaturesEarnsReadingAndAttendancePoints() {
        String token = Logins.residentToken(api);
        long id = residentId(token);

        publish(event("read:" + id, ParticipationKind.CONTENT_READ, id, false));
        publish(event("attendance:" + id, ParticipationKind.EVENT_ATTENDANCE, id, false));
        publish(event("read:" + id, ParticipationKind.CONTENT_READ, id, false)); // republished: counted once
        publish(event("quiz:" + id, ParticipationKind.QUIZ, id, false)); // not this listener's business

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/me/points", token).json().path("balance").asLong()).isEqualTo(1 + 5));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE resident_id = ?", Integer.class, id))
                .isEqualTo(2);

        publish(event("attendance:" + id, ParticipationKind.EVENT_ATTENDANCE, id, true));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/me/points", token).json().path("balance").asLong()).isEqualTo(1));

        // Published as one batch: handled record by record, the read earns its point once, the quiz none here.
        transactions.executeWithoutResult(status -> events.publishEvent(new ParticipationsRecorded(List.of(
                event("read:batch:" + id, ParticipationKind.CONTENT_READ, id, false),
                event("quiz:batch:" + id, ParticipationKind.QUIZ, id, false),
                event("read:batch:" + id, ParticipationKind.CONTENT_READ, id, false)))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/me/points", token).json().path("balance").asLong()).isEqualTo(2));
    }

    private void publish(ParticipationRecorded event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static ParticipationRecorded event(String key, ParticipationKind kind, long residentId, boolean withdrawn) {
        return ParticipationRecorded.builder(kind, key).resident(residentId, "居民").source("TEST", 1, "测试")
                .occurredOn(LocalDate.now()).hours(BigDecimal.ONE).withdrawn(withdrawn).build();
    }
}
