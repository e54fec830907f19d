package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/**
 * The mini-program learns the template ids it asks residents to accept, and reports acceptances at signup or
 * later. Same properties as {@link NoticeIT}, so both share one application context.
 */
@KepuIntegrationTest
@TestPropertySource(properties = {
        "kepu.event.notice-templates.REMINDER=tmpl-reminder",
        "kepu.event.notice-templates.WAITLIST=tmpl-waitlist",
        "kepu.event.notice-templates.CHANGE=tmpl-change",
        "kepu.event.jobs.enabled=false"})
class NoticeTemplateIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    private Integer remaining(long residentId, String template) {
        List<Integer> rows = jdbc.queryForList("SELECT remaining FROM subscribe_quota WHERE resident_id = ? AND template = ?",
                Integer.class, residentId, template);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void residentsSeeTheConfiguredTemplatesInAFixedOrder() {
        Response r = api.get("/api/v1/events/notice-templates", Logins.residentToken(api));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> pairs = new ArrayList<>();
        r.json().forEach(t -> pairs.add(t.path("type").asString() + "=" + t.path("templateId").asString()));
        assertThat(pairs).containsExactly("REMINDER=tmpl-reminder", "WAITLIST=tmpl-waitlist", "CHANGE=tmpl-change");
        assertThat(api.get("/api/v1/events/notice-templates", null).status()).isEqualTo(401);
    }

    @Test
    void templatesAcceptedAtSignupAndLaterAddUpPerTemplate() {
        String token = Logins.residentToken(api);
        long residentId = api.get("/api/v1/me", token).json().path("id").asLong();
        String admin = Logins.districtAdminToken(api);
        String staff = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
        long eventId = published(api, staff, event()).path("id").asLong();

        Response signedUp = signup(api, token, eventId, ApiClient.json(Map.of("subscribedTemplates", List.of("REMINDER"))));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);
        Response later = api.post("/api/v1/events/notice-subscriptions", token,
                ApiClient.json(Map.of("templates", List.of("REMINDER", "WAITLIST", "REMINDER"))));

        assertThat(later.status()).as(later.toString()).isEqualTo(204);
        assertThat(remaining(residentId, "REMINDER")).isEqualTo(2);
        assertThat(remaining(residentId, "WAITLIST")).isEqualTo(1);
        assertThat(remaining(residentId, "CHANGE")).isNull();
    }

    @Test
    void badSubscriptionsAreRefusedInChinese() {
        String token = Logins.residentToken(api);

        Response empty = api.post("/api/v1/events/notice-subscriptions", token, "{\"templates\":[]}");
        assertProblem(empty, 400, "VALIDATION_FAILED");
        assertThat(empty.json().path("errors").get(0).path("message").asString()).isEqualTo("请选择要订阅的消息");
        assertProblem(api.post("/api/v1/events/notice-subscriptions", token, "{\"templates\":[\"SPAM\"]}"),
                400, "MALFORMED_REQUEST");
        assertProblem(api.post("/api/v1/events/notice-subscriptions", token,
                "{\"templates\":[\"REMINDER\",\"WAITLIST\",\"CHANGE\",\"REMINDER\"]}"), 400, "VALIDATION_FAILED");
    }
}
