package cn.yunxi.kepu.event;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import cn.yunxi.kepu.KepuApplication;

/**
 * A second, separately started server instance on its own random port, with the same settings as the test
 * context (same database, Redis, secrets): what two pods behind a load balancer are.
 */
final class TwoInstances {

    private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.data.redis.url", "kepu.wechat.api-base-url", "kepu.wechat.timeout",
            "kepu.wechat.max-retries", "kepu.token.secret", "kepu.data-key", "kepu.bootstrap-admin.username",
            "kepu.bootstrap-admin.password", "kepu.demo-data.visible", "kepu.jobs.scheduled");

    private static ConfigurableApplicationContext second;

    private TwoInstances() {
    }

    /** Starts the second instance once per test JVM (stopped at JVM exit); returns its port. */
    static synchronized int secondPort(Environment first) {
        if (second == null) {
            // As command-line arguments: they outrank application.yml, as the test context's own settings do.
            List<String> args = new ArrayList<>();
            for (String key : SHARED) {
                args.add("--" + key + "=" + first.getProperty(key, ""));
            }
            args.add("--server.port=0");
            second = new SpringApplicationBuilder(KepuApplication.class).run(args.toArray(String[]::new));
            Runtime.getRuntime().addShutdownHook(new Thread(second::close));
        }
        return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }
}
