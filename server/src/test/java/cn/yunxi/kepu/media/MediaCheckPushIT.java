package cn.yunxi.kepu.media;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ContentSecurityFake;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Uploads;
import cn.yunxi.kepu.support.WeChatFake;
import cn.yunxi.kepu.support.WechatPushes;
import tools.jackson.databind.JsonNode;

/**
 * Images residents show to others go through WeChat's mediaCheckAsync; the verdict arrives as the signed
 * {@code wxa_media_check} push and is applied by trace_id: visible to others after pass, kept from them after risky.
 */
@KepuIntegrationTest
class MediaCheckPushIT {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @AfterEach
    void tearDown() {
        WeChatFake.reset();
    }

    @Test
    void passingVerdictShowsTheImageToOthersAndRiskyKeepsItFromThem() {
        String owner = Logins.residentToken(api);
        String other = Logins.residentToken(api);

        String passTrace = "trace-" + UUID.randomUUID();
        ContentSecurityFake.mediaCheckAccepted(passTrace);
        String passKey = uploaded(owner, "PENDING");
        String riskyTrace = "trace-" + UUID.randomUUID();
        ContentSecurityFake.mediaCheckAccepted(riskyTrace);
        String riskyKey = uploaded(owner, "PENDING");

        // While WeChat is checking, only the uploader sees them.
        assertThat(api.get(url(passKey), owner).json().path("checkStatus").asString()).isEqualTo("PENDING");
        assertProblem(api.get(url(passKey), other), 404, "MEDIA_OBJECT_NOT_FOUND");

        ApiClient.Response passed = WechatPushes.post(api, WechatPushes.TOKEN,
                WechatPushes.mediaCheckBody(passTrace, "pass", 100));
        assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
        assertThat(passed.body()).isEqualTo("success");
        JsonNode seen = api.get(url(passKey), other).json();
        assertThat(seen.path("checkStatus").asString()).isEqualTo("PASS");
        assertThat(Uploads.fetch(seen.path("url").asString()).body()).isEqualTo(Uploads.PNG);

        assertThat(WechatPushes.post(api, WechatPushes.TOKEN, WechatPushes.mediaCheckBody(riskyTrace, "risky", 20002))
                .status()).isEqualTo(200);
        assertProblem(api.get(url(riskyKey), other), 404, "MEDIA_OBJECT_NOT_FOUND");
        assertThat(api.get(url(riskyKey), owner).json().path("checkStatus").asString()).isEqualTo("RISKY");

        // A repeated push with another verdict changes nothing: the first decision stands.
        WechatPushes.post(api, WechatPushes.TOKEN, WechatPushes.mediaCheckBody(riskyTrace, "pass", 100));
        assertProblem(api.get(url(riskyKey), other), 404, "MEDIA_OBJECT_NOT_FOUND");
    }

