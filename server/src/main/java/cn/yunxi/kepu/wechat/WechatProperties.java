package cn.yunxi.kepu.wechat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiBaseUrl WeChat's API host; tests, the local run and staging point it at a stand-in
 * @param timeout    read timeout for one WeChat call; a resident waits this long at most
 * @param maxRetries WxJava's own retries when WeChat answers -1 (system busy)
 */
@ConfigurationProperties("kepu.wechat")
record WechatProperties(String appid, String secret, String apiBaseUrl, Duration timeout, Integer maxRetries) {

    WechatProperties {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.weixin.qq.com" : apiBaseUrl;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        maxRetries = maxRetries == null ? 1 : maxRetries;
    }
}
