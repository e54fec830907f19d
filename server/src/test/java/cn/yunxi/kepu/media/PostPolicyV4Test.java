package cn.yunxi.kepu.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The V4 POST signature, checked against an independent computation written from Aliyun's documentation. */
class PostPolicyV4Test {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void signatureMatchesTheDocumentedAlgorithm() throws Exception {
        PostPolicyV4 signer = new PostPolicyV4("LTAI-test-id", "test-secret", "cn-hangzhou", JSON);
        Instant now = Instant.parse("2026-11-29T03:04:05Z");
        UploadPolicyRequest request = new UploadPolicyRequest("r/7/image/20261129/abc.jpg", "image/jpeg", 10L << 20,
                now.plusSeconds(600), null);

        Map<String, String> fields = signer.sign(request, "kepu-bucket", now);

        assertThat(fields.get("x-oss-signature-version")).isEqualTo("OSS4-HMAC-SHA256");
        assertThat(fields.get("x-oss-credential")).isEqualTo("LTAI-test-id/20261129/cn-hangzhou/oss/aliyun_v4_request");
        assertThat(fields.get("x-oss-date")).isEqualTo("20261129T030405Z");
        // Documented: SigningKey = HMAC(HMAC(HMAC(HMAC("aliyun_v4" + secret, date), region), "oss"), "aliyun_v4_request");
        // Signature = hex(HMAC(SigningKey, base64(policy))).
        byte[] key = hmac(("aliyun_v4" + "test-secret").getBytes(StandardCharsets.UTF_8), "20261129");
        key = hmac(key, "cn-hangzhou");
        key = hmac(key, "oss");
        key = hmac(key, "aliyun_v4_request");
        String expected = java.util.HexFormat.of().formatHex(hmac(key, fields.get("policy")));
        assertThat(fields.get("x-oss-signature")).isEqualTo(expected);

        JsonNode policy = JSON.readTree(Base64.getDecoder().decode(fields.get("policy")));
        assertThat(policy.path("expiration").asString()).isEqualTo("2026-11-29T03:14:05.000Z");
        String conditions = policy.path("conditions").toString();
        assertThat(conditions).contains("{\"bucket\":\"kepu-bucket\"}")
                .contains("[\"eq\",\"$key\",\"r/7/image/20261129/abc.jpg\"]")
                .contains("[\"content-length-range\",1,10485760]")
                .contains("[\"eq\",\"$content-type\",\"image/jpeg\"]")
                .contains("{\"x-oss-credential\":\"LTAI-test-id/20261129/cn-hangzhou/oss/aliyun_v4_request\"}")
                .contains("{\"x-oss-date\":\"20261129T030405Z\"}");
    }

    /** The policy allows exactly the key and the type the server issued, not anything under the owner's prefix. */
    @Test
    void thePolicyPinsTheIssuedKeyAndType() {
        PostPolicyV4 signer = new PostPolicyV4("local", "s3cret", "local", JSON);
        Instant now = Instant.parse("2026-11-29T03:04:05Z");
        Map<String, String> form = new java.util.HashMap<>(signer.sign(new UploadPolicyRequest("r/1/image/20261129/a.png", "image/png", 100,
                now.plusSeconds(600), null), null, now));
        String conditions = JSON.readTree(Base64.getDecoder().decode(form.get("policy"))).path("conditions").toString();
        assertThat(conditions).contains("[\"eq\",\"$key\",\"r/1/image/20261129/a.png\"]")
                .contains("[\"eq\",\"$content-type\",\"image/png\"]").doesNotContain("starts-with");
        Map<String, String> otherPurpose = new java.util.HashMap<>(form);
        otherPurpose.put("key", "r/1/content-image/20261129/a.png");
        assertThat(signer.verify(otherPurpose, 50, now)).contains("issued key");
        Map<String, String> otherType = new java.util.HashMap<>(form);
        otherType.put("Content-Type", "image/jpeg");
        assertThat(signer.verify(otherType, 50, now)).contains("content type");
    }

    @Test
    void verifyRejectsTamperingExpiryAndBrokenConditions() {
        PostPolicyV4 signer = new PostPolicyV4("local", "s3cret", "local", JSON);
        Instant now = Instant.parse("2026-11-29T03:04:05Z");
        Map<String, String> form = new java.util.HashMap<>(signer.sign(new UploadPolicyRequest("r/1/image/20261129/a.png",
                "image/png", 100, now.plusSeconds(600), null), null, now));
        assertThat(signer.verify(form, 50, now.plusSeconds(10))).isNull();
        assertThat(signer.verify(form, 101, now)).contains("size");
        assertThat(signer.verify(form, 50, now.plusSeconds(601))).contains("expired");
        Map<String, String> otherKey = new java.util.HashMap<>(form);
        otherKey.put("key", "r/2/image/20261129/a.png");
        assertThat(signer.verify(otherKey, 50, now)).contains("issued key");
        Map<String, String> otherType = new java.util.HashMap<>(form);
        otherType.put("Content-Type", "text/html");
        assertThat(signer.verify(otherType, 50, now)).contains("content type");
        Map<String, String> forged = new java.util.HashMap<>(form);
        forged.put("x-oss-signature", "0".repeat(64));
        assertThat(signer.verify(forged, 50, now)).contains("signature");
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
