package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Pages;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
class EventAdminIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    ApiClient api;
    String admin;
    long kexie;
    String kexieAdmin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        kexie = EventFixtures.unitId(api, admin, "区科协");
        kexieAdmin = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", kexie);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void createEditPublishAndFinishAnEvent() {
        JsonNode draft = EventFixtures.created(api, kexieAdmin, event().set("kind", "LECTURE")
                .sessions(List.of(
                        EventFixtures.session(EventFixtures.now().plusDays(3), EventFixtures.now().plusDays(3).plusMinutes(90), null),
                        EventFixtures.session(EventFixtures.now().plusDays(4), EventFixtures.now().plusDays(4).plusHours(3), 2.0))));
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("organiserUnitName").asString()).isEqualTo("区科协");
        assertThat(draft.path("sessions")).hasSize(2);
        // 90 minutes count as 1.5 hours unless given; the second session says 2.
        assertThat(draft.path("trainingHours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(draft.path("minAttendancePercent").asInt()).isEqualTo(60);
        assertThat(draft.path("indicatorCodes").get(0).asString()).isEqualTo("HIGH_QUALITY_FARMERS");
        long id = draft.path("id").asLong();

        JsonNode published = api.post("/api/admin/v1/events/" + id + "/publish", kexieAdmin, "").json();
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertProblem(api.post("/api/admin/v1/events/" + id + "/publish", kexieAdmin, ""), 409, "EVENT_NOT_DRAFT");

        // not before its last session has ended
        assertProblem(api.post("/api/admin/v1/events/" + id + "/finish", kexieAdmin, ""), 409, "EVENT_NOT_OVER");
        clock.pin(EventFixtures.now().plusDays(4).plusHours(3).plusMinutes(1).toInstant());
        kexieAdmin = EventFixtures.staffToken(api, Logins.districtAdminToken(api), "UNIT_ADMIN", kexie);
        Response finished = api.post("/api/admin/v1/events/" + id + "/finish", kexieAdmin, "");
        assertThat(finished.json().path("status").asString()).as(finished.toString()).isEqualTo("FINISHED");
        assertProblem(put("/api/admin/v1/events/" + id, kexieAdmin, event().json()), 409, "EVENT_NOT_EDITABLE");
    }

    @Test
    void badEventsAreRefusedFieldByField() {
        Response bad = api.post("/api/admin/v1/events", kexieAdmin, event()
                .set("capacity", 0)
                .set("indicatorCodes", List.of("not a code"))
                .set("latitude", 95)
                .json());
        assertProblem(bad, 400, "VALIDATION_FAILED");
        assertThat(fields(bad)).contains("capacity", "latitude");

        Response crossField = api.post("/api/admin/v1/events", kexieAdmin, event()
                .set("signupClosesAt", EventFixtures.now().plusDays(30).toString())
                .set("minAge", 70).set("maxAge", 60)
                .set("eligibleRegions", List.of("999999"))
                .set("formFields", List.of(
                        Map.of("key", "a", "label", "甲", "type", "SINGLE_SELECT", "required", true, "options", List.of("x")),
                        Map.of("key", "a", "label", "乙", "type", "TEXT", "required", false)))
                .json());
        assertProblem(crossField, 400, "VALIDATION_FAILED");
        assertThat(fields(crossField)).contains("signupClosesAt", "minAge", "eligibleRegions",
                "formFields[0].options", "formFields[1].key");

        Response overlapping = api.post("/api/admin/v1/events", kexieAdmin, event().sessions(List.of(
                EventFixtures.session(EventFixtures.now().plusDays(2), EventFixtures.now().plusDays(2).plusHours(2), null),
                EventFixtures.session(EventFixtures.now().plusDays(2).plusHours(1), EventFixtures.now().plusDays(2).plusHours(3), null)))
                .json());
        assertProblem(overlapping, 400, "VALIDATION_FAILED");

        assertProblem(api.post("/api/admin/v1/events", admin, event().json()), 400, "VALIDATION_FAILED");
    }

    @Test
    void unitAndTownAdminsSeeOnlyTheirOwnEvents() {
        long ours = published(api, kexieAdmin, event()).path("id").asLong();
        String townAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", EventFixtures.unitId(api, admin, "路口镇"));
        long theirs = published(api, townAdmin, event()).path("id").asLong();

        assertProblem(api.get("/api/admin/v1/events/" + ours, townAdmin), 404, "EVENT_NOT_FOUND");
        assertProblem(api.get("/api/admin/v1/events/" + ours + "/roster", townAdmin), 404, "EVENT_NOT_FOUND");
        assertProblem(api.post("/api/admin/v1/events/" + ours + "/cancel", townAdmin, ""), 404, "EVENT_NOT_FOUND");
        assertThat(Pages.ids(api, "/api/admin/v1/events", townAdmin)).contains(theirs).doesNotContain(ours);
        // The district admin sees both.
        assertThat(Pages.ids(api, "/api/admin/v1/events", admin)).contains(ours, theirs);
        // Organising in someone else's name is refused.
        assertProblem(api.post("/api/admin/v1/events", townAdmin, event().set("organiserUnitId", kexie).json()),
                403, "FORBIDDEN");
        // Organisers run events but do not create them.
        String organiser = EventFixtures.staffToken(api, admin, "ORGANISER", kexie);
        assertProblem(api.post("/api/admin/v1/events", organiser, event().json()), 403, "FORBIDDEN");
        assertThat(api.get("/api/admin/v1/events/" + ours + "/roster", organiser).status()).isEqualTo(200);
    }

    /**
     * Staff of another unit, admins and organisers alike, reach none of an event's staff operations: each answers
     * "not found" (the event is not theirs to know of), and nothing of the event changes.
     */
    @Test
    void anotherUnitNeitherSeesNorChangesAnEventsRosterCheckInsOrState() {
        JsonNode ours = published(api, kexieAdmin, event());
        long id = ours.path("id").asLong();
        long sessionId = ours.path("sessions").get(0).path("id").asLong();
        String resident = Logins.residentToken(api);
        long signupId = signup(api, resident, id).json().path("id").asLong();
        String ticket = api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("ticket").asString();
        long luCheng = EventFixtures.unitId(api, admin, "陆城镇");

        String organiser = EventFixtures.staffToken(api, admin, "ORGANISER", luCheng);
        for (String stranger : List.of(EventFixtures.staffToken(api, admin, "TOWN_ADMIN", luCheng),
                EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区教体局")),
                organiser)) {
            String base = "/api/admin/v1/events/" + id;
            assertProblem(api.get(base + "/roster.xlsx", stranger), 404, "EVENT_NOT_FOUND");
            assertProblem(api.get(base + "/sessions/" + sessionId + "/checkin-token?purpose=IN", stranger), 404,
                    "EVENT_NOT_FOUND");
            assertProblem(api.post(base + "/sessions/" + sessionId + "/bulk-checkin", stranger,
                    ApiClient.json(Map.of("signupIds", List.of(signupId)))), 404, "EVENT_NOT_FOUND");
            assertProblem(api.post(base + "/checkins/ticket", stranger, ApiClient.json(Map.of("ticket", ticket))),
                    404, "EVENT_NOT_FOUND");
            assertProblem(api.post(base + "/finish", stranger, ""), 404, "EVENT_NOT_FOUND");
            assertProblem(api.post(base + "/proxy-signups", stranger, ApiClient.json(Map.of("name", "王五",
                    "phone", "13900007777"))), 404, "EVENT_NOT_FOUND");
            Response edit = put(base, stranger, event().set("title", "改了别人的活动").json());
            if (stranger.equals(organiser)) {
                assertProblem(edit, 403, "FORBIDDEN"); // organisers edit no event at all
            } else {
                assertProblem(edit, 404, "EVENT_NOT_FOUND");
            }
        }

        JsonNode after = api.get("/api/admin/v1/events/" + id, kexieAdmin).json();
        assertThat(after.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(after.path("title").asString()).isEqualTo(ours.path("title").asString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ?", Integer.class, id))
                .isEqualTo(1);
        // the organiser's own unit still can
        assertThat(api.get("/api/admin/v1/events/" + id + "/sessions/" + sessionId + "/checkin-token?purpose=IN",
                EventFixtures.staffToken(api, admin, "ORGANISER", kexie)).status()).isEqualTo(200);
    }

    @Test
    void loweringCapacityBelowConfirmedSeatsNeedsConfirmationAndGrowingItPromotesTheWaitlist() {
        EventFixtures.EventSpec spec = event().set("capacity", 2);
        long id = published(api, kexieAdmin, spec).path("id").asLong();
        for (int i = 0; i < 4; i++) {
            signup(api, Logins.residentToken(api), id);
        }

        // Taking a promised seat back is never a side effect of a typo (the cut itself: SeatWithdrawalIT).
        Response unconfirmed = put("/api/admin/v1/events/" + id, kexieAdmin, spec.set("capacity", 1).json());
        assertProblem(unconfirmed, 409, "SEAT_WITHDRAWAL_NOT_CONFIRMED");
        assertThat(unconfirmed.json().path("detail").asString()).contains("1 人");
        assertThat(jdbc.queryForObject("SELECT taken FROM event WHERE id = ?", Integer.class, id)).isEqualTo(2);

        Response grown = put("/api/admin/v1/events/" + id, kexieAdmin, spec.set("capacity", 3).json());
        assertThat(grown.status()).as(grown.toString()).isEqualTo(200);
        assertThat(grown.json().path("taken").asInt()).isEqualTo(3);
        assertThat(grown.json().path("seatChange").path("promoted").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ? AND status = 'WAITLISTED'",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_notice WHERE event_id = ? AND kind = 'PROMOTED'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void changingTimeOrPlaceNotifiesAndCancellingNotifiesEveryone() {
        EventFixtures.EventSpec spec = event();
        long id = published(api, kexieAdmin, spec).path("id").asLong();
        signup(api, Logins.residentToken(api), id);
        signup(api, Logins.residentToken(api), id);

        // A new description is no reason to disturb anyone.
        put("/api/admin/v1/events/" + id, kexieAdmin, spec.set("description", "更新了介绍").json());
        assertThat(notices(id, "CHANGED")).isZero();

        Response moved = put("/api/admin/v1/events/" + id, kexieAdmin, spec.set("venueName", "云溪区文化馆").json());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(notices(id, "CHANGED")).isEqualTo(2);

        Response cancelled = api.post("/api/admin/v1/events/" + id + "/cancel", kexieAdmin, "");
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(notices(id, "CANCELLED")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ? AND status <> 'CANCELLED'",
                Integer.class, id)).isZero();
        assertProblem(signup(api, Logins.residentToken(api), id), 409, "SIGNUP_CLOSED");
    }

    @Test
    void rosterAndExcelExportMaskPhonesUnlessTheDistrictAdminAsks() throws Exception {
        EventFixtures.EventSpec spec = event().set("capacity", 1).set("formFields", List.of(
                Map.of("key", "crop", "label", "主要作物", "type", "TEXT", "required", true)));
        long id = published(api, kexieAdmin, spec).path("id").asLong();
        api.post("/api/admin/v1/events/" + id + "/proxy-signups", kexieAdmin,
                ApiClient.json(Map.of("name", "张三丰", "phone", "13912345678", "form", Map.of("crop", "柑橘"))));
        signup(api, Logins.residentToken(api), id, ApiClient.json(Map.of("form", Map.of("crop", "水稻"))));

        JsonNode roster = api.get("/api/admin/v1/events/" + id + "/roster", kexieAdmin).json();
        assertThat(roster.path("confirmed").asInt()).isEqualTo(1);
        assertThat(roster.path("waitlisted").asInt()).isEqualTo(1);
        JsonNode first = roster.path("entries").get(0);
        assertThat(first.path("name").asString()).isEqualTo("张三丰");
        assertThat(first.path("phone").asString()).isEqualTo("139****5678");
        assertThat(first.path("form").path("主要作物").asString()).isEqualTo("柑橘");
        assertThat(roster.path("entries").get(1).path("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(api.get("/api/admin/v1/events/" + id + "/roster", admin).json().path("entries").get(0)
                .path("phone").asString()).isEqualTo("13912345678");

        assertThat(excelCell(id, kexieAdmin, 1, 4)).isEqualTo("139****5678");
        assertThat(excelCell(id, admin, 1, 4)).isEqualTo("13912345678");
        assertThat(excelCell(id, kexieAdmin, 0, 3)).isEqualTo("姓名");
        assertThat(excelCell(id, kexieAdmin, 1, 1)).isEqualTo("已确认");
        assertThat(excelCell(id, kexieAdmin, 2, 1)).isEqualTo("候补");
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        JsonNode paths = ApiClient.apiDocs(port).path("paths");
        assertThat(paths.has("/api/v1/events/{id}/signups")).isTrue();
        assertThat(paths.has("/api/v1/signups/{id}/cancel")).isTrue();
        assertThat(paths.has("/api/v1/checkins")).isTrue();
        assertThat(paths.has("/api/admin/v1/events/{id}/roster.xlsx")).isTrue();
        assertThat(paths.has("/api/admin/v1/volunteers/{id}/approve")).isTrue();
    }

    private String excelCell(long id, String token, int row, int column) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/v1/events/" + id + "/roster.xlsx"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Row r = sheet.getRow(row);
            return r.getCell(column).getStringCellValue();
        }
    }

    /** PUT is only used here, so it lives here rather than in the shared client. */
    private Response put(String path, String token, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int notices(long eventId, String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_notice WHERE event_id = ? AND kind = ?", Integer.class,
                eventId, kind);
    }

    private static List<String> fields(Response problem) {
        List<String> out = new ArrayList<>();
        problem.json().path("errors").forEach(e -> out.add(e.path("field").asString()));
        return out;
    }
}
