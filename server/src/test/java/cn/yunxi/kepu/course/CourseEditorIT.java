package cn.yunxi.kepu.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.EventPublications;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.StaffAccounts;
import tools.jackson.databind.JsonNode;

/**
 * Staff write a course in the editor's shape (the whole course at once), a second person publishes it, lessons keep
 * their learners across reorders, and an offline class linked to a lesson completes it for those who attended.
 */
@KepuIntegrationTest
class CourseEditorIT {

    static final String UNIT = "区科协";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    ApiClient api;
    String admin;
    String author;
    String colleague;
    List<Long> practice;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        author = StaffAccounts.token(api, admin, "UNIT_ADMIN", UNIT);
        colleague = StaffAccounts.token(api, admin, "UNIT_ADMIN", UNIT);
        practice = jdbc.queryForList("SELECT id FROM quiz_question WHERE pool = 'PRACTICE' AND status = 'ACTIVE' "
                + "AND topics = '智能手机' ORDER BY id", Long.class);
        assertThat(practice).hasSizeGreaterThanOrEqualTo(3);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void aCourseIsPublishedOnlyByASecondPersonAndOnlyItsUnitManagesIt() {
        JsonNode draft = created(course("用手机扫码乘车", lesson(null, "打开乘车码", practice.get(0)),
                lesson(null, "扫码上车", practice.get(1), practice.get(2))));
        long id = draft.path("id").asLong();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("lessons")).hasSize(2);
        assertThat(draft.path("lessons").get(1).path("practiceQuestionIds")).hasSize(2);
        assertThat(draft.path("lessons").get(0).path("steps").get(0).path("imageUrl").asString())
                .contains("/api/v1/course-art/wechat-video-1.svg");

        String resident = Logins.residentToken(api);
        assertThat(api.get("/api/v1/courses/" + id, resident).status()).isEqualTo(404);

