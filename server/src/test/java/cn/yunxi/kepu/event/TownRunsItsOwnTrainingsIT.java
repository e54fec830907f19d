package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Pages;
import tools.jackson.databind.JsonNode;

/**
 * A town's admin runs the town's own trainings from set-up to the venue screen, for the town's own people: naming
 * another town's villages is refused beside the field, and the console's lists (kinds, indicators, filters, the
 * venue count) answer what the staff pick and see.
 */
@KepuIntegrationTest
class TownRunsItsOwnTrainingsIT {

    @LocalServerPort
    int port;

    ApiClient api;
    String admin;
    String luCheng;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        luCheng = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", EventFixtures.unitId(api, admin, "陆城镇"));
    }

    @Test
    void aTownAdminCreatesEditsPublishesAndRunsCheckInOfTheirTraining() {
        OffsetDateTime start = EventFixtures.now().plusMinutes(20);
        EventFixtures.EventSpec spec = event().set("eligibleRegions", List.of("430603100201", "430603100"))
                .set("signupOpensAt", start.minusHours(2).toString())
                .singleSession(start, Duration.ofHours(2));
        JsonNode draft = EventFixtures.created(api, luCheng, spec);
        long id = draft.path("id").asLong();
        assertThat(draft.path("organiserUnitName").asString()).isEqualTo("陆城镇");
        assertThat(draft.path("eligibility").path("regions").toString()).contains("430603100201");

        Response edited = api.put("/api/admin/v1/events/" + id, luCheng, spec.set("capacity", 80).json());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(api.post("/api/admin/v1/events/" + id + "/publish", luCheng, "").status()).isEqualTo(200);

        long sessionId = draft.path("sessions").get(0).path("id").asLong();
        String count = "/api/admin/v1/events/" + id + "/sessions/" + sessionId + "/checkin-count";
        JsonNode before = api.get(count, luCheng).json();
        assertThat(before.path("checkedIn").asInt()).isZero();
        assertThat(before.path("confirmed").asInt()).isZero();

        // A villager of the town signs up and scans the screen's code: the venue count follows.
        String villager = Logins.residentToken(api);
        assertThat(api.patch("/api/v1/me", villager, ApiClient.json(Map.of("regionCode", "430603100201")))
                .status()).isEqualTo(200);
        assertThat(signup(api, villager, id).json().path("status").asString()).isEqualTo("CONFIRMED");
        String token = api.get("/api/admin/v1/events/" + id + "/sessions/" + sessionId + "/checkin-token", luCheng)
                .json().path("token").asString();
        Response scanned = api.post("/api/v1/checkins", villager, ApiClient.json(Map.of("token", token)));
        assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);

        JsonNode after = api.get(count, luCheng).json();
        assertThat(after.path("checkedIn").asInt()).isEqualTo(1);
        assertThat(after.path("checkedOut").asInt()).isZero();
        assertThat(after.path("confirmed").asInt()).isEqualTo(1);
    }

    @Test
    void aTownCannotInviteAnotherTownsPeopleButTheDistrictCan() {
        Response refused = api.post("/api/admin/v1/events", luCheng,
                event().set("eligibleRegions", List.of("430603100", "430603101")).json());
        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertThat(refused.json().path("errors").toString()).contains("eligibleRegions", "路口镇", "不在范围内")
                .doesNotContain("陆城镇 不在范围内");

        JsonNode open = EventFixtures.created(api, luCheng, event());
        Response editedAway = api.put("/api/admin/v1/events/" + open.path("id").asLong(), luCheng,
                event().set("eligibleRegions", List.of("430603101")).json());
        assertProblem(editedAway, 400, "VALIDATION_FAILED");

        long kexie = EventFixtures.unitId(api, admin, "区科协");
        assertThat(api.post("/api/admin/v1/events", admin, event().set("organiserUnitId", kexie)
                .set("eligibleRegions", List.of("430603100", "430603101")).json()).status()).isEqualTo(201);
    }

    @Test
    void theListFiltersByStatusKindUnitAndWordsAndTheFormsOptionsComeFromTheApi() {
        String marker = "筛选" + System.nanoTime();
        long lecture = published(api, luCheng, event().set("kind", "LECTURE").set("title", marker + "讲座"))
                .path("id").asLong();
        long training = EventFixtures.created(api, luCheng, event().set("title", marker + "培训")).path("id").asLong();
        long luKou = EventFixtures.unitId(api, admin, "路口镇");
        long elsewhere = EventFixtures.created(api, EventFixtures.staffToken(api, admin, "TOWN_ADMIN", luKou),
                event().set("title", marker + "路口")).path("id").asLong();

        String base = "/api/admin/v1/events?keyword=" + marker;
        assertThat(Pages.ids(api, base, luCheng)).containsExactlyInAnyOrder(lecture, training);
        assertThat(Pages.ids(api, base + "&kind=LECTURE", luCheng)).containsExactly(lecture);
        assertThat(Pages.ids(api, base + "&status=DRAFT", luCheng)).containsExactly(training);
        // A town's staff asking for another unit still see only their own.
        assertThat(Pages.ids(api, base + "&unitId=" + luKou, luCheng)).containsExactlyInAnyOrder(lecture, training);
        assertThat(Pages.ids(api, base, admin)).containsExactlyInAnyOrder(lecture, training, elsewhere);
        assertThat(Pages.ids(api, base + "&unitId=" + luKou, admin)).containsExactly(elsewhere);
        assertThat(Pages.ids(api, "/api/admin/v1/events?keyword=陆城镇农技站&size=100", luCheng)).contains(lecture);

        JsonNode options = api.get("/api/admin/v1/event-options", luCheng).json();
        List<String> kinds = new ArrayList<>();
        options.path("kinds").forEach(k -> kinds.add(k.path("value").asString() + "=" + k.path("label").asString()));
        assertThat(kinds).contains("TRAINING=培训课程", "LECTURE=科普讲座", "VOLUNTEER_SERVICE=志愿服务")
                .hasSize(EventKind.values().length);
        List<String> indicatorCodes = new ArrayList<>();
        options.path("indicators").forEach(i -> {
            indicatorCodes.add(i.path("code").asString());
            assertThat(i.path("name").asString()).as(i.toString()).isNotBlank();
        });
        List<String> catalog = new ArrayList<>();
        api.get("/api/admin/v1/indicator-codes", luCheng).json().forEach(c -> catalog.add(c.asString()));
        assertThat(indicatorCodes).contains("HIGH_QUALITY_FARMERS").containsExactlyInAnyOrderElementsOf(catalog);
    }
}
