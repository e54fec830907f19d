package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.Pages;
import tools.jackson.databind.JsonNode;

/** Reads the seeded plan's figures through the API, as the dashboard does. */
final class PlanFixture {

    /** 2025-06-15 10:00 in Shanghai: inside the 2022–2025 plan period. */
    static final Instant MID_2025 = Instant.parse("2025-06-15T02:00:00Z");

    private final ApiClient api;
    private final String token;

    PlanFixture(ApiClient api, String token) {
        this.api = api;
        this.token = token;
    }

    long seededPlanId() {
        for (JsonNode p : api.get("/api/admin/v1/plans", token).json()) {
            if ("YUNXI-2022-2025".equals(p.path("code").asString())) {
                return p.path("id").asLong();
            }
        }
        throw new AssertionError("seeded plan missing");
    }

    JsonNode dashboard() {
        Response r = api.get("/api/admin/v1/plans/" + seededPlanId() + "/dashboard", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode figure(String code) {
        return figureIn(dashboard(), code);
    }

    /** The figure of {@code code} on the dashboard of any plan. */
    static JsonNode figure(ApiClient api, String token, long planId, String code) {
        Response r = api.get("/api/admin/v1/plans/" + planId + "/dashboard", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return figureIn(r.json(), code);
    }

    private static JsonNode figureIn(JsonNode dashboard, String code) {
        for (JsonNode f : dashboard.path("indicators")) {
            if (code.equals(f.path("code").asString())) {
                return f;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    /**
     * A plan of a test's own (its figures are not shared with other tests), with a code starting {@code codePrefix};
     * returns the created plan's detail.
     */
    static JsonNode newPlan(ApiClient api, String token, String codePrefix, String periodStart, String periodEnd,
                            List<Map<String, Object>> sections) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", codePrefix + "-" + System.nanoTime() % 10_000_000);
        body.put("name", "测试规划 " + codePrefix);
        body.put("issuingBody", "岳阳市云溪区人民政府办公室");
        body.put("periodStart", periodStart);
        body.put("periodEnd", periodEnd);
        body.put("sections", sections);
        Response created = api.post("/api/admin/v1/plans", token, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    double value(String code) {
        return figure(code).path("value").asDouble();
    }

    long id(String code) {
        return figure(code).path("id").asLong();
    }

    /** Walks every page of the drill-down and returns the sum of what the rows count. */
    long drillDownSum(String code) {
        return drillDownRows(code).stream().mapToLong(row -> row.path("counts").asLong()).sum();
    }

    /** Every row of the drill-down (shared with every other test's records), page by page. */
    List<JsonNode> drillDownRows(String code) {
        return Pages.all(api, "/api/admin/v1/indicators/" + id(code) + "/records", token);
    }

    JsonNode drillDown(String code) {
        return api.get("/api/admin/v1/indicators/" + id(code) + "/records?size=100", token).json();
    }

    static double breakdown(JsonNode figure, String field, String code) {
        for (JsonNode b : figure.path(field)) {
            if (code.equals(b.path("code").asString())) {
                return b.path("value").asDouble();
            }
        }
        return 0;
    }
}