        Response self = api.post("/api/admin/v1/courses/" + id + "/publish", author, "");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().path("code").asString()).isEqualTo("COURSE_SELF_PUBLISH");
        assertThat(self.json().path("detail").asString()).contains("另一位管理员");

        String otherUnit = StaffAccounts.token(api, admin, "UNIT_ADMIN", "区卫健局");
        assertThat(api.get("/api/admin/v1/courses/" + id, otherUnit).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/v1/courses/" + id + "/publish", otherUnit, "").status()).isEqualTo(404);
        assertThat(api.get("/api/admin/v1/courses", otherUnit).json().path("items").findValuesAsString("title"))
                .doesNotContain("用手机扫码乘车");
        assertThat(api.get("/api/v1/courses/" + id, resident).status()).isEqualTo(404);

        JsonNode published = ok(api.post("/api/admin/v1/courses/" + id + "/publish", colleague, ""));
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("publisherId").asLong()).isNotEqualTo(published.path("authorId").asLong());
        assertThat(ok(api.get("/api/v1/courses/" + id, resident)).path("lessons")).hasSize(2);
        assertThat(api.get("/api/admin/v1/courses", admin).json().path("items").findValuesAsString("title"))
                .contains("用手机扫码乘车");
    }

    @Test
    void badStepsAndPracticeAreRefusedWithAReasonAndNothingIsSaved() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM course", Long.class);
        Map<String, Object> lesson = lesson(null, "第一课", practice.get(0));

        assertRefused(course("课程", withStep(lesson, "art:no-such-drawing.svg", "打开微信。")), "COURSE_IMAGE_INVALID");
        assertRefused(course("课程", withStep(lesson, "s/1/content-image/never-uploaded.png", "打开微信。")),
                "COURSE_IMAGE_INVALID");
        assertRefused(course("课程", withStep(lesson, "art:wechat-video-1.svg", "打开微信。找到名字。点一下。")),
                "COURSE_CAPTION_TOO_LONG");
        // narration is an uploaded recording or one shipped with the server; a drawing or a made-up file is not
        assertRefused(course("课程", withNarratedStep(lesson, "art:no-such-narration.mp3")), "COURSE_AUDIO_INVALID");
        assertRefused(course("课程", withNarratedStep(lesson, "art:wechat-video-1.svg")), "COURSE_AUDIO_INVALID");
        assertRefused(course("课程", withStep(lesson, "art:sample-video-1-1.mp3", "打开微信。")), "COURSE_IMAGE_INVALID");
        long exam = jdbc.queryForObject("SELECT id FROM quiz_question WHERE pool = 'EXAM' LIMIT 1", Long.class);
        assertRefused(course("课程", lesson(null, "第一课", exam)), "COURSE_QUESTION_INVALID");
        assertRefused(course("课程", lesson(null, "第一课", practice.get(0), practice.get(0))), "COURSE_QUESTION_INVALID");
        assertRefused(course("课程", lesson(null, "第一课", practice.get(0), practice.get(1), practice.get(2),
                practice.get(0))), "VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course", Long.class)).isEqualTo(before);

        // a course made from a sample keeps the sample's shipped narration when saved
        JsonNode narrated = created(course("带讲解的课程", withNarratedStep(lesson, "art:sample-video-1-1.mp3")));
        assertThat(narrated.path("lessons").get(0).path("steps").get(2).path("narrationKey").asString())
                .isEqualTo("art:sample-video-1-1.mp3");
        assertThat(narrated.path("lessons").get(0).path("steps").get(2).path("narrationUrl").asString())
                .endsWith("/api/v1/course-art/sample-video-1-1.mp3");

        // a lesson without practice may be saved as a draft, but the course cannot be published like that
        long id = created(course("未完成的课程", lesson(null, "第一课"))).path("id").asLong();
        Response incomplete = api.post("/api/admin/v1/courses/" + id + "/publish", colleague, "");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().path("code").asString()).isEqualTo("COURSE_INCOMPLETE");
    }

    @Test
    void reorderingKeepsLessonsAndTheirLearnersAndALessonSomeoneFinishedCannotBeDropped() {
        JsonNode draft = created(course("网上挂号", lesson(null, "找到挂号入口", practice.get(0)),
                lesson(null, "选科室和时间", practice.get(1))));
        long id = draft.path("id").asLong();
        long first = draft.path("lessons").get(0).path("id").asLong();
        long second = draft.path("lessons").get(1).path("id").asLong();
        ok(api.post("/api/admin/v1/courses/" + id + "/publish", colleague, ""));

        String resident = Logins.residentToken(api);
        ok(api.post("/api/v1/courses/lessons/" + second + "/completion", resident, ApiClient.json(Map.of("answers",
                List.of(Map.of("questionId", practice.get(1), "selected", List.of(0)))))));

        Response whilePublished = api.put("/api/admin/v1/courses/" + id, author,
                course("网上挂号", lesson(second, "选科室和时间", practice.get(1))));
        assertThat(whilePublished.status()).isEqualTo(409);
        assertThat(whilePublished.json().path("code").asString()).isEqualTo("COURSE_STATE");

        ok(api.post("/api/admin/v1/courses/" + id + "/unpublish", author, ""));
        assertThat(api.get("/api/v1/courses/" + id, resident).status()).isEqualTo(404);

        JsonNode swapped = ok(api.put("/api/admin/v1/courses/" + id, author, course("网上挂号",
                lesson(second, "选科室和时间", practice.get(1)), lesson(first, "找到挂号入口", practice.get(0)),
                lesson(null, "按时就诊", practice.get(2)))));
        assertThat(swapped.path("lessons").findValuesAsString("title"))
                .containsExactly("选科室和时间", "找到挂号入口", "按时就诊");
        assertThat(swapped.path("lessons").get(0).path("id").asLong()).isEqualTo(second);
        assertThat(swapped.path("lessons").get(1).path("id").asLong()).isEqualTo(first);

        Response dropLearned = api.put("/api/admin/v1/courses/" + id, author, course("网上挂号（改）",
                lesson(first, "找到挂号入口", practice.get(0))));
        assertThat(dropLearned.status()).isEqualTo(409);
        assertThat(dropLearned.json().path("code").asString()).isEqualTo("COURSE_LESSON_HAS_LEARNERS");
        JsonNode unchanged = ok(api.get("/api/admin/v1/courses/" + id, author));
        assertThat(unchanged.path("title").asString()).isEqualTo("网上挂号");
        assertThat(unchanged.path("lessons")).hasSize(3);

        ok(api.post("/api/admin/v1/courses/" + id + "/publish", colleague, ""));
        JsonNode seen = ok(api.get("/api/v1/courses/" + id, resident));
        assertThat(seen.path("lessons").get(0).path("done").asBoolean()).isTrue();
        assertThat(seen.path("lessonsDone").asInt()).isEqualTo(1);
        JsonNode card = null;
        for (JsonNode c : ok(api.get("/api/admin/v1/courses?size=100", author)).path("items")) {
            if (c.path("id").asLong() == id) {
                card = c;
            }
        }
        assertThat(card).as("the course is in its unit's list").isNotNull();
        assertThat(card.path("learners").asInt()).isEqualTo(1);
        assertThat(card.path("completions").asInt()).isZero();
    }

    @Test
    void attendingAnOfflineClassLinkedToALessonCompletesIt() {
        OffsetDateTime start = OffsetDateTime.now(Zones.SHANGHAI).withNano(0).plusMinutes(15);
        JsonNode draft = created(course("智慧助老课堂：手机支付", lesson(null, "认识付款码", practice.get(0))));
        long id = draft.path("id").asLong();
        long lessonId = draft.path("lessons").get(0).path("id").asLong();
        ok(api.post("/api/admin/v1/courses/" + id + "/publish", colleague, ""));

        String organiser = StaffAccounts.token(api, admin, "TOWN_ADMIN", "陆城镇");
        JsonNode event = offlineClass(organiser, start);
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();
        // the town's class is the town's to link: the course's unit may not, the district may
        Response foreign = api.post("/api/admin/v1/courses/" + id + "/event-links", author,
                ApiClient.json(Map.of("eventId", eventId, "lessonId", lessonId)));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
        assertThat(foreign.json().path("code").asString()).isEqualTo("EVENT_LINK_FORBIDDEN");
        assertThat(foreign.json().path("detail").asString()).contains("本单位");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course_event_lesson WHERE event_id = ?", Long.class,
                eventId)).isZero();
        JsonNode linked = ok(api.post("/api/admin/v1/courses/" + id + "/event-links", admin,
                ApiClient.json(Map.of("eventId", eventId, "lessonId", lessonId))));
        assertThat(linked.path("lessons").get(0).path("linkedEventIds").get(0).asLong()).isEqualTo(eventId);
        long ownClass = offlineClass(author, start.plusDays(1)).path("id").asLong();
        JsonNode both = ok(api.post("/api/admin/v1/courses/" + id + "/event-links", author,
                ApiClient.json(Map.of("eventId", ownClass, "lessonId", lessonId))));
        assertThat(both.path("lessons").get(0).path("linkedEventIds")).hasSize(2);
        assertThat(jdbc.queryForList("SELECT event_id FROM course_event_lesson WHERE lesson_id = ?", Long.class,
                lessonId)).containsExactlyInAnyOrder(eventId, ownClass);
        Response noEvent = api.post("/api/admin/v1/courses/" + id + "/event-links", author,
                ApiClient.json(Map.of("eventId", 987654321L, "lessonId", lessonId)));
        assertThat(noEvent.status()).isEqualTo(400);
        assertThat(noEvent.json().path("code").asString()).isEqualTo("EVENT_LINK_INVALID");

        JsonNode login = Logins.newResident(api);
        String elder = login.path("accessToken").asString();
        long residentId = login.path("resident").path("id").asLong();
        Response signup = api.post("/api/v1/events/" + eventId + "/signups", elder, "{}");
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);

        clock.pin(start.plusMinutes(5).toInstant());
        Response bulk = api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/bulk-checkin",
                organiser, ApiClient.json(Map.of("signupIds", List.of(signup.json().path("id").asLong()))));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        // attendance counts once the class is over: here the organiser ends the event after the session
        clock.pin(start.plusHours(2).plusMinutes(1).toInstant());
        Response finished = api.post("/api/admin/v1/events/" + eventId + "/finish", Logins.districtAdminToken(api), "");
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        EventPublications.awaitCompleted(jdbc, ParticipationRecorded.class);

        assertThat(jdbc.queryForMap("SELECT source, event_id FROM course_completion WHERE resident_id = ? "
                + "AND lesson_id = ?", residentId, lessonId))
                .containsEntry("source", "EVENT").containsEntry("event_id", eventId);
        String fresh = api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken",
                login.path("refreshToken").asString()))).json().path("accessToken").asString();
        JsonNode course = ok(api.get("/api/v1/courses/" + id, fresh == null || fresh.isEmpty() ? elder : fresh));
        assertThat(course.path("lessons").get(0).path("done").asBoolean()).isTrue();
        assertThat(course.path("certificate").path("serialNo").asString()).startsWith("KC" + id);
        // the attendance is what counts for the plan; the lesson adds no second record
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE resident_id = ? "
                + "AND kind = 'COURSE_LESSON'", Long.class, residentId)).isZero();
    }

    // ---- the editor's shape ----

    private JsonNode offlineClass(String organiser, OffsetDateTime start) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "TRAINING");
        body.put("title", "智慧助老课堂 " + System.nanoTime());
        body.put("description", "手把手教手机支付");
        body.put("venueName", "陆城镇老年活动中心");
        body.put("venueAddress", "云溪区陆城镇");
        body.put("signupOpensAt", start.minusDays(1).toString());
        body.put("signupClosesAt", start.toString());
        body.put("capacity", 30);
        body.put("waitlistEnabled", false);
        body.put("sessions", List.of(Map.of("startsAt", start.toString(),
                "endsAt", start.plus(Duration.ofHours(2)).toString())));
        Response created = api.post("/api/admin/v1/events", organiser, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return ok(api.post("/api/admin/v1/events/" + created.json().path("id").asLong() + "/publish", organiser, ""));
    }

    @SafeVarargs
    private static String course(String title, Map<String, Object>... lessons) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "测试课程");
        body.put("topic", "SMARTPHONE");
        body.put("coverImage", "art:cover-video-call.svg");
        body.put("lessons", List.of(lessons));
        return ApiClient.json(body);
    }

    private static Map<String, Object> lesson(Long id, String title, Long... questionIds) {
        Map<String, Object> lesson = new HashMap<>();
        lesson.put("id", id);
        lesson.put("title", title);
        lesson.put("steps", List.of(Map.of("image", "art:wechat-video-1.svg", "caption", "打开微信，找到孩子的名字。"),
                Map.of("image", "art:wechat-video-2.svg", "caption", "点右下角的“＋”号。")));
        lesson.put("practiceQuestionIds", List.of(questionIds));
        return lesson;
    }

    private static Map<String, Object> withStep(Map<String, Object> lesson, String image, String caption) {
        Map<String, Object> copy = new HashMap<>(lesson);
        List<Object> steps = new ArrayList<>((List<?>) lesson.get("steps"));
        steps.add(Map.of("image", image, "caption", caption));
        copy.put("steps", steps);
        return copy;
    }

    private static Map<String, Object> withNarratedStep(Map<String, Object> lesson, String narrationKey) {
        Map<String, Object> copy = new HashMap<>(lesson);
        List<Object> steps = new ArrayList<>((List<?>) lesson.get("steps"));
        steps.add(Map.of("image", "art:wechat-video-1.svg", "caption", "打开微信。", "narrationKey", narrationKey));
        copy.put("steps", steps);
        return copy;
    }

    private JsonNode created(String body) {
        Response r = api.post("/api/admin/v1/courses", author, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private void assertRefused(String body, String code) {
        Response r = api.post("/api/admin/v1/courses", author, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("code").asString()).isEqualTo(code);
        assertThat(r.json().path("detail").asString()).matches(".*\\p{IsHan}.*");
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
