package cn.yunxi.kepu.common.web;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/**
 * Validation messages are Chinese whatever language the client's system asks for: a WeChat set to English sends
 * {@code Accept-Language: en}, and its user still reads Chinese everywhere else in the mini-program.
 */
@KepuIntegrationTest
class ValidationMessagesIT {

    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en-US,en;q=0.9");

    @LocalServerPort
    int port;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    @Test
    void aConstraintsOwnMessageStaysChineseForAnEnglishClient() {
        // A review without its decision: the constraint names the missing choice in its own message.
        ApiClient.Response refused = api.post("/api/admin/v1/comments/1/review", admin, "{\"reason\":\"\"}", ENGLISH);

        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertThat(messageOf(refused.json(), "approve")).isEqualTo("请选择通过或不通过");
    }

    @Test
    void theGenericFallbackMessageIsChineseForAnEnglishClient() {
        // @NotNull on the list's elements carries no message of its own: ValidationMessages.properties answers,
        // not Hibernate Validator's English bundle chosen by Accept-Language.
        ApiClient.Response refused = api.post("/api/admin/v1/events/1/sessions/1/bulk-checkin", admin,
                "{\"signupIds\":[null]}", ENGLISH);

        assertProblem(refused, 400, "VALIDATION_FAILED");
        JsonNode errors = refused.json().path("errors");
        assertThat(errors).as(refused.toString()).hasSize(1);
        assertThat(errors.get(0).path("field").asString()).startsWith("signupIds");
        assertThat(errors.get(0).path("message").asString()).isEqualTo("不能为空");
    }

    private static String messageOf(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }
}
