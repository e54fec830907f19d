package cn.yunxi.kepu.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.yunxi.kepu.KepuApplication;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.EmbeddedEngines;
import cn.yunxi.kepu.support.TestEngines;

/**
 * The application as production runs it (the prod profile, real database and Redis): the API description is not
 * served, and metrics and health are on the management port only, never on the public one.
 */
class ProdEndpointsIT {

    static ConfigurableApplicationContext prod;
    static ApiClient main;
    static ApiClient management;

    @BeforeAll
    static void start() {
        TestEngines.Engines engines = TestEngines.get();
        int managementPort = EmbeddedEngines.freePort();
        prod = new SpringApplicationBuilder(KepuApplication.class).profiles("prod").run(
                "--server.port=0",
                "--KEPU_MANAGEMENT_PORT=" + managementPort,
                "--KEPU_DB_URL=" + engines.jdbcUrl(), "--KEPU_DB_USER=" + engines.user(),
                "--KEPU_DB_PASSWORD=" + engines.password(), "--KEPU_REDIS_URL=" + engines.redisUrl(),
                "--WX_APPID=wx0000000000000000", "--WX_SECRET=test", "--WX_API_BASE_URL=http://127.0.0.1:9",
                "--OSS_ENDPOINT=http://127.0.0.1:9", "--OSS_BUCKET=b", "--OSS_ACCESS_KEY_ID=i",
                "--OSS_ACCESS_KEY_SECRET=s", "--OSS_REGION=cn-changsha",
                "--KEPU_TOKEN_SECRET=" + "t".repeat(48),
                "--KEPU_DATA_KEY=" + Base64.getEncoder().encodeToString(new byte[32]),
                "--KEPU_PUBLIC_BASE_URL=https://kepu.example.gov.cn",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        main = new ApiClient(Integer.parseInt(prod.getEnvironment().getProperty("local.server.port")));
        management = new ApiClient(managementPort);
    }

    @AfterAll
    static void stop() {
        if (prod != null) {
            prod.close();
        }
    }

    @Test
    void theApiDescriptionIsNotServed() {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/index.html"}) {
            ApiClient.Response r = main.get(path, null);
            assertThat(r.status()).as(path + " " + r).isIn(401, 403, 404);
        }
    }

    @Test
    void metricsAndHealthAreOnTheManagementPortOnly() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/info"}) {
            ApiClient.Response r = main.get(path, null);
            assertThat(r.status()).as(path + " " + r).isIn(401, 403, 404);
        }
        ApiClient.Response metrics = management.get("/actuator/prometheus", null);
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
