package cn.yunxi.kepu.resident;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.WeChatFake;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ResidentAuthIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        WeChatFake.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void firstLoginRegistersTheResidentAndLaterLoginsFindThem(CapturedOutput output) {
        WeChatFake.loginSucceeds("first-code", "openid-alice");
        WeChatFake.loginSucceeds("second-code", "openid-alice");

        Response first = login("first-code");
        Response second = login("second-code");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("newResident").asBoolean()).isTrue();
        assertThat(first.json().path("accessToken").asString()).isNotBlank();
        assertThat(first.json().path("refreshToken").asString()).isNotBlank();
        assertThat(first.json().path("accessTokenExpiresAt").asString()).endsWith("+08:00");
        assertThat(second.json().path("newResident").asBoolean()).isFalse();
        assertThat(second.json().path("resident").path("id").asLong())
                .isEqualTo(first.json().path("resident").path("id").asLong());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resident WHERE openid = 'openid-alice'", Long.class))
                .isEqualTo(1);
        // session_key stays on the server: not in the answer, not in the logs, not even stored.
        assertThat(first.body() + second.body()).doesNotContain("SECRET_SESSION_KEY").doesNotContainIgnoringCase("session_key");
        assertThat(output.getAll()).doesNotContain("SECRET_SESSION_KEY");
    }

    @Test
    void wechatAccessTokenIsFetchedOnceAndSharedThroughRedis() {
        redis.delete(redis.keys("kepu:wx*"));
        WeChatFake.loginSucceeds("token-a", "openid-token-a");
        WeChatFake.loginSucceeds("token-b", "openid-token-b");

        assertThat(login("token-a").status()).isEqualTo(200);
        assertThat(login("token-b").status()).isEqualTo(200);

        // Stable-token API, once: every later call (and every other instance) reads the token from Redis.
        assertThat(WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")))).hasSize(1);
        assertThat(WeChatFake.server().findAll(getRequestedFor(urlPathEqualTo("/cgi-bin/token")))).isEmpty();
        assertThat(redis.keys("kepu:wx*").stream().map(k -> redis.opsForValue().get(k)))
                .contains("FAKE_ACCESS_TOKEN");
    }

    @Test
    void wechatErrorsBecomeClearProblemsNeverA500() {
        WeChatFake.loginFails("bad-code", 40029, "invalid code");
        WeChatFake.loginFails("limited-code", 45011, "api minute-quota reach limit");
        WeChatFake.loginFails("risky-code", 40226, "high risk user");
        WeChatFake.loginFails("busy-code", -1, "system error");
        WeChatFake.loginTimesOut("slow-code", 10000);

        assertProblem(login("bad-code"), 400, "WECHAT_CODE_INVALID");
        assertProblem(login("limited-code"), 429, "WECHAT_RATE_LIMITED");
        assertProblem(login("risky-code"), 403, "WECHAT_USER_RISKY");
        assertProblem(login("busy-code"), 503, "WECHAT_BUSY");
        assertProblem(login("slow-code"), 503, "WECHAT_UNAVAILABLE");
    }

    @Test
    void badLoginBodiesAreRejectedWithFieldErrors() {
        Response blank = api.post("/api/v1/auth/wechat-login", null, "{\"code\":\"  \"}");
        Response malformed = api.post("/api/v1/auth/wechat-login", null, "{\"code\":");
        Response wrongType = api.postRaw("/api/v1/auth/wechat-login", null, "text/plain", "code=1");

        assertProblem(blank, 400, "VALIDATION_FAILED");
        assertThat(blank.json().path("errors").get(0).path("field").asString()).isEqualTo("code");
        assertThat(blank.json().path("errors").get(0).path("message").asString()).isEqualTo("缺少登录凭证");
        assertProblem(malformed, 400, "MALFORMED_REQUEST");
        assertProblem(wrongType, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void refreshRotatesAndReuseRevokesTheLogin() {
        JsonNode login = Logins.newResident(api);
        String firstRefresh = login.path("refreshToken").asString();

        Response rotated = refresh(firstRefresh);
        assertThat(rotated.status()).isEqualTo(200);
        String secondRefresh = rotated.json().path("refreshToken").asString();
        String secondAccess = rotated.json().path("accessToken").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(api.get("/api/v1/me", secondAccess).status()).isEqualTo(200);

        // The first token is presented again: somebody copied it. The whole login ends.
        assertProblem(refresh(firstRefresh), 401, "REFRESH_TOKEN_REUSED");
        assertProblem(refresh(secondRefresh), 401, "REFRESH_TOKEN_INVALID");
        assertProblem(api.get("/api/v1/me", secondAccess), 401, "TOKEN_INVALID");
    }

    @Test
    void accessTokensExpireAfterAboutHalfAnHourAndRefreshStillWorks() {
        JsonNode login = Logins.newResident(api);
        String access = login.path("accessToken").asString();

        clock.advance(Duration.ofMinutes(29));
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertProblem(api.get("/api/v1/me", access), 401, "TOKEN_INVALID");

        Response refreshed = refresh(login.path("refreshToken").asString());
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", refreshed.json().path("accessToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void refreshTokensExpireAfterThirtyDays() {
        JsonNode login = Logins.newResident(api);

        clock.advance(Duration.ofDays(30).plusMinutes(1));

        assertProblem(refresh(login.path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
    }

    @Test
    void logoutEndsBothTokensOfThatLoginOnly() {
        JsonNode phone = Logins.newResident(api);
        WeChatFake.loginSucceeds("tablet-code", "openid-tablet-" + System.nanoTime());
        JsonNode tablet = login("tablet-code").json();

        Response logout = api.post("/api/v1/auth/logout", null,
                ApiClient.json(Map.of("refreshToken", phone.path("refreshToken").asString())));

        assertThat(logout.status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/me", phone.path("accessToken").asString()), 401, "TOKEN_INVALID");
        assertProblem(refresh(phone.path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
        assertThat(api.get("/api/v1/me", tablet.path("accessToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void forgedAndMissingTokensAreRefused() {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwidHlwIjoiUkVTSURFTlQiLCJzaWQiOjEsInJvbGVzIjpbXX0."
                + "c2lnbmVkLXdpdGgtYW5vdGhlci1rZXk";

        assertProblem(api.get("/api/v1/me", null), 401, "UNAUTHENTICATED");
        assertProblem(api.get("/api/v1/me", forged), 401, "TOKEN_INVALID");
        assertProblem(api.get("/api/v1/me", "not-a-jwt"), 401, "TOKEN_INVALID");
        ApiClient.Response malformed = api.get("/api/v1/me", null, "Authorization", "Bearer two words");
        assertProblem(malformed, 401, "TOKEN_INVALID");
        assertThat(malformed.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    /**
     * This API issues plain bearer tokens only. A valid access token sent with the DPoP scheme (RFC 9449) is not a
     * bearer token: the caller stays anonymous and is refused wherever a login is required.
     */
    @Test
    void aTokenSentWithTheDpopSchemeOpensNothing() {
        String access = Logins.residentToken(api);
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(200);

        assertProblem(api.get("/api/v1/me", null, "Authorization", "DPoP " + access), 401, "TOKEN_INVALID");
        assertProblem(api.get("/api/v1/contents?size=5", null, "Authorization", "DPoP " + access), 401,
                "TOKEN_INVALID");
    }

    @Test
    void loginIsRateLimitedPerClientAddress() {
        String address = "2001:db8:ffff::1";
        int tooMany = 0;
        for (int i = 0; i < 31; i++) {
            String code = "rl-" + System.nanoTime();
            WeChatFake.loginSucceeds(code, "openid-rl-" + i + "-" + System.nanoTime());
            Response response = api.post("/api/v1/auth/wechat-login", null, ApiClient.json(Map.of("code", code)),
                    Map.of("X-Forwarded-For", address));
            if (response.status() == 429) {
                tooMany++;
                assertProblem(response, 429, "RATE_LIMITED");
            }
        }
        assertThat(tooMany).isEqualTo(1);
    }

    private Response login(String code) {
        return api.post("/api/v1/auth/wechat-login", null, ApiClient.json(Map.of("code", code)),
                Map.of("X-Forwarded-For", Logins.clientAddress()));
    }

    private Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken", refreshToken)));
    }
}