    @Test
    void pushesWithoutAValidSignatureAreRejectedAndChangeNothing() {
        String owner = Logins.residentToken(api);
        String other = Logins.residentToken(api);
        String trace = "trace-" + UUID.randomUUID();
        ContentSecurityFake.mediaCheckAccepted(trace);
        String key = uploaded(owner, "PENDING");

        ApiClient.Response forged = WechatPushes.post(api, "not-the-token", WechatPushes.mediaCheckBody(trace, "pass", 100));
        assertThat(forged.status()).isEqualTo(403);
        ApiClient.Response unsigned = api.post("/api/v1/wechat/push", null, WechatPushes.mediaCheckBody(trace, "pass", 100));
        assertThat(unsigned.status()).isEqualTo(403);
        ApiClient.Response tampered = api.post("/api/v1/wechat/push?signature=" + "0".repeat(40)
                + "&timestamp=1764380000&nonce=1", null, WechatPushes.mediaCheckBody(trace, "pass", 100));
        assertThat(tampered.status()).isEqualTo(403);
        // Plaintext mode, even correctly signed: the signature covers token, timestamp and nonce, not the body.
        String now = Long.toString(System.currentTimeMillis() / 1000);
        ApiClient.Response plaintext = api.post("/api/v1/wechat/push?signature="
                + WechatPushes.signature(WechatPushes.TOKEN, now, "7") + "&timestamp=" + now + "&nonce=7", null,
                WechatPushes.mediaCheckBody(trace, "pass", 100));
        assertThat(plaintext.status()).isEqualTo(403);
        // A body swapped under a genuine signature: msg_signature covers the ciphertext.
        String genuine = WechatPushes.encrypt(WechatPushes.mediaCheckBody("trace-other", "risky", 20002));
        String swapped = WechatPushes.encrypt(WechatPushes.mediaCheckBody(trace, "pass", 100));
        assertThat(WechatPushes.postEncrypted(api, swapped, WechatPushes.signature(WechatPushes.TOKEN, now, "8", genuine),
                WechatPushes.signature(WechatPushes.TOKEN, now, "8"), now, "8").status()).isEqualTo(403);
        // A genuine push, but stale (replayed ten minutes later).
        assertThat(WechatPushes.post(api, WechatPushes.TOKEN, WechatPushes.mediaCheckBody(trace, "pass", 100),
                System.currentTimeMillis() / 1000 - 600).status()).isEqualTo(403);

        assertProblem(api.get(url(key), other), 404, "MEDIA_OBJECT_NOT_FOUND");
        assertThat(api.get(url(key), owner).json().path("checkStatus").asString()).isEqualTo("PENDING");

        // The server-URL handshake: the echo comes back only with a valid, fresh signature.
        assertThat(api.get("/api/v1/wechat/push?signature=" + WechatPushes.signature(WechatPushes.TOKEN, "1764380000", "42")
                + "&timestamp=1764380000&nonce=42&echostr=hello", null).status()).isEqualTo(403);
        String ts = now;
        String nonce = "42";
        ApiClient.Response handshake = api.get("/api/v1/wechat/push?signature="
                + WechatPushes.signature(WechatPushes.TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
                + "&echostr=hello", null);
        assertThat(handshake.status()).isEqualTo(200);
        assertThat(handshake.body()).isEqualTo("hello");
        assertThat(api.get("/api/v1/wechat/push?signature=bad&timestamp=" + ts + "&nonce=" + nonce + "&echostr=hello",
                null).status()).isEqualTo(403);
    }

    @Test
    void aVerdictThatOvertakesTheTraceIdIsAppliedWhenTheTraceIdIsRecorded() {
        String owner = Logins.residentToken(api);
        String other = Logins.residentToken(api);
        String trace = "trace-" + UUID.randomUUID();

        // WeChat's push arrives before our mediaCheckAsync call has stored the trace id it returned.
        ApiClient.Response early = WechatPushes.post(api, WechatPushes.TOKEN, WechatPushes.mediaCheckBody(trace, "pass", 100));
        assertThat(early.status()).isEqualTo(200);

        ContentSecurityFake.mediaCheckAccepted(trace);
        String key = uploaded(owner, "PASS");
        assertThat(api.get(url(key), other).json().path("checkStatus").asString()).isEqualTo("PASS");

        // and the same for a risky verdict
        String riskyTrace = "trace-" + UUID.randomUUID();
        WechatPushes.post(api, WechatPushes.TOKEN, WechatPushes.mediaCheckBody(riskyTrace, "risky", 20002));
        ContentSecurityFake.mediaCheckAccepted(riskyTrace);
        String riskyKey = uploaded(owner, "RISKY");
        assertProblem(api.get(url(riskyKey), other), 404, "MEDIA_OBJECT_NOT_FOUND");
    }

    /** Uploads an image as a resident would for a comment; WeChat's check starts on upload. */
    private String uploaded(String token, String expectedStatus) {
        ApiClient.Response uploaded = Uploads.uploadPng(api, token, "RESIDENT_IMAGE");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.json().path("checkStatus").asString()).isEqualTo(expectedStatus);
        return uploaded.json().path("key").asString();
    }

    private static String url(String key) {
        return "/api/v1/media/url?key=" + key;
    }
}
