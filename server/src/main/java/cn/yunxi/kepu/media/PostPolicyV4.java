package cn.yunxi.kepu.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aliyun OSS PostObject with the V4 signature: a JSON policy (expiration and conditions, including the V4 fields
 * x-oss-signature-version, x-oss-credential and x-oss-date), base64-encoded as the string to sign, signed with
 * HMAC-SHA256 under a key derived from the secret, the date, the region, "oss" and "aliyun_v4_request".
 * The local adapter signs and checks its own upload forms the same way, so both adapters share one contract.
 */
final class PostPolicyV4 {

    static final String ALGORITHM = "OSS4-HMAC-SHA256";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String region;
    private final JsonMapper json;

    PostPolicyV4(String accessKeyId, String accessKeySecret, String region, JsonMapper json) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.region = region;
        this.json = json;
    }

    /** The form fields for {@code request}, signed at {@code now}. */
    Map<String, String> sign(UploadPolicyRequest request, String bucket, Instant now) {
        String credential = accessKeyId + "/" + DAY.format(now) + "/" + region + "/oss/aliyun_v4_request";
        String date = STAMP.format(now);

        List<Object> conditions = new ArrayList<>();
        if (bucket != null) {
            conditions.add(Map.of("bucket", bucket));
        }
        conditions.add(Map.of("x-oss-signature-version", ALGORITHM));
        conditions.add(Map.of("x-oss-credential", credential));
        conditions.add(Map.of("x-oss-date", date));
        // Exactly the key and type issued: a prefix would let the client pick the purpose directory under it.
        conditions.add(List.of("eq", "$key", request.key()));
        conditions.add(List.of("content-length-range", 1, request.maxBytes()));
        conditions.add(List.of("eq", "$content-type", request.contentType()));
        if (request.callbackUrl() != null) {
            conditions.add(Map.of("success_action_status", "200"));
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("expiration", EXPIRATION.format(request.expiresAt()));
        policy.put("conditions", conditions);
        String encodedPolicy = Base64.getEncoder()
                .encodeToString(json.writeValueAsString(policy).getBytes(StandardCharsets.UTF_8));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", request.key());
        fields.put("policy", encodedPolicy);
        fields.put("x-oss-signature-version", ALGORITHM);
        fields.put("x-oss-credential", credential);
        fields.put("x-oss-date", date);
        fields.put("x-oss-signature", signature(encodedPolicy, now));
        fields.put("Content-Type", request.contentType());
        fields.put("success_action_status", "200");
        return fields;
    }

    /** Hex HMAC-SHA256 of the base64 policy under the key derived for the day of {@code signedAt}. */
    String signature(String encodedPolicy, Instant signedAt) {
        byte[] key = hmac(("aliyun_v4" + accessKeySecret).getBytes(StandardCharsets.UTF_8), DAY.format(signedAt));
        key = hmac(key, region);
        key = hmac(key, "oss");
        key = hmac(key, "aliyun_v4_request");
        return HexFormat.of().formatHex(hmac(key, encodedPolicy));
    }

    /**
     * Checks a submitted form the way OSS does (used by the local adapter): signature, expiry, and the
     * key/type/size conditions. Returns the decoded conditions' verdict as an error message, or null when valid.
     */
    String verify(Map<String, String> form, long size, Instant now) {
        String encodedPolicy = form.get("policy");
        String date = form.get("x-oss-date");
        if (encodedPolicy == null || date == null || !ALGORITHM.equals(form.get("x-oss-signature-version"))) {
            return "missing policy fields";
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(STAMP.parse(date));
        } catch (RuntimeException e) {
            return "bad x-oss-date";
        }
        String expected = signature(encodedPolicy, signedAt);
        String given = form.getOrDefault("x-oss-signature", "");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            return "signature mismatch";
        }
        JsonNode policy;
        try {
            policy = json.readTree(Base64.getDecoder().decode(encodedPolicy));
        } catch (RuntimeException e) {
            return "bad policy";
        }
        Instant expiration = Instant.from(EXPIRATION.parse(policy.path("expiration").asString()));
        if (!now.isBefore(expiration)) {
            return "policy expired";
        }
        String key = form.getOrDefault("key", "");
        String contentType = form.getOrDefault("Content-Type", "");
        for (JsonNode condition : policy.path("conditions")) {
            if (!condition.isArray()) {
                continue;
            }
            String op = condition.get(0).asString();
            switch (op) {
                case "eq" -> {
                    String field = condition.get(1).asString();
                    String wanted = condition.get(2).asString();
                    if (field.equals("$key") && !key.equals(wanted)) {
                        return "key is not the issued key";
                    }
                    if (field.equals("$content-type") && !contentType.equalsIgnoreCase(wanted)) {
                        return "content type not allowed";
                    }
                    if (!field.equals("$key") && !field.equals("$content-type")) {
                        return "unknown eq field " + field;
                    }
                }
                case "content-length-range" -> {
                    if (size < condition.get(1).asLong() || size > condition.get(2).asLong()) {
                        return "size outside the allowed range";
                    }
                }
                case "in" -> {
                    boolean found = false;
                    for (JsonNode allowed : condition.get(2)) {
                        found |= allowed.asString().equalsIgnoreCase(contentType);
                    }
                    if (!found) {
                        return "content type not allowed";
                    }
                }
                default -> {
                    return "unknown condition " + op;
                }
            }
        }
        return null;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
