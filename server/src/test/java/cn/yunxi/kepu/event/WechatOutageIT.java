package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.ExtraInstance;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.WeChatFake;

/**
 * WeChat down or slow, seen by a production-shaped instance whose WeChat HTTP timeout is 2 s (WxJava's own default
 * read timeout is 5 s): a resident's login answers 503 with Retry-After within the configured timeout, and a
 * subscribe message whose send failed is sent again later only when WeChat certainly did not send it, so nobody
 * gets a reminder twice. WeChat is WireMock, so every request that reached "WeChat" is counted.
 */
@KepuIntegrationTest
class WechatOutageIT {

    static final String SEND = "/cgi-bin/message/subscribe/send";
    static final String LOGIN = "/sns/jscode2session";
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The configured timeout plus slack for a loaded machine, still below WxJava's default 5 s read timeout. */
    static final Duration FAST = Duration.ofMillis(4500);

    private static ConfigurableApplicationContext instance;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient main;
    ApiClient api;
    NoticeSender sender;
    String staff;

    @BeforeEach
    void setUp() {
        synchronized (WechatOutageIT.class) {
            if (instance == null) {
                instance = ExtraInstance.start(environment, "kepu.wechat.timeout=" + TIMEOUT.toSeconds() + "s",
                        "kepu.event.notice-templates.REMINDER=tmpl-reminder",
                        "kepu.event.notice-templates.WAITLIST=tmpl-waitlist",
                        "kepu.event.notice-templates.CHANGE=tmpl-change");
            }
        }
        main = new ApiClient(port);
        api = new ApiClient(ExtraInstance.port(instance));
        sender = instance.getBean(NoticeSender.class);
        String admin = Logins.districtAdminToken(main);
        staff = EventFixtures.staffToken(main, admin, "UNIT_ADMIN", EventFixtures.unitId(main, admin, "区科协"));
        WeChatFake.reset();
        drain();
    }

    @AfterEach
    void tearDown() {
        WeChatFake.reset();
    }

