package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.zaxxer.hikari.HikariDataSource;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.ExtraInstance;
import cn.yunxi.kepu.support.FaultProxy;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;

/**
 * A second instance with {@code kepu.datasource.replica.url} set to a distinct JDBC URL: the same database reached
 * through a fault proxy, standing in for a read replica (its pool is read-only, so the server would refuse any
 * write that reached it). Cutting that link shows which requests read from it: the plan dashboard, the drill-downs
 * and both exports fail with 503, while writes (including a snapshot, which computes the very same figures inside
 * its write transaction) and every other read, read-only transactions included, answer from the primary. With the link back, no restart is needed.
 */
@KepuIntegrationTest
class ReadReplicaIT {

    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void dashboardDrillDownAndExportsReadTheReplicaAndWritesNeverDo() throws Exception {
        String primary = environment.getProperty("spring.datasource.url");
        Matcher hostPort = Pattern.compile("^jdbc:\\w+://([^:/]+):(\\d+)/").matcher(primary);
        assertThat(hostPort.find()).as(primary).isTrue();
        try (FaultProxy replicaLink = new FaultProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
             ConfigurableApplicationContext instance = ExtraInstance.start(environment, "kepu.datasource.replica.url="
                     + primary.replaceFirst("//[^/]+/", "//127.0.0.1:" + replicaLink.port() + "/"))) {
            // unset (this test context), the data source is Boot's pool as it always was; set, it routes
            assertThat(dataSource).isInstanceOf(HikariDataSource.class);
            assertThat(instance.getBean(DataSource.class)).isInstanceOf(LazyConnectionDataSourceProxy.class);
            ApiClient api = new ApiClient(ExtraInstance.port(instance));
            String admin = Logins.districtAdminToken(api);
            PlanFixture plans = new PlanFixture(api, admin);
            long planId = plans.seededPlanId();
            long indicatorId = plans.id("FARMER_TECH_STAFF_TRAINED");
            List<String> replicaReads = List.of("/api/admin/v1/plans/" + planId + "/dashboard",
                    "/api/admin/v1/indicators/" + indicatorId + "/records?size=20",
                    "/api/admin/v1/indicators/" + indicatorId + "/records.xlsx",
                    "/api/admin/v1/plans/" + planId + "/indicator-report.xlsx");
            for (String path : replicaReads) {
                assertThat(api.get(path, admin).status()).as(path).isEqualTo(200);
            }

            replicaLink.reset();
            for (String path : replicaReads) {
                Response r = api.get(path, admin);
                assertThat(r.status()).as("read from the replica: " + path).isEqualTo(503);
                assertThat(r.header("Retry-After")).isNotNull();
            }
            // writes, and the reads that are not staff reports, go to the primary
            long ownPlan = PlanFixture.newPlan(api, admin, "REPLICA", "2026-01-01", "2026-12-31", List.of(Map.of(
                    "code", "FARMER", "kind", "ACTION", "name", "农民科学素质提升行动",
                    "leadUnitIds", List.of(StaffAccounts.unitId(jdbc, "NYNCJ"))))).path("id").asLong();
            Response snapshot = api.post("/api/admin/v1/plans/" + ownPlan + "/snapshots", admin,
                    ApiClient.json(Map.of("month", "2026-01")));
            assertThat(snapshot.status()).as(snapshot.toString()).isEqualTo(201);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_snapshot WHERE plan_id = ?", Integer.class,
                    ownPlan)).isEqualTo(1);
            assertThat(api.get("/api/admin/v1/plans", admin).status()).isEqualTo(200);
            // other read-only transactions (a resident's emergency notices) are not reports: they stay on the primary
            assertThat(api.get("/api/v1/emergencies/active", Logins.residentToken(api)).status()).isEqualTo(200);
            assertThat(api.get("/api/admin/v1/plans/" + ownPlan + "/snapshots", admin).status()).isEqualTo(200);

            // Connections the reset cut may still sit in the replica's pool; each is found dead on its next use,
            // answered as a 503 and evicted, so the reports come back by themselves within a bound, not a restart.
            replicaLink.heal();
            for (String path : replicaReads) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                Response after = api.get(path, admin);
                while (after.status() == 503 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    after = api.get(path, admin);
                }
                assertThat(after.status()).as("replica back: " + path + " " + after).isEqualTo(200);
            }
        }
    }
}
