package cn.yunxi.kepu.content;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param iframeHosts     hosts whose embeds (iframe src) rich text may keep, e.g. v.qq.com
 * @param publicBaseUrl   absolute base of the public site (http(s)://host[:port]), for RSS/JSON feed links; never
 *                        derived from a request
 * @param feedCacheTtl    how long a cached feed page lives (also bounds how late an emergency item's expiry or a
 *                        scheduled publication shows)
 * @param itemCacheTtl    how long a cached item lives (its counters may lag this much)
 */
@ConfigurationProperties("kepu.content")
record ContentProperties(List<String> iframeHosts, String publicBaseUrl, Duration feedCacheTtl,
                         Duration itemCacheTtl) {

    ContentProperties {
        iframeHosts = iframeHosts == null ? List.of("v.qq.com", "player.bilibili.com") : List.copyOf(iframeHosts);
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
        if (!publicBaseUrl.matches("https?://[^/\\s?#@]+(/[^\\s?#]*)?")) {
            throw new IllegalStateException("kepu.content.public-base-url (KEPU_PUBLIC_BASE_URL) must be an absolute "
                    + "http(s) address, e.g. https://kepu.yunxi.gov.cn");
        }
        feedCacheTtl = feedCacheTtl == null ? Duration.ofMinutes(2) : feedCacheTtl;
        itemCacheTtl = itemCacheTtl == null ? Duration.ofMinutes(2) : itemCacheTtl;
    }
}
