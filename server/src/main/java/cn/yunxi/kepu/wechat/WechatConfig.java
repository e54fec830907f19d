package cn.yunxi.kepu.wechat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;

/**
 * WxJava, configured by hand (there is no Boot 4 starter). The access token lives in Redis so every server
 * instance shares one, and it is fetched through the stable-token API so one instance refreshing it never
 * invalidates another's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatProperties.class)
class WechatConfig {

    @Bean
    WxMaService wxMaService(WechatProperties properties, StringRedisTemplate redis) {
        WxMaRedisBetterConfigImpl config = new WxMaRedisBetterConfigImpl(new RedisTemplateWxRedisOps(redis), "kepu:wx");
        config.setAppid(blankToPlaceholder(properties.appid()));
        config.setSecret(blankToPlaceholder(properties.secret()));
        config.useStableAccessToken(true);
        config.setApiHostUrl(stripTrailingSlash(properties.apiBaseUrl()));

        config.setApacheHttpClientBuilder(new WechatHttpClient(properties.timeout()));

        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setMaxRetryTimes(properties.maxRetries());
        service.setRetrySleepMillis(300);
        return service;
    }

    // Outside prod the appid may be unset (the local stand-in ignores it); WxJava still wants a value.
    private static String blankToPlaceholder(String value) {
        return value == null || value.isBlank() ? "unset" : value;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
