package cn.yunxi.kepu.sciencebase;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
import cn.yunxi.kepu.support.Pages;
import cn.yunxi.kepu.support.Participations;
import cn.yunxi.kepu.support.Uploads;
import tools.jackson.databind.JsonNode;

/** The base registry, residents' list by distance, geofenced check-in, and the bases indicator. */
@KepuIntegrationTest
class ScienceBasesIT {

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
        body.put("photoKeys", java.util.List.of(Uploads.staffMedia(api, admin, "CONTENT_IMAGE", "image/png", Uploads.PNG)));
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
        // (other tests' bases are in the same list: this one is found by name, the order is checked throughout)
        List<JsonNode> list = Pages.all(api, "/api/v1/bases?lat=29.4710&lng=113.2700", resident);
        List<Double> distances = list.stream().map(b -> b.path("distanceMeters").asDouble()).toList();
        assertThat(distances).isSorted();
        JsonNode nearest = list.stream().filter(b -> b.path("name").asString().equals("白泥湖湿地科普基地" + tag))
                .findFirst().orElseThrow();
        assertThat(nearest.path("distanceMeters").asDouble()).isBetween(100.0, 125.0);
        assertThat(list.stream().filter(b -> b.path("name").asString().endsWith(tag)).map(b -> b.path("name").asString())
                .toList()).first().isEqualTo("白泥湖湿地科普基地" + tag);

        long baseId = counted.json().path("id").asLong();
        Response far = api.post("/api/v1/bases/" + baseId + "/check-ins", resident,
                ApiClient.json(Map.of("latitude", 29.4800, "longitude", 113.2700)));
        assertProblem(far, 422, "TOO_FAR");
        assertThat(far.json().path("detail").asString()).contains("不在基地附近").doesNotContainPattern("[0-9]");
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

    /** An elder whose phone refuses location still checks in; the visit counts once staff confirm it. */
    @Test
    void aVisitWithoutAPositionCountsOnlyOnceStaffConfirmIt() {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        long baseId = create("云溪农耕文化科普基地" + tag, "EDUCATION", "DISTRICT", "2024-05-01", 29.4600, 113.2600)
                .json().path("id").asLong();
        String elder = Logins.residentToken(api);
        Response visit = api.post("/api/v1/bases/" + baseId + "/check-ins", elder, "{}");
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
        assertThat(visit.json().path("locationVerified").asBoolean()).isFalse();
        assertThat(visit.json().path("counts").asBoolean()).isFalse();
        assertThat(visit.json().path("distanceMeters").isNull()).isTrue();
        long id = visit.json().path("id").asLong();

        new Participations(events, transactions, jdbc).awaitListeners();
        assertThat(recorded(id)).isZero();
        JsonNode waiting = api.get("/api/admin/v1/bases/" + baseId + "/check-ins/unconfirmed", admin).json();
        assertThat(waiting.findValues("id")).extracting(JsonNode::asLong).containsExactly(id);
        // only the district confirms; a resident cannot
        assertProblem(api.post("/api/admin/v1/bases/" + baseId + "/check-ins/" + id + "/confirm", elder, ""), 403,
                "FORBIDDEN");

        Response confirmed = api.post("/api/admin/v1/bases/" + baseId + "/check-ins/" + id + "/confirm", admin, "");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("counts").asBoolean()).isTrue();
        // confirming twice records it once
        assertThat(api.post("/api/admin/v1/bases/" + baseId + "/check-ins/" + id + "/confirm", admin, "").status())
                .isEqualTo(200);
        new Participations(events, transactions, jdbc).awaitListeners();
        assertThat(recorded(id)).isEqualTo(1);
        assertThat(api.get("/api/admin/v1/bases/" + baseId + "/check-ins/unconfirmed", admin).json().size()).isZero();
        assertProblem(api.post("/api/admin/v1/bases/" + baseId + "/check-ins/999999999/confirm", admin, ""), 404,
                "CHECK_IN_NOT_FOUND");
    }

    private int recorded(long checkInId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE record_key = ?", Integer.class,
                "base-visit:" + checkInId);
    }

    @Test
    void staffCorrectABaseAndKeepWithdrawnOnesInTheRegistryWithTheirCheckIns() {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        Response created = create("登记册基地" + tag, "EDUCATION", "DISTRICT", "2024-03-01", 29.60, 113.40);
        long id = created.json().path("id").asLong();
        String resident = Logins.residentToken(api);
        assertThat(api.post("/api/v1/bases/" + id + "/check-ins", resident,
                ApiClient.json(Map.of("latitude", 29.60, "longitude", 113.40))).status()).isEqualTo(201);

        Map<String, Object> corrected = new HashMap<>();
        corrected.put("name", "登记册基地（更正）" + tag);
        corrected.put("type", "DEMONSTRATION");
        corrected.put("level", "CITY");
        corrected.put("accreditedOn", "2024-03-02");
        corrected.put("address", "陆城镇更正路 1 号");
        corrected.put("latitude", 29.61);
        corrected.put("longitude", 113.41);
        // photos are images uploaded through the media flow; a made-up key is refused and nothing changes
        corrected.put("photoKeys", List.of("media/never-uploaded.jpg"));
        assertProblem(api.put("/api/admin/v1/bases/" + id, admin, ApiClient.json(corrected)), 400, "BASE_PHOTO_INVALID");
        String kept = created.json().path("photoKeys").get(0).asString();
        String added = Uploads.staffMedia(api, admin, "CONTENT_IMAGE", "image/png", Uploads.PNG);
        corrected.put("photoKeys", List.of(added, kept));
        Response updated = api.put("/api/admin/v1/bases/" + id, admin, ApiClient.json(corrected));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("levelLabel").asString()).isEqualTo("市级");
        assertThat(updated.json().path("photoKeys").get(0).asString()).isEqualTo(added);
        assertThat(updated.json().path("photoUrls")).hasSize(2);
        assertThat(Uploads.fetch(updated.json().path("photoUrls").get(0).asString()).statusCode()).isEqualTo(200);
        assertThat(updated.json().path("regionCode").isNull()).as("cleared in the form, cleared in the record").isTrue();
        assertProblem(api.put("/api/admin/v1/bases/" + id, resident, ApiClient.json(corrected)), 403, "FORBIDDEN");

        assertThat(api.post("/api/admin/v1/bases/" + id + "/withdraw", admin, "{}").status()).isEqualTo(200);
        JsonNode entry = Pages.all(api, "/api/admin/v1/bases?status=WITHDRAWN", admin).stream()
                .filter(b -> b.path("base").path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(entry.path("base").path("name").asString()).isEqualTo("登记册基地（更正）" + tag);
        assertThat(entry.path("checkIns").asLong()).isEqualTo(1);
        assertThat(entry.path("visitors").asLong()).isEqualTo(1);
        assertThat(entry.path("lastVisitDay").asString()).isEqualTo("2025-06-15");
        assertThat(Pages.all(api, "/api/admin/v1/bases?status=ACTIVE", admin).stream()
                .noneMatch(b -> b.path("base").path("id").asLong() == id)).isTrue();
    }
}
