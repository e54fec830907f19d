package cn.yunxi.kepu.support;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A second instance of the application that reaches Redis or MariaDB through a {@link FaultProxy} the test breaks. */
public final class ProxiedInstance implements AutoCloseable {

    private final FaultProxy proxy;
    private final ConfigurableApplicationContext instance;

    private ProxiedInstance(FaultProxy proxy, ConfigurableApplicationContext instance) {
        this.proxy = proxy;
        this.instance = instance;
    }

    /**
     * Redis through the proxy (same Redis database as the test context), MariaDB direct; {@code overrides} are
     * further {@code key=value} settings of that instance.
     */
    public static ProxiedInstance toRedis(Environment first, String... overrides) throws IOException {
        URI redis = URI.create(first.getProperty("spring.data.redis.url"));
        FaultProxy proxy = new FaultProxy(redis.getHost(), redis.getPort());
        String[] settings = new String[overrides.length + 1];
        settings[0] = "spring.data.redis.url=redis://127.0.0.1:" + proxy.port() + redis.getPath();
        System.arraycopy(overrides, 0, settings, 1, overrides.length);
        return start(proxy, first, settings);
    }

    /** MariaDB through the proxy (same database as the test context), Redis direct. */
    public static ProxiedInstance toDatabase(Environment first) throws IOException {
        String url = first.getProperty("spring.datasource.url");
        Matcher hostPort = Pattern.compile("^jdbc:\\w+://([^:/]+):(\\d+)/").matcher(url);
        if (!hostPort.find()) {
            throw new IllegalStateException("not a host:port JDBC URL: " + url);
        }
        FaultProxy proxy = new FaultProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
        return start(proxy, first, "spring.datasource.url="
                + url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"));
    }

    private static ProxiedInstance start(FaultProxy proxy, Environment first, String... overrides) {
        try {
            return new ProxiedInstance(proxy, ExtraInstance.start(first, overrides));
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
    }

    public FaultProxy proxy() {
        return proxy;
    }

    public ConfigurableApplicationContext context() {
        return instance;
    }

    public ApiClient api() {
        return new ApiClient(ExtraInstance.port(instance));
    }

    /**
     * Waits until this instance's own Redis template answers again: no restart, at most its pause (or another
     * caller's probe) plus a reconnect later.
     */
    public void awaitRedis() throws InterruptedException {
        StringRedisTemplate template = instance.getBean(StringRedisTemplate.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (true) {
            try {
                template.opsForValue().get("kepu:probe");
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("Redis not used again within 45 s", e);
                }
                Thread.sleep(250);
            }
        }
    }

    @Override
    public void close() {
        instance.close();
        proxy.close();
    }
}
