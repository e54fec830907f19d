package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.AtOnce;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.WeChatFake;

/**
 * Subscribe messages against WeChat's HTTP API (faked): quotas, 43101, "busy" retries, and never twice. This
 * context has template ids configured and its background jobs off, so the test drives the sender itself.
 */
@KepuIntegrationTest
@TestPropertySource(properties = {
        "kepu.event.notice-templates.REMINDER=tmpl-reminder",
        "kepu.event.notice-templates.WAITLIST=tmpl-waitlist",
        "kepu.event.notice-templates.CHANGE=tmpl-change",
        "kepu.event.jobs.enabled=false"})
class NoticeIT {

    static final String SEND = "/cgi-bin/message/subscribe/send";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NoticeSender sender;

    ApiClient api;
    String staff;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        staff = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
        WeChatFake.reset();
        drain();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        WeChatFake.reset();
    }

    private void wechatAnswers(int errcode, String errmsg) {
        WeChatFake.server().stubFor(post(urlPathEqualTo(SEND))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}")));
    }

    private int sent() {
        return WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo(SEND))).size();
    }

    /** Leftovers of other tests are sent first, so each test sees only its own notices. */
    private void drain() {
        wechatAnswers(0, "ok");
        while (sender.sendDue(100) > 0) {
            // drain
        }
        WeChatFake.reset();
    }

    /** A waitlisted resident (who accepted the given templates) is promoted when the holder cancels. */
    private long promotedSignup(List<String> accepted) {
        long id = published(api, staff, event().set("capacity", 1)).path("id").asLong();
        String holder = Logins.residentToken(api);
        long held = signup(api, holder, id).json().path("id").asLong();
        Response waiting = signup(api, Logins.residentToken(api), id,
                ApiClient.json(Map.of("subscribedTemplates", accepted)));
        assertThat(waiting.json().path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(api.post("/api/v1/signups/" + held + "/cancel", holder, "").status()).isEqualTo(200);
        return waiting.json().path("id").asLong();
    }

    private String status(long signupId, String kind) {
        return jdbc.queryForObject("SELECT status FROM event_notice WHERE signup_id = ? AND kind = ?", String.class,
                signupId, kind);
    }

    @Test
    void aPromotionNoticeIsSentOnceEvenWithTwoSendersAtWork() {
        long signupId = promotedSignup(List.of("WAITLIST", "REMINDER"));
        wechatAnswers(0, "ok");

        List<Integer> handled = AtOnce.run(4, () -> sender.sendDue(100));
        assertThat(handled.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(sender.sendDue(100)).isZero();

        assertThat(status(signupId, "PROMOTED")).isEqualTo("SENT");
        assertThat(sent()).isEqualTo(1);
        String body = WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo(SEND))).get(0).getBodyAsString();
        assertThat(body).contains("tmpl-waitlist").contains("候补成功");
        long residentId = jdbc.queryForObject("SELECT resident_id FROM event_signup WHERE id = ?", Long.class, signupId);
        assertThat(jdbc.queryForObject("SELECT remaining FROM subscribe_quota WHERE resident_id = ? AND template = 'WAITLIST'",
                Integer.class, residentId)).isZero();
    }

    @Test
    void withoutAnAcceptanceNothingIsSent() {
        long signupId = promotedSignup(List.of());
        wechatAnswers(0, "ok");

        sender.sendDue(100);

        assertThat(status(signupId, "PROMOTED")).isEqualTo("NO_QUOTA");
        assertThat(sent()).isZero();
    }

    @Test
    void aRefusalIsRecordedAsAnOutcomeNotAFailure() {
        long signupId = promotedSignup(List.of("WAITLIST"));
        wechatAnswers(43101, "user refuse to accept the msg rid: 6744a1b2");

        sender.sendDue(100);

        assertThat(status(signupId, "PROMOTED")).isEqualTo("REFUSED");
        assertThat(jdbc.queryForObject("SELECT error_code FROM event_notice WHERE signup_id = ? AND kind = 'PROMOTED'",
                Integer.class, signupId)).isEqualTo(43101);
        assertThat(sent()).isEqualTo(1);
        sender.sendDue(100);
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void whenWeChatIsBusyTheNoticeIsRetriedLaterAndSentOnce() {
        long signupId = promotedSignup(List.of("WAITLIST"));
        wechatAnswers(-1, "system error");

        sender.sendDue(100);
        assertThat(status(signupId, "PROMOTED")).isEqualTo("PENDING");
        assertThat(sender.sendDue(100)).as("not due again yet").isZero();

        WeChatFake.reset();
        wechatAnswers(0, "ok");
        clock.advance(Duration.ofMinutes(2));
        sender.sendDue(100);

        assertThat(status(signupId, "PROMOTED")).isEqualTo("SENT");
        assertThat(sent()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM event_notice WHERE signup_id = ? AND kind = 'PROMOTED'",
                Integer.class, signupId)).isEqualTo(2);
    }

    @Test
    void remindersGoOutTwoHoursBeforeTheStartToThoseWhoAccepted() {
        long id = published(api, staff, event()
                .singleSession(EventFixtures.now().plusHours(3), Duration.ofHours(2))).path("id").asLong();
        long accepted = signup(api, Logins.residentToken(api), id,
                ApiClient.json(Map.of("subscribedTemplates", List.of("REMINDER")))).json().path("id").asLong();
        long declined = signup(api, Logins.residentToken(api), id).json().path("id").asLong();
        wechatAnswers(0, "ok");

        // (other tests' events share the database: this event's reminders are counted, not the job's total)
        sender.generateReminders();
        assertThat(reminders(id)).isZero();
        clock.advance(Duration.ofMinutes(65));
        sender.generateReminders();
        assertThat(reminders(id)).isEqualTo(2);
        sender.generateReminders();
        assertThat(reminders(id)).as("generated once").isEqualTo(2);
        sender.sendDue(100);

        assertThat(status(accepted, "REMINDER_2H")).isEqualTo("SENT");
        assertThat(status(declined, "REMINDER_2H")).isEqualTo("NO_QUOTA");
        // Signed up less than 24 h before: no "tomorrow" reminder.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_notice WHERE event_id = ? AND kind = 'REMINDER_24H'",
                Integer.class, id)).isZero();
        assertThat(sent()).isEqualTo(1);
    }

    private int reminders(long eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_notice WHERE event_id = ? AND kind = 'REMINDER_2H'",
                Integer.class, eventId);
    }
}
