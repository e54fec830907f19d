package cn.yunxi.kepu.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMediaAsyncCheckResult;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import cn.yunxi.kepu.common.web.ApiException;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeChat's content security: {@code msgSecCheck} v2 for text residents write, {@code mediaCheckAsync} v2 for images
 * they upload (the verdict arrives later as the {@code wxa_media_check} push, see {@link WechatPushController}),
 * and the signature check of those pushes. Failures come out as {@link ApiException}s (WECHAT_*).
 */
@Component
@EnableConfigurationProperties(WechatContentSecurity.PushProperties.class)
public class WechatContentSecurity {

    /** msgSecCheck/mediaCheckAsync scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
    public static final int SCENE_PROFILE = 1;
    public static final int SCENE_COMMENT = 2;

    private final WxMaService wx;
    private final PushProperties push;
    private final Clock clock;

    WechatContentSecurity(WxMaService wx, PushProperties push, Clock clock) {
        this.wx = wx;
        this.push = push;
        this.clock = clock;
    }

    /**
     * msgSecCheck v2.
     *
     * @return WeChat's verdict: suggest is {@code pass}, {@code review} or {@code risky}
     */
    public TextVerdict checkText(String openid, String content, int scene) {
        WxMaMsgSecCheckCheckRequest request = WxMaMsgSecCheckCheckRequest.builder()
                .version("2").openid(openid).scene(scene).content(content).build();
        WxMaMsgSecCheckCheckResponse response = WechatCalls.call("msg_sec_check", WechatErrors.WECHAT_FAILED,
                () -> wx.getSecurityService().checkMessage(request));
        if (response == null || response.getResult() == null || response.getResult().getSuggest() == null) {
            throw new ApiException(WechatErrors.WECHAT_FAILED);
        }
        Integer label = null;
        try {
            label = response.getResult().getLabel() == null ? null : Integer.valueOf(response.getResult().getLabel());
        } catch (NumberFormatException ignored) {
            // label is informative only
        }
        return new TextVerdict(response.getResult().getSuggest(), label, response.getTraceId());
    }

    /**
     * mediaCheckAsync v2 for an image WeChat can fetch at {@code mediaUrl}.
     *
     * @return the trace_id the {@code wxa_media_check} push will carry
     */
    public String checkImageAsync(String mediaUrl, String openid, int scene) {
        WxMaMediaSecCheckCheckRequest request = WxMaMediaSecCheckCheckRequest.builder()
                .mediaUrl(mediaUrl).mediaType(2).version(2).openid(openid).scene(scene).build();
        WxMaMediaAsyncCheckResult result = WechatCalls.call("media_check_async", WechatErrors.WECHAT_FAILED,
                () -> wx.getSecurityService().mediaCheckAsync(request));
        if (result == null || result.getTraceId() == null || result.getTraceId().isBlank()) {
            throw new ApiException(WechatErrors.WECHAT_FAILED);
        }
        return result.getTraceId();
    }

    /** Whether a push's timestamp (epoch seconds) is within the freshness window of now, either way. */
    boolean pushFresh(String timestamp) {
        try {
            long sent = Long.parseLong(timestamp);
            return Math.abs(clock.instant().getEpochSecond() - sent) <= push.maxAge().toSeconds();
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    /**
     * A safe-mode push opened with WxJava's message crypto: {@code msgSignature} must be sha1 of the token, timestamp,
     * nonce and the ciphertext (so it covers the body), the ciphertext must decrypt with the EncodingAESKey and name
     * this app. Empty when any of that fails, or when no key is configured (plaintext pushes are never accepted).
     */
    Optional<String> openPush(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (push.token() == null || push.token().isBlank() || push.aesKey() == null || push.aesKey().isBlank()
                || msgSignature == null || timestamp == null || nonce == null || encrypted == null) {
            return Optional.empty();
        }
        try {
            WxCryptUtil crypt = new WxCryptUtil(push.token(), push.aesKey(), wx.getWxMaConfig().getAppid());
            return Optional.of(crypt.decryptContent(msgSignature, timestamp, nonce, encrypted));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The message-push signature: sha1 of token, timestamp and nonce sorted and joined. */
    boolean pushSignatureValid(String signature, String timestamp, String nonce) {
        if (push.token() == null || push.token().isBlank() || signature == null || timestamp == null || nonce == null) {
            return false;
        }
        String[] parts = {push.token(), timestamp, nonce};
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII),
                    signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record TextVerdict(String suggest, Integer label, String traceId) {

        public boolean pass() {
            return "pass".equals(suggest);
        }

        public boolean risky() {
            return "risky".equals(suggest);
        }
    }

    /** @param token the 消息推送 Token configured in the mini-program console (plaintext/JSON mode) */
    @ConfigurationProperties("kepu.wechat.push")
    /**
     * @param token  the message-push Token
     * @param aesKey the EncodingAESKey of safe mode (安全模式); without it no push is accepted
     * @param maxAge how far a push's timestamp may be from now (default 5 minutes): an old push replayed is refused
     */
    record PushProperties(String token, String aesKey, Duration maxAge) {
        PushProperties {
            maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
        }
    }
}
