package cn.yunxi.kepu.wechat;

/**
 * Who logged in, from code2Session. WeChat's {@code session_key} is deliberately absent: it never leaves
 * {@link WechatClient} (this product needs no client-side encrypted data), so it cannot leak through a DTO or
 * a log line.
 */
public record WechatSession(String openid, String unionid) {

    @Override
    public String toString() {
        return "WechatSession[openid=***]";
    }
}
