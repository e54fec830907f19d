package cn.yunxi.kepu.base;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Participations;
import tools.jackson.databind.JsonNode;

/** The base registry, residents' list by distance, geofenced check-in, and the bases indicator. */
@KepuIntegrationTest
class BasesIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        clock.pin(Instant.parse("2025-06-15T02:00:00Z"));
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response create(String name, String type, String level, String accredited, double lat, double lng) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("level", level);
        body.put("accreditedOn", accredited);
        body.put("regionCode", "430603100201");
        body.put("address", "陆城镇");
        body.put("latitude", lat);
        body.put("longitude", lng);
        body.put("geofenceMeters", 300);
        body.put("openingHours", "周二至周日 9:00-17:00");
        body.put("contactName", "基地办公室");
        body.put("contactPhone", "0730-0000000");
        body.put("photoKeys", java.util.List.of("media/base-1.jpg"));
        return api.post("/api/admin/v1/bases", admin, ApiClient.json(body));
    }

    private JsonNode basesFigure() {
        long planId = 0;
        for (JsonNode p : api.get("/api/admin/v1/plans", admin).json()) {
            if ("YUNXI-2022-2025".equals(p.path("code").asString())) {
                planId = p.path("id").asLong();
            }
        }
        for (JsonNode f : api.get("/api/admin/v1/plans/" + planId + "/dashboard", admin).json().path("indicators")) {
            if ("NEW_DISTRICT_BASES".equals(f.path("code").asString())) {
                return f;
            }
        }
        throw new AssertionError("no NEW_DISTRICT_BASES");
    }

    @Test
    void districtBasesAccreditedInThePeriodCountAndResidentsCheckInOnSite() {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        double before = basesFigure().path("value").asDouble();
        Response counted = create("白泥湖湿地科普基地" + tag, "TOURISM_EDUCATION", "DISTRICT", "2024-05-01", 29.4700, 113.2700);
        assertThat(counted.status()).as(counted.toString()).isEqualTo(201);
        assertThat(create("长岭炼化科普基地" + tag, "DEMONSTRATION", "CITY", "2024-05-01", 29.50, 113.30).status()).isEqualTo(201);
        assertThat(create("区图书馆科普角" + tag, "EDUCATION", "DISTRICT", "2024-05-01", 29.52, 113.31).status()).isEqualTo(201);
        assertThat(create("老科普示范基地" + tag, "DEMONSTRATION", "DISTRICT", "2021-12-31", 29.53, 113.32).status()).isEqualTo(201);
        assertProblem(create("白泥湖湿地科普基地" + tag, "TOURISM_EDUCATION", "DISTRICT", "2024-05-01", 29.47, 113.27), 409,
                "BASE_NAME_TAKEN");

        JsonNode figure = basesFigure();
        assertThat(figure.path("value").asDouble()).isEqualTo(before + 1);
        long indicatorId = figure.path("id").asLong();
        JsonNode dd = api.get("/api/admin/v1/indicators/" + indicatorId + "/records?size=100", admin).json();
        assertThat(dd.path("total").asLong()).isEqualTo((long) figure.path("value").asDouble());

        // residents see the nearest first
        String resident = Logins.residentToken(api);
        JsonNode list = api.get("/api/v1/bases?lat=29.4710&lng=113.2700&size=100", resident).json();
        assertThat(list.path("items").get(0).path("name").asString()).isEqualTo("白泥湖湿地科普基地" + tag);
        assertThat(list.path("items").get(0).path("distanceMeters").asDouble()).isBetween(100.0, 125.0);

        long baseId = counted.json().path("id").asLong();
        Response far = api.post("/api/v1/bases/" + baseId + "/check-ins", resident,
                ApiClient.json(Map.of("latitude", 29.4800, "longitude", 113.2700)));
        assertProblem(far, 422, "TOO_FAR");
        Response near = api.post("/api/v1/bases/" + baseId + "/check-ins", resident,
                ApiClient.json(Map.of("latitude", 29.4710, "longitude", 113.2700)));
        assertThat(near.status()).as(near.toString()).isEqualTo(201);
        assertProblem(api.post("/api/v1/bases/" + baseId + "/check-ins", resident,
                ApiClient.json(Map.of("latitude", 29.4705, "longitude", 113.2700))), 409, "ALREADY_CHECKED_IN");

        new Participations(events, transactions, jdbc).awaitListeners();
        assertThat(jdbc.queryForObject("SELECT kind FROM participation_record WHERE record_key = ?", String.class,
                "base-visit:" + near.json().path("id").asLong())).isEqualTo("BASE_VISIT");

        // a withdrawn accreditation no longer counts
        assertThat(api.post("/api/admin/v1/bases/" + baseId + "/withdraw", admin, "{}").status()).isEqualTo(200);
        assertThat(basesFigure().path("value").asDouble()).isEqualTo(before);
        assertProblem(api.post("/api/admin/v1/bases", resident, "{}"), 403, "FORBIDDEN");
    }
}
