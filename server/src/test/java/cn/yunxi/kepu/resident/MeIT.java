package cn.yunxi.kepu.resident;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.ContentSecurityFake;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Uploads;
import cn.yunxi.kepu.support.WeChatFake;
import cn.yunxi.kepu.support.WechatPushes;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MeIT {

    static final String VILLAGE = "430603100201";
    static final String TOWN = "430603100";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        WeChatFake.reset();
    }

    @Test
    void residentEditsTheirProfile() {
        String token = Logins.residentToken(api);

        Response updated = api.patch("/api/v1/me", token, ApiClient.json(Map.of(
                "nickname", "  老李 ", "regionCode", VILLAGE, "populationGroup", "ELDERLY", "birthYear", 1955,
                "elderMode", true, "privacyPolicyVersion", "2026-11-01")));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode me = api.get("/api/v1/me", token).json();
        assertThat(me.path("nickname").asString()).isEqualTo("老李");
        assertThat(me.path("regionCode").asString()).isEqualTo(VILLAGE);
        assertThat(me.path("regionName").asString()).isEqualTo("陆城样例村1");
        assertThat(me.path("populationGroup").asString()).isEqualTo("ELDERLY");
        assertThat(me.path("populationGroupLabel").asString()).isEqualTo("老年人");
        assertThat(me.path("birthYear").asInt()).isEqualTo(1955);
        assertThat(me.path("elderMode").asBoolean()).isTrue();
        assertThat(me.path("privacyPolicyVersion").asString()).isEqualTo("2026-11-01");
        assertThat(me.path("privacyAcceptedAt").asString()).endsWith("+08:00");

        // A partial PATCH leaves everything else as it was.
        api.patch("/api/v1/me", token, "{\"elderMode\":false}");
        JsonNode after = api.get("/api/v1/me", token).json();
        assertThat(after.path("elderMode").asBoolean()).isFalse();
        assertThat(after.path("nickname").asString()).isEqualTo("老李");
    }

    @Test
    void badProfileValuesGetClearErrors() {
        String token = Logins.residentToken(api);

        assertProblem(api.patch("/api/v1/me", token, "{\"regionCode\":\"" + TOWN + "\"}"), 400, "REGION_NOT_VILLAGE");
        assertProblem(api.patch("/api/v1/me", token, "{\"regionCode\":\"999999999999\"}"), 400, "REGION_NOT_VILLAGE");
        assertProblem(api.patch("/api/v1/me", token, "{\"birthYear\":1800}"), 400, "BIRTH_YEAR_INVALID");
        assertProblem(api.patch("/api/v1/me", token, "{\"populationGroup\":\"ALIENS\"}"), 400, "MALFORMED_REQUEST");
        Response tooLong = api.patch("/api/v1/me", token, ApiClient.json(Map.of("nickname", "长".repeat(40))));
        assertProblem(tooLong, 400, "VALIDATION_FAILED");
        assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("nickname");
        assertProblem(api.patch("/api/v1/me", token, "{\"birthYear\":\"abc\"}"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void phoneIsStoredEncryptedWithHashAndMaskAndNeverLogged(CapturedOutput output) {
        JsonNode login = Logins.newResident(api);
        String token = login.path("accessToken").asString();
        long id = login.path("resident").path("id").asLong();
        WeChatFake.phoneSucceeds("phone-code-1", "13912345678");

        Response bound = api.post("/api/v1/me/phone", token, "{\"code\":\"phone-code-1\"}");

        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        assertThat(bound.json().path("phoneMasked").asString()).isEqualTo("139****5678");
        assertThat(bound.body()).doesNotContain("13912345678");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT phone_cipher, phone_hash, phone_masked FROM resident WHERE id = ?", id);
        assertThat((String) row.get("phone_cipher")).startsWith("v1:").doesNotContain("13912345678");
        assertThat((String) row.get("phone_hash")).hasSize(64).doesNotContain("13912345678");
        assertThat(row.get("phone_masked")).isEqualTo("139****5678");
        assertThat(output.getAll()).doesNotContain("13912345678");

        // The resident's own export is the one place the full number comes back.
        Response export = api.get("/api/v1/me/export", token);
        assertThat(export.json().path("profile").path("phone").asString()).isEqualTo("13912345678");
    }

    @Test
    void phoneBindingErrorsAndRateLimit() {
        String token = Logins.residentToken(api);
        WeChatFake.phoneFails("expired", 40029, "invalid code");
        WeChatFake.phoneFails("busy", -1, "system error");

        assertProblem(api.post("/api/v1/me/phone", token, "{\"code\":\"expired\"}"), 400, "WECHAT_PHONE_CODE_INVALID");
        assertProblem(api.post("/api/v1/me/phone", token, "{\"code\":\"busy\"}"), 503, "WECHAT_BUSY");
        assertProblem(api.post("/api/v1/me/phone", token, "{}"), 400, "VALIDATION_FAILED");
        // Five tries an hour per resident: getPhoneNumber is billed per call.
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/me/phone", token, "{\"code\":\"expired\"}");
        }
        assertProblem(api.post("/api/v1/me/phone", token, "{\"code\":\"expired\"}"), 429, "RATE_LIMITED");
    }

    @Test
    void eachResidentOnlyEverSeesTheirOwnAccount() {
        String alice = Logins.residentToken(api);
        String bob = Logins.residentToken(api);
        api.patch("/api/v1/me", alice, "{\"nickname\":\"Alice\"}");
        api.patch("/api/v1/me", bob, "{\"nickname\":\"Bob\"}");

        assertThat(api.get("/api/v1/me", alice).json().path("nickname").asString()).isEqualTo("Alice");
        assertThat(api.get("/api/v1/me", bob).json().path("nickname").asString()).isEqualTo("Bob");
        assertThat(api.get("/api/v1/me/export", bob).body()).doesNotContain("Alice");
        // Ids in the body are not a back door: the account is always the token's.
        api.patch("/api/v1/me", bob, "{\"id\":1,\"nickname\":\"Bob2\"}");
        assertThat(api.get("/api/v1/me", alice).json().path("nickname").asString()).isEqualTo("Alice");
        // A resident's token opens nothing of the staff API.
        assertProblem(api.get("/api/admin/v1/staff", alice), 403, "FORBIDDEN");
        assertProblem(api.get("/api/admin/v1/units", alice), 403, "FORBIDDEN");
    }

    /** The profile and the logins; every other feature's data and the plan's figures: AccountDeletionIT. */
    @Test
    void deletingTheAccountErasesTheProfileAndEndsItsLogins() {
        JsonNode login = Logins.newResident(api);
        String token = login.path("accessToken").asString();
        long id = login.path("resident").path("id").asLong();
        WeChatFake.phoneSucceeds("phone-del", "13700001111");
        api.patch("/api/v1/me", token, ApiClient.json(Map.of("nickname", "要注销的人", "regionCode", VILLAGE,
                "populationGroup", "FARMER", "birthYear", 1970)));
        api.post("/api/v1/me/phone", token, "{\"code\":\"phone-del\"}");

        Response deleted = api.delete("/api/v1/me", token);

        assertThat(deleted.status()).isEqualTo(204);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM resident WHERE id = ?", id);
        assertThat(row.get("status")).isEqualTo("DELETED");
        assertThat(row.get("openid")).isNull();
        assertThat(row.get("nickname")).isNull();
        assertThat(row.get("phone_cipher")).isNull();
        assertThat(row.get("phone_hash")).isNull();
        assertThat(row.get("phone_masked")).isNull();
        assertThat(row.get("region_code")).isEqualTo(VILLAGE);
        assertThat(row.get("population_group")).isEqualTo("FARMER");
        assertProblem(api.get("/api/v1/me", token), 401, "TOKEN_INVALID");
        assertProblem(api.post("/api/v1/auth/refresh", null,
                ApiClient.json(Map.of("refreshToken", login.path("refreshToken").asString()))), 401,
                "REFRESH_TOKEN_INVALID");
    }

    @Test
    void avatarMustBeTheResidentsOwnConfirmedAvatarUpload() {
        JsonNode login = Logins.newResident(api);
        String token = login.path("accessToken").asString();
        long id = login.path("resident").path("id").asLong();
        ContentSecurityFake.mediaCheckAccepted("trace-" + UUID.randomUUID());
        String avatar = uploaded(token, "AVATAR");

        Response updated = api.patch("/api/v1/me", token, ApiClient.json(Map.of("avatarKey", avatar)));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("avatarKey").asString()).isEqualTo(avatar);
        JsonNode me = api.get("/api/v1/me", token).json();
        assertThat(me.path("avatarKey").asString()).isEqualTo(avatar);
        String url = me.path("avatarUrl").asString();
        assertThat(url).isNotBlank();
        assertThat(Uploads.fetch(url).statusCode()).isEqualTo(200);
        Uploads.assertIsThePng(Uploads.fetch(url).body());

        // a key never uploaded (well formed, under the resident's own prefix)
        String unknown = "r/" + id + "/avatar/20261129/" + UUID.randomUUID().toString().replace("-", "") + ".png";
        Response notUploaded = api.patch("/api/v1/me", token, ApiClient.json(Map.of("avatarKey", unknown)));
        assertProblem(notUploaded, 400, "AVATAR_INVALID");
        assertThat(notUploaded.json().path("detail").asString()).contains("头像");
        // someone else's avatar
        String other = Logins.residentToken(api);
        ContentSecurityFake.mediaCheckAccepted("trace-" + UUID.randomUUID());
        String othersAvatar = uploaded(other, "AVATAR");
        assertProblem(api.patch("/api/v1/me", token, ApiClient.json(Map.of("avatarKey", othersAvatar))), 400,
                "AVATAR_INVALID");
        // the resident's own upload, but not made as an avatar
        ContentSecurityFake.mediaCheckAccepted("trace-" + UUID.randomUUID());
        String image = uploaded(token, "RESIDENT_IMAGE");
        assertProblem(api.patch("/api/v1/me", token, ApiClient.json(Map.of("avatarKey", image))), 400, "AVATAR_INVALID");
        // the format check still comes first
        assertProblem(api.patch("/api/v1/me", token, "{\"avatarKey\":\"<script>\"}"), 400, "VALIDATION_FAILED");
        // nothing of that changed the avatar
        assertThat(api.get("/api/v1/me", token).json().path("avatarKey").asString()).isEqualTo(avatar);
    }

    @Test
    void anAvatarWechatFoundRiskyIsRefused() {
        String token = Logins.residentToken(api);
        String trace = "trace-" + UUID.randomUUID();
        ContentSecurityFake.mediaCheckAccepted(trace);
        String avatar = uploaded(token, "AVATAR");
        assertThat(WechatPushes.post(api, WechatPushes.TOKEN, WechatPushes.mediaCheckBody(trace, "risky", 20002))
                .status()).isEqualTo(200);

        Response refused = api.patch("/api/v1/me", token, ApiClient.json(Map.of("avatarKey", avatar)));

        assertProblem(refused, 400, "AVATAR_REJECTED");
        assertThat(refused.json().path("detail").asString()).contains("内容安全");
        JsonNode avatarUrl = api.get("/api/v1/me", token).json().path("avatarUrl");
        assertThat(avatarUrl.isNull() || avatarUrl.isMissingNode()).isTrue();
    }

    private String uploaded(String token, String purpose) {
        Response uploaded = Uploads.uploadPng(api, token, purpose);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        return uploaded.json().path("key").asString();
    }

    @Test
    void exportHoldsTheProfileAndNothingSecret() {
        JsonNode login = Logins.newResident(api);
        String token = login.path("accessToken").asString();
        api.patch("/api/v1/me", token, "{\"nickname\":\"导出测试\"}");

        Response export = api.get("/api/v1/me/export", token);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().path("profile").path("nickname").asString()).isEqualTo("导出测试");
        assertThat(export.json().path("exportedAt").asString()).isNotBlank();
        assertThat(export.json().has("sections")).isTrue();
        assertThat(export.body()).doesNotContain("openid").doesNotContain("phone_hash");
    }
}
