package cn.yunxi.kepu.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WeChat's message push (消息推送, JSON, plaintext mode) as WeChat sends it: the body in the documented shape, and
 * {@code signature} = sha1 of the token, timestamp and nonce sorted and joined, in the query string.
 */
public final class WechatPushes {

    /** The push token the application under test is configured with (see {@link TestEnginesInitializer}). */
    public static final String TOKEN = "push" + HexFormat.of().formatHex(randomBytes());

    private WechatPushes() {
    }

    public static String signature(String token, String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documented wxa_media_check push (version 2). */
    public static String mediaCheckBody(String traceId, String suggest, int label) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ToUserName", "gh_38cc49f9733b");
        body.put("FromUserName", "oH1fu0FdHqpToe2T6gBj0WyB8iS1");
        body.put("CreateTime", 1764380000);
        body.put("MsgType", "event");
        body.put("Event", "wxa_media_check");
        body.put("appid", "wx-test");
        body.put("trace_id", traceId);
        body.put("version", 2);
        body.put("detail", List.of(Map.of("strategy", "content_model", "errcode", 0, "suggest", suggest,
                "label", label, "prob", 90)));
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.put("result", Map.of("suggest", suggest, "label", label));
        return ApiClient.json(body);
    }

    /** Posts a push signed with {@code token} (use {@link #TOKEN} for a genuine one). */
    public static ApiClient.Response post(ApiClient api, String token, String body) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE);
        String query = "?signature=" + signature(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
        return api.post("/api/v1/wechat/push" + query, null, body);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
