package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.WeChatFake;
import tools.jackson.databind.JsonNode;

/**
 * Lowering the capacity below the confirmed seats: the most recently confirmed lose their seat (to the front of
 * the waitlist, or cancelled without one), are told, and the seat count stays exact even while people sign up.
 * Same context as {@link NoticeIT} (templates configured, jobs off), so the test drives the notice sender itself.
 */
@KepuIntegrationTest
@TestPropertySource(properties = {
        "kepu.event.notice-templates.REMINDER=tmpl-reminder",
        "kepu.event.notice-templates.WAITLIST=tmpl-waitlist",
        "kepu.event.notice-templates.CHANGE=tmpl-change",
        "kepu.event.jobs.enabled=false"})
class SeatWithdrawalIT {

    static final String SEND = "/cgi-bin/message/subscribe/send";
    static final String CHANGE = ApiClient.json(Map.of("subscribedTemplates", List.of("CHANGE", "WAITLIST")));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NoticeSender sender;
    @Autowired
    MutableClock clock;
    @Autowired
    ParticipationProbe probe;

    ApiClient api;
    String staff;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        staff = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
        // Leftovers of other tests in this context go out first, so this test sees only its own messages.
        wechatAcceptsEverything();
        while (sender.sendDue(100) > 0) {
            // drain
        }
        wechatAcceptsEverything();
    }

    private static void wechatAcceptsEverything() {
        WeChatFake.reset();
        WeChatFake.server().stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        WeChatFake.reset();
    }

    @Test
    void theLatestConfirmedGoToTheFrontOfTheWaitlistAndAreTold() {
        EventFixtures.EventSpec spec = event().set("capacity", 10);
        long id = published(api, staff, spec).path("id").asLong();
        List<String> people = new ArrayList<>();
        List<Long> signups = signUp(id, 9, people);
        // The tenth seat goes to someone signed up by the organiser, without an account: counted the same.
        Response proxy = api.post("/api/admin/v1/events/" + id + "/proxy-signups", staff,
                ApiClient.json(Map.of("name", "李奶奶", "phone", "13600000" + (100 + (int) (id % 900)))));
        assertThat(proxy.status()).as(proxy.toString()).isEqualTo(201);
        signups.add(proxy.json().path("id").asLong());
        String waiter1 = Logins.residentToken(api);
        String waiter2 = Logins.residentToken(api);
        long waiting1 = signup(api, waiter1, id, CHANGE).json().path("id").asLong();
        long waiting2 = signup(api, waiter2, id, CHANGE).json().path("id").asLong();
        assertThat(status(waiting2)).isEqualTo("WAITLISTED");

        Response cut = put(id, spec.set("capacity", 6).set("confirmSeatWithdrawal", true));

        assertThat(cut.status()).as(cut.toString()).isEqualTo(200);
        assertThat(cut.json().path("capacity").asInt()).isEqualTo(6);
        assertThat(cut.json().path("taken").asInt()).isEqualTo(6);
        assertThat(cut.json().path("seatChange").path("withdrawn").asInt()).isEqualTo(4);
        assertThat(cut.json().path("seatChange").path("waitlisted").asInt()).isEqualTo(4);
        assertThat(cut.json().path("seatChange").path("cancelled").asInt()).isZero();
        assertThat(taken(id)).isEqualTo(6).isEqualTo(count(id, "CONFIRMED"));
        for (int i = 0; i < 6; i++) {
            assertThat(status(signups.get(i))).isEqualTo("CONFIRMED");
        }
        // The four latest confirmed, in their order, ahead of the two who were already waiting.
        for (int i = 6; i < 9; i++) {
            JsonNode mine = api.get("/api/v1/signups/" + signups.get(i), people.get(i)).json();
            assertThat(mine.path("status").asString()).isEqualTo("WAITLISTED");
            assertThat(mine.path("waitlistPosition").asInt()).isEqualTo(i - 5);
            assertThat(mine.path("ticket").isNull()).isTrue();
        }
        assertThat(api.get("/api/v1/signups/" + waiting1, waiter1).json().path("waitlistPosition").asInt()).isEqualTo(5);
        assertThat(api.get("/api/v1/events/" + id, waiter2).json().path("mySignup").path("waitlistPosition").asInt())
                .isEqualTo(6);
        JsonNode roster = api.get("/api/admin/v1/events/" + id + "/roster", staff).json();
        List<Long> queue = new ArrayList<>();
        for (JsonNode e : roster.path("entries")) {
            if (e.path("status").asString().equals("WAITLISTED")) {
                assertThat(e.path("waitlistPosition").asInt()).isEqualTo(queue.size() + 1);
                queue.add(e.path("signupId").asLong());
            }
        }
        assertThat(queue).containsExactly(signups.get(6), signups.get(7), signups.get(8), signups.get(9), waiting1,
                waiting2);

        // Residents are told (the proxy signup has no account to message); the text gives the new place.
        assertThat(jdbc.queryForList("SELECT signup_id FROM event_notice WHERE event_id = ? AND kind = 'SEAT_WITHDRAWN' "
                + "AND template = 'CHANGE'", Long.class, id)).containsExactlyInAnyOrder(signups.get(6), signups.get(7),
                signups.get(8));
        sender.sendDue(100);
        List<String> bodies = WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo(SEND))).stream()
                .map(r -> r.getBodyAsString()).toList();
        assertThat(bodies).hasSize(3).allSatisfy(b -> assertThat(b).contains("tmpl-change"));
        assertThat(bodies).anySatisfy(b -> assertThat(b).contains("名额缩减，您已转为候补第1位"))
                .anySatisfy(b -> assertThat(b).contains("名额缩减，您已转为候补第3位"));

        // Seats coming back go first to those who lost theirs, in order.
        Response grown = put(id, spec.set("capacity", 8).set("confirmSeatWithdrawal", null));
        assertThat(grown.status()).as(grown.toString()).isEqualTo(200);
        assertThat(grown.json().path("seatChange").path("promoted").asInt()).isEqualTo(2);
        assertThat(grown.json().path("seatChange").path("withdrawn").asInt()).isZero();
        assertThat(status(signups.get(6))).isEqualTo("CONFIRMED");
        assertThat(status(signups.get(7))).isEqualTo("CONFIRMED");
        assertThat(status(signups.get(8))).isEqualTo("WAITLISTED");
        assertThat(api.get("/api/v1/signups/" + signups.get(8), people.get(8)).json().path("waitlistPosition").asInt())
                .isEqualTo(1);
        assertThat(taken(id)).isEqualTo(8).isEqualTo(count(id, "CONFIRMED"));
        // A seat given up later, too, passes to the head of the queue.
        assertThat(api.post("/api/v1/signups/" + signups.get(0) + "/cancel", people.get(0), "").status()).isEqualTo(200);
        assertThat(status(signups.get(8))).isEqualTo("CONFIRMED");
    }

    @Test
    void withoutAWaitlistTheLatestConfirmedAreCancelledAndNeverCounted() {
        // Starts in 30 minutes: check-in is open, so someone can already be at the venue.
        EventFixtures.EventSpec spec = event().set("capacity", 5).set("waitlistEnabled", false)
                .singleSession(EventFixtures.now().plusMinutes(30), Duration.ofHours(2));
        long id = published(api, staff, spec).path("id").asLong();
        List<String> people = new ArrayList<>();
        List<Long> signups = signUp(id, 5, people);
        // The two latest confirmed are already checked in: people at the venue keep their seat.
        for (int i = 3; i < 5; i++) {
            String ticket = api.get("/api/v1/signups/" + signups.get(i), people.get(i)).json().path("ticket").asString();
            Response checkedIn = api.post("/api/admin/v1/events/" + id + "/checkins/ticket", staff,
                    ApiClient.json(Map.of("ticket", ticket)));
            assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        }

        Response cut = put(id, spec.set("capacity", 3).set("confirmSeatWithdrawal", true));

        assertThat(cut.status()).as(cut.toString()).isEqualTo(200);
        assertThat(cut.json().path("seatChange").path("withdrawn").asInt()).isEqualTo(2);
        assertThat(cut.json().path("seatChange").path("cancelled").asInt()).isEqualTo(2);
        assertThat(cut.json().path("seatChange").path("waitlisted").asInt()).isZero();
        for (int i : List.of(0, 3, 4)) {
            assertThat(status(signups.get(i))).isEqualTo("CONFIRMED");
        }
        for (int i : List.of(1, 2)) {
            assertThat(status(signups.get(i))).isEqualTo("CANCELLED");
            assertThat(jdbc.queryForObject("SELECT cancel_reason FROM event_signup WHERE id = ?", String.class,
                    signups.get(i))).isEqualTo("CAPACITY_REDUCED");
            JsonNode mine = api.get("/api/v1/signups/" + signups.get(i), people.get(i)).json();
            assertThat(mine.path("status").asString()).isEqualTo("CANCELLED");
            assertThat(mine.path("ticket").isNull()).isTrue();
        }
        assertThat(taken(id)).isEqualTo(3).isEqualTo(count(id, "CONFIRMED"));
        sender.sendDue(100);
        assertThat(WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo(SEND)))).hasSize(2)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("名额缩减，您的报名已取消"));

        // Fewer seats than people present is refused, and changes nothing.
        Response belowPresent = put(id, spec.set("capacity", 1));
        assertProblem(belowPresent, 409, "CAPACITY_BELOW_CHECKED_IN");
        assertThat(belowPresent.json().path("detail").asString()).contains("2 人签到");
        assertThat(taken(id)).isEqualTo(3);
        assertThat(status(signups.get(0))).isEqualTo("CONFIRMED");

        // The statistics count attendance: the two who were there, never the ones whose seat was withdrawn.
        // After the session the organiser confirms those present stayed to the end, then ends the event.
        clock.pin(EventFixtures.now().plusMinutes(151).toInstant());
        String admin = Logins.districtAdminToken(api);
        String later = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
        long sessionId = api.get("/api/admin/v1/events/" + id, later).json().path("sessions").get(0).path("id").asLong();
        assertThat(api.post("/api/admin/v1/events/" + id + "/sessions/" + sessionId + "/end-confirmation", later,
                ApiClient.json(Map.of("signupIds", signups))).json().path("recorded").asInt()).isEqualTo(2);
        assertThat(api.post("/api/admin/v1/events/" + id + "/finish", later, "").status()).isEqualTo(200);
        List<Long> counted = probe.forEvent(id).stream().map(p -> p.residentId()).toList();
        assertThat(counted).containsExactlyInAnyOrder(resident(signups.get(3)), resident(signups.get(4)));
    }

    @Test
    void withoutTheConfirmationNothingChanges() {
        EventFixtures.EventSpec spec = event().set("capacity", 4);
        long id = published(api, staff, spec).path("id").asLong();
        for (int i = 0; i < 5; i++) {
            signup(api, Logins.residentToken(api), id, CHANGE);
        }

        Response refused = put(id, spec.set("capacity", 1).set("venueName", "云溪区文化馆小会议室"));

        assertProblem(refused, 409, "SEAT_WITHDRAWAL_NOT_CONFIRMED");
        assertThat(refused.json().path("detail").asString()).contains("3 人");
        assertThat(jdbc.queryForObject("SELECT capacity FROM event WHERE id = ?", Integer.class, id)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT venue_name FROM event WHERE id = ?", String.class, id))
                .isEqualTo("陆城镇农技站");
        assertThat(taken(id)).isEqualTo(4).isEqualTo(count(id, "CONFIRMED"));
        assertThat(count(id, "WAITLISTED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_notice WHERE event_id = ?", Integer.class, id))
                .isZero();
        // Saying false is the same as not saying.
        assertProblem(put(id, spec.set("confirmSeatWithdrawal", false)), 409, "SEAT_WITHDRAWAL_NOT_CONFIRMED");
        // An edit that keeps every seat needs no confirmation.
        Response same = put(id, spec.set("capacity", 4).set("confirmSeatWithdrawal", null));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().path("seatChange").path("withdrawn").asInt()).isZero();
    }

    @Test
    void signupsDuringACapacityCutNeverOversell() throws Exception {
        EventFixtures.EventSpec spec = event().set("capacity", 20);
        long id = published(api, staff, spec).path("id").asLong();
        for (int i = 0; i < 15; i++) {
            signup(api, Logins.residentToken(api), id);
        }
        List<String> newcomers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            newcomers.add(Logins.residentToken(api));
        }
        String cutBody = spec.set("capacity", 10).set("confirmSeatWithdrawal", true).json();

        // All requests wait on one latch; the staff edit is submitted among the signups, not before or after them.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> signups = new ArrayList<>();
        Future<Response> cut = null;
        try {
            for (int i = 0; i < newcomers.size(); i++) {
                String token = newcomers.get(i);
                signups.add(pool.submit(() -> {
                    start.await();
                    return signup(api, token, id);
                }));
                if (i == newcomers.size() / 2) {
                    cut = pool.submit(() -> {
                        start.await();
                        return api.put("/api/admin/v1/events/" + id, staff, cutBody);
                    });
                }
            }
            start.countDown();
            Response staffResponse = cut.get();
            assertThat(staffResponse.status()).as(staffResponse.toString()).isEqualTo(200);
            for (Future<Response> f : signups) {
                Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        int confirmed = count(id, "CONFIRMED");
        assertThat(jdbc.queryForObject("SELECT capacity FROM event WHERE id = ?", Integer.class, id)).isEqualTo(10);
        assertThat(taken(id)).isEqualTo(confirmed).isEqualTo(10);
        assertThat(count(id, "WAITLISTED")).isEqualTo(45 - 10);
        // The queue has no gaps or duplicates, whatever order things happened in.
        JsonNode roster = api.get("/api/admin/v1/events/" + id + "/roster", staff).json();
        int expected = 1;
        for (JsonNode e : roster.path("entries")) {
            if (e.path("status").asString().equals("WAITLISTED")) {
                assertThat(e.path("waitlistPosition").asInt()).isEqualTo(expected++);
            }
        }
        assertThat(expected - 1).isEqualTo(35);
    }

    /** {@code count} new residents sign up (accepting the CHANGE and WAITLIST messages); their tokens go to {@code people}. */
    private List<Long> signUp(long eventId, int count, List<String> people) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String resident = Logins.residentToken(api);
            people.add(resident);
            ids.add(signup(api, resident, eventId, CHANGE).json().path("id").asLong());
        }
        return ids;
    }

    private Response put(long id, EventFixtures.EventSpec spec) {
        return api.put("/api/admin/v1/events/" + id, staff, spec.json());
    }

    private String status(long signupId) {
        return jdbc.queryForObject("SELECT status FROM event_signup WHERE id = ?", String.class, signupId);
    }

    private long resident(long signupId) {
        return jdbc.queryForObject("SELECT resident_id FROM event_signup WHERE id = ?", Long.class, signupId);
    }

    private int taken(long eventId) {
        return jdbc.queryForObject("SELECT taken FROM event WHERE id = ?", Integer.class, eventId);
    }

    private int count(long eventId, String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ? AND status = ?",
                Integer.class, eventId, status);
    }
}
