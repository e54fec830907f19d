package cn.yunxi.kepu.resident;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.content.ContentRead;
import cn.yunxi.kepu.content.ContentShared;
import cn.yunxi.kepu.content.SharedContentOpened;
import cn.yunxi.kepu.event.AttendanceConfirmed;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.ContentSecurityFake;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.EventPublications;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.QuizAnswers;
import cn.yunxi.kepu.support.Uploads;
import cn.yunxi.kepu.support.WeChatFake;
import cn.yunxi.kepu.wechat.MediaCheckCompleted;
import tools.jackson.databind.JsonNode;

/**
 * One resident with data in every feature deletes their account. Afterwards no table holds anything that leads back
 * to them: every column that links a row to a resident is looked up in the schema itself, and each such table is
 * either cleared of their rows or keeps an anonymous row whose personal columns (names, phones and their hashes,
 * form answers...) are empty. What they did still counts: every figure of the plan is as it was.
 */
@KepuIntegrationTest
class AccountDeletionIT {

    static final String VILLAGE = "430603100201"; // 陆城样例村1
    /** Inside the 2022–2025 plan period, so what the resident does counts toward the plan's figures. */
    static final OffsetDateTime T0 = LocalDateTime.of(2025, 7, 8, 10, 0).atZone(Zones.SHANGHAI).toOffsetDateTime();
    static final String NAME = "林小梅";

