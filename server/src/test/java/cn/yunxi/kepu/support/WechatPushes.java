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
 * WeChat's message push (消息推送, JSON, safe mode) as WeChat sends it: the documented event, AES-encrypted with the
 * EncodingAESKey into {@code {"ToUserName", "Encrypt"}}; in the query string {@code msg_signature} = sha1 of the
 * token, timestamp, nonce and the ciphertext sorted and joined (so it covers the body), {@code signature} = the same
 * without the ciphertext, and {@code encrypt_type=aes}. The encryption is WxJava's, as WeChat documents it.
 */
public final class WechatPushes {

    /** The push token the application under test is configured with (see {@link TestEnginesInitializer}). */
    public static final String TOKEN = "push" + HexFormat.of().formatHex(randomBytes());
    /** The EncodingAESKey (43 characters of base64 without padding) the application under test is configured with. */
    public static final String AES_KEY = java.util.Base64.getEncoder().withoutPadding()
            .encodeToString(randomBytes(32)).substring(0, 43);
    public static final String APPID = "wx-test";

    private WechatPushes() {
    }

    public static String signature(String... values) {
        String[] parts = values.clone();
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

    /** Posts a push in safe mode signed with {@code token} (use {@link #TOKEN} for a genuine one), sent now. */
    public static ApiClient.Response post(ApiClient api, String token, String body) {
        return post(api, token, body, System.currentTimeMillis() / 1000);
    }

    /** As {@link #post(ApiClient, String, String)}, stamped {@code epochSecond}. */
    public static ApiClient.Response post(ApiClient api, String token, String body, long epochSecond) {
        String encrypted = encrypt(body);
        String timestamp = Long.toString(epochSecond);
        String nonce = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE);
        return postEncrypted(api, encrypted, signature(token, timestamp, nonce, encrypted), signature(token, timestamp, nonce),
                timestamp, nonce);
    }

    /** A safe-mode push with the given parts as they are (for forged or replayed ones). */
    public static ApiClient.Response postEncrypted(ApiClient api, String encrypted, String msgSignature, String signature,
                                                   String timestamp, String nonce) {
        String query = "?signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&encrypt_type=aes&msg_signature=" + msgSignature;
        return api.post("/api/v1/wechat/push" + query, null,
                ApiClient.json(Map.of("ToUserName", "gh_38cc49f9733b", "Encrypt", encrypted)));
    }

    /** The ciphertext WeChat would send for {@code body}. */
    public static String encrypt(String body) {
        return new me.chanjar.weixin.common.util.crypto.WxCryptUtil(TOKEN, AES_KEY, APPID).encryptContext(body).getEncrypt();
    }

    private static byte[] randomBytes() {
        return randomBytes(16);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
