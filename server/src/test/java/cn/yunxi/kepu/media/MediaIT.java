package cn.yunxi.kepu.media;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ContentSecurityFake;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.OssCallbackKeys;
import cn.yunxi.kepu.support.Uploads;
import cn.yunxi.kepu.support.WeChatFake;
import tools.jackson.databind.JsonNode;

/** Direct upload through the local adapter (the default profile), confirmation rules and callback rejection. */
@KepuIntegrationTest
class MediaIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MediaStorage storage;
    ApiClient api;
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        // Every test starts from a clean fake: no verdict stub or request left over from another test class.
        WeChatFake.reset();
        ContentSecurityFake.mediaCheckAcceptedWithFreshTraces();
    }

    @Test
    void residentUploadsThroughThePolicyAndReadsThroughASignedUrl() throws Exception {
        String resident = Logins.residentToken(api);
        JsonNode policy = api.post("/api/v1/media/upload-policy", resident,
                "{\"purpose\":\"RESIDENT_IMAGE\",\"contentType\":\"image/png\",\"size\":1000}").json();
        assertThat(policy.path("fields").path("x-oss-signature-version").asString()).isEqualTo("OSS4-HMAC-SHA256");
        assertThat(policy.path("key").asString()).startsWith("r/");
        byte[] png = Uploads.PNG;
        HttpResponse<String> uploaded = upload(policy, png);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        JsonNode confirmed = api.post("/api/v1/media/confirm", resident,
                ApiClient.json(Map.of("key", policy.path("key").asString()))).json();
        assertThat(confirmed.path("size").asLong()).isEqualTo(png.length);
        String url = confirmed.path("url").asString();
        HttpResponse<byte[]> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(png);
        Uploads.assertIsThePng(read.body());
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");
        HttpResponse<String> tampered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url.replaceAll("s=[^&]+", "s=forged"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(403);
    }

    @Test
    void badInputGetsClearErrors() throws Exception {
        String resident = Logins.residentToken(api);
        assertProblem(api.post("/api/v1/media/upload-policy", resident,
                "{\"purpose\":\"RESIDENT_IMAGE\",\"contentType\":\"text/html\"}"), 415, "MEDIA_TYPE_NOT_ALLOWED");
        assertProblem(api.post("/api/v1/media/upload-policy", resident,
                "{\"purpose\":\"RESIDENT_IMAGE\",\"contentType\":\"image/jpeg\",\"size\":104857600}"), 413, "MEDIA_TOO_LARGE");
        assertProblem(api.post("/api/v1/media/upload-policy", resident,
                "{\"purpose\":\"CONTENT_VIDEO\",\"contentType\":\"video/mp4\"}"), 403, "MEDIA_PURPOSE_NOT_ALLOWED");

        JsonNode policy = api.post("/api/v1/media/upload-policy", resident,
                "{\"purpose\":\"AVATAR\",\"contentType\":\"image/jpeg\"}").json();
        // the file is bigger than the policy allows
        HttpResponse<String> tooBig = upload(policy, new byte[(5 << 20) + 1]);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        // unknown and foreign keys
        assertProblem(api.post("/api/v1/media/confirm", resident, ApiClient.json(Map.of("key", policy.path("key").asString()))),
                404, "MEDIA_OBJECT_NOT_FOUND");
        String other = Logins.residentToken(api);
        assertProblem(api.post("/api/v1/media/confirm", other, ApiClient.json(Map.of("key", policy.path("key").asString()))),
                403, "MEDIA_KEY_NOT_ISSUED");
        assertProblem(api.post("/api/v1/media/confirm", resident, "{\"key\":\"../../etc/passwd\"}"), 400, "MEDIA_KEY_INVALID");
    }

    /**
     * A resident may not choose their own key under their prefix (here: a staff purpose that skips WeChat's check
     * and is readable by everyone): neither the upload, nor a confirmation, nor a callback for a key never issued.
     */
    @Test
    void onlyTheKeyTheServerIssuedIsAccepted() throws Exception {
        JsonNode login = Logins.newResident(api);
        String resident = login.path("accessToken").asString();
        long residentId = login.path("resident").path("id").asLong();
        JsonNode policy = api.post("/api/v1/media/upload-policy", resident,
                "{\"purpose\":\"RESIDENT_IMAGE\",\"contentType\":\"image/png\",\"size\":1000}").json();
        String chosen = "r/" + residentId + "/content-image/20261129/" + UUID.randomUUID().toString().replace("-", "")
                + ".png";
        JsonNode tampered = JSON.readTree(policy.toString().replace(policy.path("key").asString(), chosen));
        HttpResponse<String> uploaded = upload(tampered, Uploads.PNG);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(403);

        // Even an object that is there (written some other way) is not recorded under a key never issued.
        storage.put(chosen, Uploads.PNG, "image/png");
        assertProblem(api.post("/api/v1/media/confirm", resident, ApiClient.json(Map.of("key", chosen))), 403,
                "MEDIA_KEY_NOT_ISSUED");
        String body = "key=" + URLEncoder.encode(chosen, StandardCharsets.UTF_8) + "&size=10&mimeType=image%2Fpng";
        String path = "/api/v1/media/oss-callback";
        assertProblem(api.post(path, null, body, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "authorization", OssCallbackKeys.sign(path, body), "x-oss-pub-key-url", OssCallbackKeys.pubKeyUrlHeader())),
                403, "MEDIA_KEY_NOT_ISSUED");
        assertThat(count(chosen)).isZero();

        // A callback for the issued key is held to what was issued: type and size range.
        String issued = policy.path("key").asString();
        for (String bad : new String[] {"size=10&mimeType=text%2Fhtml", "size=" + (11L << 20) + "&mimeType=image%2Fpng"}) {
            String badBody = "key=" + URLEncoder.encode(issued, StandardCharsets.UTF_8) + "&" + bad;
            ApiClient.Response r = api.post(path, null, badBody, Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "authorization", OssCallbackKeys.sign(path, badBody), "x-oss-pub-key-url",
                    OssCallbackKeys.pubKeyUrlHeader()));
            assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        }
        assertThat(count(issued)).isZero();
    }

    @Test
    void ossCallbackWithABadSignatureIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair attacker = generator.generateKeyPair();
        String body = "key=r%2F1%2Fimage%2F20261129%2F" + UUID.randomUUID().toString().replace("-", "") + ".png&size=10&mimeType=image%2Fpng";
        Signature signer = Signature.getInstance("MD5withRSA");
        signer.initSign(attacker.getPrivate());
        signer.update(("/api/v1/media/oss-callback\n" + body).getBytes(StandardCharsets.UTF_8));
        String authorization = Base64.getEncoder().encodeToString(signer.sign());
        // the attacker's key is not on Aliyun's key host
        String pubKeyUrl = Base64.getEncoder().encodeToString("https://attacker.example.com/key.pem".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response forged = api.post("/api/v1/media/oss-callback", null, body,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "authorization", authorization,
                        "x-oss-pub-key-url", pubKeyUrl));
        assertProblem(forged, 403, "MEDIA_CALLBACK_REJECTED");
        ApiClient.Response unsigned = api.postRaw("/api/v1/media/oss-callback", null,
                "application/x-www-form-urlencoded", body);
        assertProblem(unsigned, 403, "MEDIA_CALLBACK_REJECTED");
    }

    @Test
    void ossCallbackSignedWithAliyunsKeyIsAcceptedAndRecordedOnce() {
        JsonNode login = Logins.newResident(api);
        String trace = "trace-" + UUID.randomUUID();
        ContentSecurityFake.mediaCheckAccepted(trace);
        String key = api.post("/api/v1/media/upload-policy", login.path("accessToken").asString(),
                "{\"purpose\":\"RESIDENT_IMAGE\",\"contentType\":\"image/png\"}").json().path("key").asString();
        // OSS's callbackBody template key=${object}&size=${size}&mimeType=${mimeType}, form-encoded
        String body = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&size=2048&mimeType=image%2Fpng";
        String path = "/api/v1/media/oss-callback?src=oss";
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded",
                "authorization", OssCallbackKeys.sign(path, body),
                "x-oss-pub-key-url", OssCallbackKeys.pubKeyUrlHeader());

        ApiClient.Response accepted = api.post(path, null, body, headers);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("key").asString()).isEqualTo(key);
        assertThat(accepted.json().path("size").asLong()).isEqualTo(2048);
        assertThat(accepted.json().path("checkStatus").asString()).isEqualTo("PENDING");
        assertThat(count(key)).isEqualTo(1);
        // OSS retries callbacks: a replay is answered the same and records nothing new.
        ApiClient.Response replay = api.post(path, null, body, headers);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("key").asString()).isEqualTo(key);
        assertThat(count(key)).isEqualTo(1);
        assertThat(WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo("/wxa/media_check_async")))).hasSize(1);
        // The key fetched once is cached; a signature over another body does not verify.
        String other = body.replace("size=2048", "size=4096");
        assertProblem(api.post(path, null, other, headers), 403, "MEDIA_CALLBACK_REJECTED");
        assertThat(OssCallbackKeys.server().findAll(getRequestedFor(urlPathEqualTo(OssCallbackKeys.KEY_PATH))))
                .hasSize(1);
        WeChatFake.reset();
    }

    @Test
    void ossCallbackKeyHostMustBeAllowedExactly() {
        String key = "s/1/content-image/20261129/" + UUID.randomUUID().toString().replace("-", "") + ".png";
        String body = "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&size=10&mimeType=image%2Fpng";
        String path = "/api/v1/media/oss-callback";
        String authorization = OssCallbackKeys.sign(path, body);
        // the right key, but served from a host that only looks like an allowed one
        for (String url : new String[] {"http://" + OssCallbackKeys.host() + OssCallbackKeys.KEY_PATH,
                "https://" + OssCallbackKeys.host() + ".evil.example" + OssCallbackKeys.KEY_PATH,
                "http://user@" + OssCallbackKeys.host() + OssCallbackKeys.KEY_PATH,
                "file:///etc/passwd", "http://gosspublic.alicdn.com.evil.example/key.pem"}) {
            ApiClient.Response r = api.post(path, null, body, Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "authorization", authorization, "x-oss-pub-key-url",
                    Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8))));
            assertProblem(r, 403, "MEDIA_CALLBACK_REJECTED");
        }
        assertThat(count(key)).isZero();
    }

    private long count(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM media_object WHERE object_key = ?", Long.class, key);
    }

    private HttpResponse<String> upload(JsonNode policy, byte[] file) throws Exception {
        String boundary = "----kepu" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, JsonNode> field : policy.path("fields").properties()) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue().asString() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(policy.path("host").asString()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
