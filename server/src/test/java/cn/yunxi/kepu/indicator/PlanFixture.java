package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
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
        for (JsonNode f : dashboard().path("indicators")) {
            if (code.equals(f.path("code").asString())) {
                return f;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    double value(String code) {
        return figure(code).path("value").asDouble();
    }

    long id(String code) {
        return figure(code).path("id").asLong();
    }

    /** Walks every page of the drill-down and returns the sum of what the rows count. */
    long drillDownSum(String code) {
        long id = id(code);
        long sum = 0;
        long total = -1;
        for (int page = 1; ; page++) {
            JsonNode dd = api.get("/api/admin/v1/indicators/" + id + "/records?size=100&page=" + page, token).json();
            total = dd.path("total").asLong();
            for (JsonNode row : dd.path("items")) {
                sum += row.path("counts").asLong();
            }
            if ((long) page * 100 >= total) {
                break;
            }
        }
        return sum;
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