    @AfterAll
    static void stopInstance() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
    }

    // ---- login ------------------------------------------------------------------------------------------------

    @Test
    void aSlowWechatGivesA503WithRetryAfterWithinTheConfiguredTimeout() {
        loginAnswers("slow", aResponse().withFixedDelay(8000).withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"openid\":\"late\",\"session_key\":\"k\"}"));
        assertWechatUnavailable("slow", Duration.ofMillis(1800));
    }

    @Test
    void aResetConnectionGivesA503WithRetryAfter() {
        loginAnswers("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertWechatUnavailable("reset", Duration.ZERO);
    }

    @Test
    void aWechatGateway5xxGivesA503WithRetryAfter() {
        loginAnswers("bad-gateway", aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>502 Bad Gateway</body></html>"));
        loginAnswers("unavailable", aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html><body>503 Service Temporarily Unavailable</body></html>"));
        assertWechatUnavailable("bad-gateway", Duration.ZERO);
        assertWechatUnavailable("unavailable", Duration.ZERO);
    }

    private void loginAnswers(String code, ResponseDefinitionBuilder answer) {
        WeChatFake.server().stubFor(get(urlPathEqualTo(LOGIN)).withQueryParam("js_code", equalTo(code))
                .willReturn(answer));
    }

    private void assertWechatUnavailable(String code, Duration atLeast) {
        long started = System.nanoTime();
        Response login = api.post("/api/v1/auth/wechat-login", null, ApiClient.json(Map.of("code", code)),
                Map.of("X-Forwarded-For", Logins.clientAddress()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertProblem(login, 503, "WECHAT_UNAVAILABLE");
        assertThat(login.header("Retry-After")).isEqualTo("5");
        assertThat(login.json().path("detail").asString()).isEqualTo("暂时连接不上微信服务，请检查网络后重试");
        assertThat(took).as("answered within the configured WeChat timeout").isBetween(atLeast, FAST);
        assertThat(WeChatFake.server().findAll(getRequestedFor(urlPathEqualTo(LOGIN))
                .withQueryParam("js_code", equalTo(code)))).as("asked WeChat once, no hidden retries").hasSize(1);
    }

    // ---- subscribe messages -----------------------------------------------------------------------------------

    @Test
    void aNoticeWhoseSendWeChatRefusedWith503IsSentLaterExactlyOnce() {
        long signupId = promotedSignup();
        sendAnswers(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
                .withBody("<html><body>503 Service Temporarily Unavailable</body></html>"));

        sender.sendDue(100);
        assertThat(status(signupId)).as("WeChat said it did not take it: back in the queue").isEqualTo("PENDING");
        assertThat(sender.sendDue(100)).as("not due again yet").isZero();

        WeChatFake.reset();
        sendAnswers(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        jdbc.update("UPDATE event_notice SET due_at = NOW() - INTERVAL 1 SECOND WHERE signup_id = ? AND kind = 'PROMOTED'",
                signupId);
        sender.sendDue(100);
        sender.sendDue(100);

        assertThat(status(signupId)).isEqualTo("SENT");
        assertThat(sends()).as("one accepted send after the refused one").isEqualTo(1);
        assertThat(attempts(signupId)).isEqualTo(2);
    }

    @Test
    void aNoticeWhoseAnswerNeverCameIsNotSentAgain() {
        long slow = promotedSignup();
        sendAnswers(aResponse().withFixedDelay(6000).withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        long started = System.nanoTime();
        sender.sendDue(100);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
        assertThat(status(slow)).as("WeChat may have sent it").isEqualTo("UNKNOWN");

        WeChatFake.reset();
        long reset = promotedSignup();
        sendAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        sender.sendDue(100);
        assertThat(status(reset)).isEqualTo("UNKNOWN");
        assertThat(sends()).isEqualTo(1);

        WeChatFake.reset();
        sendAnswers(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        jdbc.update("UPDATE event_notice SET due_at = NOW() - INTERVAL 1 DAY + INTERVAL 1 MINUTE WHERE signup_id IN (?, ?)",
                slow, reset);
        sender.sendDue(100);
        assertThat(sends()).as("never a second message").isZero();
        assertThat(status(slow)).isEqualTo("UNKNOWN");
        assertThat(status(reset)).isEqualTo("UNKNOWN");
    }

    /**
     * What a sender killed with kill -9 leaves behind: its notice claimed (SENDING) and no outcome. Whether WeChat
     * got the message is unknowable, so once the claim is older than any live send could take it is recorded as
     * UNKNOWN and never sent again; a younger claim may still be in flight on another instance and is left alone.
     */
    @Test
    void aNoticeClaimedByASenderThatDiedIsRecordedUnknownAndNotResent() {
        long died = promotedSignup();
        long inFlight = promotedSignup();
        sendAnswers(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        claimAsADeadSender(died, NoticeSender.STALE_CLAIM.plusMinutes(1));
        claimAsADeadSender(inFlight, Duration.ofSeconds(30));

        sender.sendDue(100);

        assertThat(status(died)).isEqualTo("UNKNOWN");
        assertThat(status(inFlight)).as("another instance may still be sending it").isEqualTo("SENDING");
        assertThat(sends()).as("neither is sent by this instance").isZero();
    }

    private void claimAsADeadSender(long signupId, Duration ago) {
        int claimed = jdbc.update("UPDATE event_notice SET status = 'SENDING', claim_token = ?, "
                        + "claimed_at = NOW(3) - INTERVAL ? SECOND WHERE signup_id = ? AND kind = 'PROMOTED'",
                "killed-" + signupId, ago.toSeconds(), signupId);
        assertThat(claimed).isEqualTo(1);
    }

    private void sendAnswers(ResponseDefinitionBuilder answer) {
        WeChatFake.server().stubFor(post(urlPathEqualTo(SEND)).willReturn(answer));
    }

    private int sends() {
        return WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo(SEND))).size();
    }

    /** Leftovers of other tests are sent first, so each test sees only its own notices. */
    private void drain() {
        sendAnswers(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        while (sender.sendDue(100) > 0) {
            // drain
        }
        WeChatFake.reset();
    }

    /** A waitlisted resident who accepted the waitlist template is promoted when the holder cancels. */
    private long promotedSignup() {
        long id = published(main, staff, event().set("capacity", 1)).path("id").asLong();
        String holder = Logins.residentToken(main);
        long held = signup(main, holder, id).json().path("id").asLong();
        Response waiting = signup(main, Logins.residentToken(main), id,
                ApiClient.json(Map.of("subscribedTemplates", List.of("WAITLIST"))));
        assertThat(waiting.json().path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(main.post("/api/v1/signups/" + held + "/cancel", holder, "").status()).isEqualTo(200);
        return waiting.json().path("id").asLong();
    }

    private String status(long signupId) {
        return jdbc.queryForObject("SELECT status FROM event_notice WHERE signup_id = ? AND kind = 'PROMOTED'",
                String.class, signupId);
    }

    private int attempts(long signupId) {
        return jdbc.queryForObject("SELECT attempts FROM event_notice WHERE signup_id = ? AND kind = 'PROMOTED'",
                Integer.class, signupId);
    }
}
