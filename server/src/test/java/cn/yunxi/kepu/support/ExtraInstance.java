package cn.yunxi.kepu.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import cn.yunxi.kepu.KepuApplication;

/**
 * Another instance of the application, started from {@code main} on a random port with the test context's settings
 * (same database, Redis, WeChat fake and secrets, so its tokens work here and back), plus the overrides a test needs:
 * another pod behind the same proxy. The caller closes it.
 */
public final class ExtraInstance {

    private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.data.redis.url", "kepu.wechat.api-base-url", "kepu.wechat.timeout",
            "kepu.wechat.max-retries", "kepu.token.secret", "kepu.data-key", "kepu.bootstrap-admin.username",
            "kepu.bootstrap-admin.password", "kepu.demo-data.visible", "kepu.jobs.scheduled",
            "kepu.content.public-base-url");

    private ExtraInstance() {
    }

    /** Starts it; each override is {@code key=value} and wins over the copied settings. */
    public static ConfigurableApplicationContext start(Environment first, String... overrides) {
        // one value per key: a repeated command-line argument would become a list ("false,true")
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : SHARED) {
            settings.put(key, first.getProperty(key, ""));
        }
        settings.put("server.port", "0");
        // the test context owns the event publications of the shared database
        settings.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
        for (String override : overrides) {
            int eq = override.indexOf('=');
            settings.put(override.substring(0, eq), override.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(KepuApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }
}