    /**
     * Tables that keep the resident's id after the deletion, and why: the row is needed for a count or a rule and
     * says nothing about the person once its personal columns are empty (the resident row itself is anonymous).
     */
    static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("event_signup.resident_id", "a seat taken and attended counts in the event's figures"),
            Map.entry("event_attendance.resident_id", "attendance behind the plan's figures"),
            Map.entry("event_notice.resident_id", "notices already sent or due, without content"),
            Map.entry("subscribe_quota.resident_id", "a number of allowed messages"),
            Map.entry("emergency_notice.resident_id", "emergency messages already sent or due, counted per emergency"),
            Map.entry("participation_record.resident_id", "the plan's ledger, labelled as a deleted account's"),
            Map.entry("points_ledger.resident_id", "points awarded, anonymous"),
            Map.entry("points_daily_total.resident_id", "daily caps, anonymous"),
            Map.entry("quiz_attempt.resident_id", "graded attempts behind contest standings and self-test rates"),
            Map.entry("quiz_contest_entry.resident_id", "contest standings (shown without a name)"),
            Map.entry("quiz_certificate.resident_id", "a certificate number stays verifiable; the holder's name goes"),
            Map.entry("event_certificate.resident_id", "a training certificate stays verifiable; the holder's name goes"),
            Map.entry("volunteer.resident_id", "service hours already credited; the real name goes"));
    /** Links that must be gone: the rows are deleted, or their link to the resident is cleared. */
    static final Set<String> ERASED = Set.of("base_check_in.resident_id", "content_comment.resident_id",
            "content_favourite.resident_id", "course_certificate.resident_id",
            "course_completion.resident_id", "course_progress.resident_id", "content_like.resident_id", "content_read.resident_id",
            "content_share.sharer_id", "content_share_open.opener_id", "read_session.resident_id",
            "quiz_daily_streak.resident_id", "quiz_resident_pref.resident_id", "quiz_wrong_answer.resident_id",
            "science_officer.resident_id", "event_officer_organiser.resident_id", "event_helper_checkin.resident_id",
            "organiser_binding.resident_id", "emergency_read.resident_id", "emergency_quota.resident_id");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;
    String me;
    long residentId;
    String phone;
    long officerId;
    long commentId;

    @AfterEach
    void tearDown() {
        clock.reset();
        WeChatFake.reset();
    }

    @Test
    void deletingAnAccountErasesItsPersonalDataEverywhereAndLeavesEveryPlanFigureAsItWas() {
        clock.pin(T0.toInstant());
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        JsonNode login = Logins.newResident(api);
        me = login.path("accessToken").asString();
        residentId = login.path("resident").path("id").asLong();
        phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ok(api.patch("/api/v1/me", me, ApiClient.json(Map.of("nickname", NAME, "regionCode", VILLAGE,
                "populationGroup", "FARMER", "birthYear", 1975))));

        long claimedSignup = signedUpByACadreAndClaimed();
        String avatarUrl = mediaAndAvatar();
        String certificate = quizzes();
        content();
        volunteerOfficerAndBase();
        finishedACourse();
        boundAsAnOrganiser();
        toldOfAnEmergency();
        Map<String, Long> training = attendedTraining();

        awaitEveryListener();
        String dashboard = seededDashboard();
        double coverage = officerCoverage();
        // other tests of the same run may have approved officers in her village too; one counts for coverage only
        // while active (shared or ran something within the default 90 days), as she is
        java.time.LocalDate activeSince = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(89);
        boolean onlyOfficerOfHerVillage = jdbc.queryForObject("SELECT COUNT(*) FROM science_officer "
                + "WHERE region_code = ? AND role = 'INFO_OFFICER' AND status = 'APPROVED' AND id <> ? "
                + "AND last_active_on >= ?", Long.class, VILLAGE, officerId, activeSince) == 0;
        Map<String, Integer> before = linkedRows();
        assertThat(before).as("the resident has rows in every table that can hold them")
                .allSatisfy((column, rows) -> assertThat(rows).as(column).isPositive());
        long ledgerRows = jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE resident_id = ?",
                Long.class, residentId);

        assertThat(api.delete("/api/v1/me", me).status()).isEqualTo(204);
        EventPublications.awaitCompleted(jdbc, ResidentDeleted.class);

        // every table linked to the resident: cleared, or kept anonymous
        Map<String, Integer> after = linkedRows();
        for (String column : before.keySet()) {
            String table = column.substring(0, column.indexOf('.'));
            if (ERASED.contains(column)) {
                assertThat(after.get(column)).as(column).isZero();
            } else {
                assertThat(after.get(column)).as(column + " keeps its rows (" + KEPT.get(column) + ")")
                        .isEqualTo(before.get(column));
                assertThat(personalValues(table, column.substring(column.indexOf('.') + 1) + " = ?", residentId))
                        .as(column).isEmpty();
            }
        }
        assertThat(personalValues("resident", "id = ?", residentId)).as("the resident row").isEmpty();
        // the plan's ledger keeps the records (the counts stay) under the label of a deleted account
        assertThat(jdbc.queryForList("SELECT DISTINCT person_label FROM participation_record WHERE resident_id = ?",
                String.class, residentId)).containsExactly("已注销用户");
        assertThat(jdbc.queryForObject("SELECT status FROM resident WHERE id = ?", String.class, residentId))
                .isEqualTo("DELETED");
        assertThat(personalValues("science_officer", "id = ?", officerId)).as("the officer application").isEmpty();
        assertThat(jdbc.queryForObject("SELECT status FROM science_officer WHERE id = ?", String.class, officerId))
                .isEqualTo("REVOKED");
        assertThat(jdbc.queryForMap("SELECT body, status FROM content_comment WHERE id = ?", commentId))
                .containsEntry("body", "").containsEntry("status", "DELETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM media_object WHERE owner_type = 'RESIDENT' AND owner_id = ?",
                Integer.class, residentId)).isZero();
        assertThat(Uploads.fetch(avatarUrl).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT person_key FROM event_signup WHERE id = ?", String.class, claimedSignup))
                .isEqualTo("R:" + residentId);
        // the mother she signed up is a person of her own: her signup and name stay
        assertThat(jdbc.queryForObject("SELECT name_masked FROM event_signup WHERE id = ?", String.class,
                training.get("mother"))).isEqualTo("林*");
        // the certificate number still verifies, without a name
        JsonNode verified = api.get("/api/v1/certificates/" + certificate, null).json();
        assertThat(verified.path("verifyNo").asString()).isEqualTo(certificate);
        assertThat(verified.path("holderName").asString()).doesNotContain("林");

        // no way back in
        assertProblem(api.get("/api/v1/me", me), 401, "TOKEN_INVALID");
        assertProblem(api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken",
                login.path("refreshToken").asString()))), 401, "REFRESH_TOKEN_INVALID");

        // and what they did still counts, every figure of the plan as it was
        awaitEveryListener();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE resident_id = ?", Long.class,
                residentId)).isEqualTo(ledgerRows);
        assertThat(jdbc.queryForObject("SELECT taken FROM event WHERE id = ?", Integer.class, training.get("event")))
                .isEqualTo(2);
        assertThat(seededDashboard()).isEqualTo(dashboard);
        if (onlyOfficerOfHerVillage) {
            assertThat(officerCoverage()).as("her village has no officer any more").isLessThan(coverage);
        } else {
            assertThat(officerCoverage()).as("her village still has another officer").isEqualTo(coverage);
        }
    }

    // ---- what the resident does in each feature --------------------------------------------------------------

    /** A village cadre signs her up by phone for a later event before she uses the app; she then claims it. */
    private long signedUpByACadreAndClaimed() {
        long later = event(T0.plusDays(3), Duration.ofHours(2), List.of()).path("id").asLong();
        Response proxied = api.post("/api/v1/events/" + later + "/proxy-signups", Logins.residentToken(api),
                ApiClient.json(Map.of("name", NAME, "phone", phone, "regionCode", VILLAGE)));
        assertThat(proxied.status()).as(proxied.toString()).isEqualTo(201);
        String code = "erase-phone-" + UUID.randomUUID();
        WeChatFake.phoneSucceeds(code, phone);
        ok(api.post("/api/v1/me/phone", me, ApiClient.json(Map.of("code", code))));
        Response claimed = ok(api.post("/api/v1/signups/claim", me, ApiClient.json(Map.of("phone", phone))));
        assertThat(claimed.json()).hasSize(1);
        return proxied.json().path("id").asLong();
    }

    /** An avatar (her own confirmed upload) and an image; returns the avatar's read URL. */
    private String mediaAndAvatar() {
        ContentSecurityFake.mediaCheckAccepted("trace-" + UUID.randomUUID());
        String avatar = ok(Uploads.uploadPng(api, me, "AVATAR")).json().path("key").asString();
        ok(api.patch("/api/v1/me", me, ApiClient.json(Map.of("avatarKey", avatar))));
        ContentSecurityFake.mediaCheckAccepted("trace-" + UUID.randomUUID());
        ok(Uploads.uploadPng(api, me, "RESIDENT_IMAGE"));
        return api.get("/api/v1/me", me).json().path("avatarUrl").asString();
    }

    /** The daily quiz (streak, points), a wrong practice answer, the leaderboard opt-in, a passed contest, a self-test. */
    private String quizzes() {
        long daily = jdbc.queryForObject("SELECT id FROM quiz WHERE kind = 'DAILY' ORDER BY id LIMIT 1", Long.class);
        submit(daily, 3);

        JsonNode question = ok(api.get("/api/v1/practice/next", me)).json();
        long questionId = question.path("questionId").asLong();
        String answer = jdbc.queryForObject("SELECT answer FROM quiz_question WHERE id = ?", String.class, questionId);
        int wrong = answer.contains("0") ? 1 : 0;
        JsonNode missed = ok(api.post("/api/v1/practice/answers", me, ApiClient.json(Map.of("questionId", questionId,
                "selected", List.of(wrong))))).json();
        assertThat(missed.path("inWrongBook").asBoolean()).as(missed.toString()).isTrue();

        ok(api.put("/api/v1/me/quiz-preferences", me, "{\"leaderboardOptIn\":true}"));

        List<Long> questions = jdbc.queryForList("SELECT id FROM quiz_question WHERE status = 'ACTIVE' AND pool = 'EXAM' "
                + "ORDER BY id LIMIT 2", Long.class);
        Map<String, Object> contest = new HashMap<>();
        contest.put("kind", "CONTEST");
        contest.put("title", "注销测试竞赛");
        contest.put("opensAt", T0.minusMinutes(1).toString());
        contest.put("closesAt", T0.plusDays(1).toString());
        contest.put("timeLimitSeconds", 600);
        contest.put("paperMode", "FIXED");
        contest.put("questionIds", questions);
        long contestId = ok(api.post("/api/admin/v1/quizzes", admin, ApiClient.json(contest))).json().path("id").asLong();
        ok(api.post("/api/admin/v1/quizzes/" + contestId + "/publish", admin, "{}"));
        JsonNode passed = submit(contestId, 2);
        String certificate = passed.path("result").path("certificateNo").asString();
        assertThat(certificate).as(passed.toString()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT holder_name FROM quiz_certificate WHERE verify_no = ?", String.class,
                certificate)).isEqualTo(NAME);

        long selfTest = jdbc.queryForObject("SELECT id FROM quiz WHERE kind = 'SELF_TEST' ORDER BY id LIMIT 1",
                Long.class);
        submit(selfTest, 100);
        return certificate;
    }

    private JsonNode submit(long quizId, int right) {
        long attempt = ok(api.post("/api/v1/quizzes/" + quizId + "/attempts", me, "{}")).json().path("id").asLong();
        return ok(api.post("/api/v1/attempts/" + attempt + "/submit", me,
                QuizAnswers.body(QuizAnswers.some(jdbc, attempt, right)))).json();
    }

    /** Likes, favourites, a finished read, a comment, a share of her own and a read through someone else's share. */
    /** Accepted emergency messages, was queued one for an emergency of their village, and read its banner. */
    private void toldOfAnEmergency() {
        ok(api.post("/api/v1/emergencies/subscription", me, ""));
        ok(api.post("/api/v1/emergencies/subscription", me, ""));
        long template = api.get("/api/admin/v1/emergency-templates?activeOnly=true", admin).json().get(0).path("id").asLong();
        long emergency = ok(api.post("/api/admin/v1/emergencies/from-template", admin, ApiClient.json(Map.of(
                "templateId", template, "wholeDistrict", false, "regionCodes", List.of(VILLAGE),
                "endsAt", T0.plusHours(1).toString(), "confirmText", "确认发布")))).json().path("id").asLong();
        assertThat(api.post("/api/v1/emergencies/" + emergency + "/read", me, "").status()).isEqualTo(204);
    }

    private void content() {
        String marker = "ERASE" + UUID.randomUUID().toString().substring(0, 8);
        long id = Contents.published(api, admin, "注销测试" + marker);
        ok(api.put("/api/v1/contents/" + id + "/like", me, "{}"));
        ok(api.put("/api/v1/contents/" + id + "/favourite", me, "{}"));
        ContentSecurityFake.textVerdict(marker, "pass", 100);
        commentId = ok(api.post("/api/v1/contents/" + id + "/comments", me, ApiClient.json(Map.of("body",
                "我家也这样 " + marker)))).json().path("id").asLong();
        ok(api.post("/api/v1/contents/" + id + "/shares", me, "{}"));
        String friendsShare = ok(api.post("/api/v1/contents/" + id + "/shares", Logins.residentToken(api), "{}"))
                .json().path("shareToken").asString();
        long session = ok(api.post("/api/v1/contents/" + id + "/read-sessions", me,
                ApiClient.json(Map.of("shareToken", friendsShare)))).json().path("sessionId").asLong();
        clock.advance(Duration.ofSeconds(30));
        JsonNode progress = ok(api.post("/api/v1/read-sessions/" + session + "/progress", me, "{\"position\":30}"))
                .json();
        assertThat(progress.path("completed").asBoolean()).as(progress.toString()).isTrue();
    }

    /** A volunteer registration and an officer application (name and phone), and a check-in at a science base. */
    private void volunteerOfficerAndBase() {
        ok(api.post("/api/v1/volunteers/me", me, ApiClient.json(Map.of("realName", NAME, "skills", List.of("农技推广"),
                "regionCode", VILLAGE, "availability", "周末上午"))));
        officerId = ok(api.post("/api/v1/officers/applications", me, ApiClient.json(Map.of("role", "INFO_OFFICER",
                "regionCode", VILLAGE, "realName", NAME, "phone", phone, "motivation", "想为村里做科普")))).json()
                .path("id").asLong();
        ok(api.post("/api/admin/v1/officers/" + officerId + "/approve", admin, ""));
        Map<String, Object> base = new HashMap<>();
        base.put("name", "注销测试基地" + UUID.randomUUID().toString().substring(0, 8));
        base.put("type", "EDUCATION");
        base.put("level", "CITY");
        base.put("accreditedOn", "2024-01-01");
        base.put("regionCode", VILLAGE);
        base.put("address", "陆城镇");
        // far from where other tests put theirs
        base.put("latitude", 29.6201);
        base.put("longitude", 113.4501);
        base.put("geofenceMeters", 300);
        long baseId = ok(api.post("/api/admin/v1/bases", admin, ApiClient.json(base))).json().path("id").asLong();
        ok(api.post("/api/v1/bases/" + baseId + "/check-ins", me, ApiClient.json(Map.of("latitude", 29.6202,
                "longitude", 113.4501))));
    }

    /**
     * A training tagged with a plan indicator: she signs up with a form answer and a message subscription, signs up
     * her mother by phone, is told of a change of venue, and attends long enough for her hours to count.
     */
    private Map<String, Long> attendedTraining() {
        Map<String, Object> spec = eventSpec(T0.plusMinutes(5), Duration.ofMinutes(20), List.of(Map.of("key", "contact",
                "label", "紧急联系人电话", "type", "PHONE", "required", false)));
        JsonNode event = event(spec);
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();
        long mySignup = ok(api.post("/api/v1/events/" + eventId + "/signups", me, ApiClient.json(Map.of(
                "form", Map.of("contact", "13600008888"), "subscribedTemplates", List.of("CHANGE"))))).json()
                .path("id").asLong();
        long mother = ok(api.post("/api/v1/events/" + eventId + "/proxy-signups", me, ApiClient.json(Map.of(
                "name", "林母", "phone", "13700006666", "regionCode", VILLAGE)))).json().path("id").asLong();
        spec.put("venueName", "陆城镇文化站");
        ok(api.put("/api/admin/v1/events/" + eventId, admin, ApiClient.json(spec)));

        clock.pin(T0.plusMinutes(6).toInstant());
        ok(api.post("/api/v1/checkins", me, ApiClient.json(Map.of("token", venueToken(eventId, sessionId, "IN"),
                "latitude", 29.4730, "longitude", 113.2720))));
        clock.pin(T0.plusMinutes(22).toInstant());
        ok(api.post("/api/v1/checkins", me, ApiClient.json(Map.of("token", venueToken(eventId, sessionId, "OUT")))));
        // hours are settled after the session: the organiser ends the event
        clock.pin(T0.plusMinutes(26).toInstant());
        ok(api.post("/api/admin/v1/events/" + eventId + "/finish", admin, ""));
        assertThat(jdbc.queryForObject("SELECT credited FROM event_attendance WHERE event_id = ?", Boolean.class,
                eventId)).isTrue();
        ok(api.get("/api/v1/signups/" + mySignup + "/certificate", me));
        helpedAtAnotherTraining();
        return Map.of("event", eventId, "mother", mother);
    }

    /** Every lesson of the shortest published course, with its practice: progress, completions, a certificate. */
    private void finishedACourse() {
        JsonNode shortest = null;
        for (JsonNode course : ok(api.get("/api/v1/courses", me)).json()) {
            if (shortest == null || course.path("lessonCount").asInt() < shortest.path("lessonCount").asInt()) {
                shortest = course;
            }
        }
        assertThat(shortest).as("a published course").isNotNull();
        long courseId = shortest.path("id").asLong();
        for (JsonNode card : ok(api.get("/api/v1/courses/" + courseId, me)).json().path("lessons")) {
            long lessonId = card.path("id").asLong();
            JsonNode lesson = ok(api.get("/api/v1/courses/lessons/" + lessonId, me)).json();
            assertThat(api.put("/api/v1/courses/lessons/" + lessonId + "/progress", me, "{\"step\":1}").status())
                    .isEqualTo(204);
            List<Map<String, Object>> answers = new ArrayList<>();
            lesson.path("practice").forEach(q -> answers.add(Map.of("questionId", q.path("id").asLong(),
                    "selected", List.of(0))));
            ok(api.post("/api/v1/courses/lessons/" + lessonId + "/completion", me,
                    ApiClient.json(Map.of("answers", answers))));
        }
        String serial = ok(api.get("/api/v1/courses/" + courseId + "/certificate", me)).json().path("serialNo")
                .asString();
        // what deletion erases is first what "export my data" hands over
        JsonNode export = ok(api.get("/api/v1/me/export", me)).json().path("sections").path("courses");
        assertThat(export.path("progress")).hasSize(shortest.path("lessonCount").asInt());
        assertThat(export.path("completions")).hasSize(shortest.path("lessonCount").asInt());
        assertThat(export.path("certificates").findValuesAsString("serialNo")).containsExactly(serial);
    }

    /** She is also a village cadre with a staff account, bound to her WeChat for the organiser mode. */
    private void boundAsAnOrganiser() {
        String username = "del" + UUID.randomUUID().toString().substring(0, 8);
        String password = "organiser-pw-" + username;
        ok(api.post("/api/admin/v1/staff", admin, ApiClient.json(Map.of("username", username, "displayName", "村干部",
                "role", "ORGANISER", "unitId", jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '陆城镇'",
                        Long.class), "password", password))));
        ok(api.post("/api/v1/organiser/binding", me, ApiClient.json(Map.of("username", username,
                "password", password))));
    }

    /** As an approved 科普信息员 she is named an organiser of a second training and checks in there as a helper. */
    private void helpedAtAnotherTraining() {
        Map<String, Object> spec = eventSpec(T0.plusMinutes(30), Duration.ofMinutes(60), List.of());
        spec.put("organiserOfficerResidentIds", List.of(residentId));
        JsonNode event = event(spec);
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();
        ok(api.post("/api/v1/helper-checkins", me, ApiClient.json(Map.of("token", venueToken(eventId, sessionId, "IN"),
                "latitude", 29.4731, "longitude", 113.2721))));
    }

    private String venueToken(long eventId, long sessionId, String purpose) {
        return ok(api.get("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/checkin-token?purpose="
                + purpose, admin)).json().path("token").asString();
    }

    private JsonNode event(OffsetDateTime start, Duration length, List<Map<String, Object>> form) {
        return event(eventSpec(start, length, form));
    }

    private JsonNode event(Map<String, Object> spec) {
        long id = ok(api.post("/api/admin/v1/events", admin, ApiClient.json(spec))).json().path("id").asLong();
        return ok(api.post("/api/admin/v1/events/" + id + "/publish", admin, "")).json();
    }

    private Map<String, Object> eventSpec(OffsetDateTime start, Duration length, List<Map<String, Object>> form) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", "TRAINING");
        spec.put("title", "高素质农民培训（注销测试）" + UUID.randomUUID().toString().substring(0, 6));
        spec.put("venueName", "陆城镇农技站");
        spec.put("venueAddress", "云溪区陆城镇");
        spec.put("latitude", 29.4730);
        spec.put("longitude", 113.2720);
        spec.put("checkinRadiusM", 300);
        spec.put("organiserUnitId", jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '陆城镇'", Long.class));
        spec.put("signupOpensAt", T0.minusDays(1).toString());
        spec.put("signupClosesAt", start.toString());
        spec.put("capacity", 50);
        spec.put("waitlistEnabled", true);
        spec.put("indicatorCodes", List.of("HIGH_QUALITY_FARMERS"));
        spec.put("formFields", form);
        spec.put("sessions", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plus(length).toString())));
        return spec;
    }

    // ---- what the tables hold ---------------------------------------------------------------------------------

    /**
     * Every column of the schema that links a row to a resident, with the number of rows linked to this one. A
     * column this test does not know yet fails it: whoever adds one decides what account deletion does with it.
     */
    private Map<String, Integer> linkedRows() {
        Map<String, Integer> rows = new TreeMap<>();
        for (Map<String, Object> c : jdbc.queryForList("SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME IN "
                + "('resident_id', 'sharer_id', 'opener_id')")) {
            String column = (c.get("t") + "." + c.get("c")).toLowerCase(java.util.Locale.ROOT);
            assertThat(ERASED.contains(column) || KEPT.containsKey(column))
                    .as("%s links rows to a resident: add it to KEPT or ERASED and make account deletion do that",
                            column).isTrue();
            rows.put(column, jdbc.queryForObject("SELECT COUNT(*) FROM " + c.get("t") + " WHERE " + c.get("c") + " = ?",
                    Integer.class, residentId));
        }
        assertThat(rows.keySet()).as("every known link is in the schema").containsAll(ERASED).containsAll(KEPT.keySet());
        return rows;
    }

    /**
     * The non-empty personal values in the rows of {@code table} matching {@code where}: names, phone numbers and
     * their hashes (ciphertexts and masked forms alike), answers, labels, identifiers of the WeChat account.
     */
    private List<String> personalValues(String table, String where, long id) {
        List<String> columns = jdbc.queryForList("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE "
                + "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND (COLUMN_NAME LIKE '%\\_cipher' "
                + "OR COLUMN_NAME LIKE '%\\_masked' OR COLUMN_NAME = 'phone_hash' OR COLUMN_NAME IN ('holder_name', "
                + "'form_answers', 'nickname', 'openid', 'unionid', 'avatar_key', 'motivation', 'availability'))",
                String.class, table);
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            for (String value : jdbc.queryForList("SELECT " + column + " FROM " + table + " WHERE " + where,
                    String.class, id)) {
                if (value != null) {
                    found.add(table + "." + column + " = " + value);
                }
            }
        }
        return found;
    }

    /**
     * The seeded plan's dashboard, every figure but 科普信息员覆盖率: coverage counts villages that have an officer
     * now, and a deleted account is no longer anyone's officer (what the officer did stays in the ledger).
     */
    private String seededDashboard() {
        JsonNode dashboard = seededDashboardJson();
        StringBuilder figures = new StringBuilder(dashboard.path("participation").toString());
        for (JsonNode indicator : dashboard.path("indicators")) {
            if (!"OFFICER_COVERAGE".equals(indicator.path("code").asString())) {
                figures.append('\n').append(indicator);
            }
        }
        return figures.toString();
    }

    private double officerCoverage() {
        for (JsonNode indicator : seededDashboardJson().path("indicators")) {
            if ("OFFICER_COVERAGE".equals(indicator.path("code").asString())) {
                return indicator.path("value").asDouble();
            }
        }
        throw new AssertionError("OFFICER_COVERAGE missing");
    }

    private JsonNode seededDashboardJson() {
        for (JsonNode p : api.get("/api/admin/v1/plans", admin).json()) {
            if ("YUNXI-2022-2025".equals(p.path("code").asString())) {
                return ok(api.get("/api/admin/v1/plans/" + p.path("id").asLong() + "/dashboard", admin)).json();
            }
        }
        throw new AssertionError("seeded plan missing");
    }

    /** Waits for every feature's listeners of what happened here (figures, points, hours, reach, reads). */
    private void awaitEveryListener() {
        EventPublications.awaitCompleted(jdbc, ParticipationRecorded.class, ParticipationsRecorded.class,
                AttendanceConfirmed.class, ContentShared.class, SharedContentOpened.class, ContentRead.class,
                MediaCheckCompleted.class, ResidentDeleted.class);
    }

    private static Response ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        return r;
    }
}
