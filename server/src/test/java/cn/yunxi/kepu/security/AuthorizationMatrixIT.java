package cn.yunxi.kepu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.AntPathMatcher;

import cn.yunxi.kepu.common.security.PublicEndpoints;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the OpenAPI document (read at run time, so a new endpoint is covered the day it appears),
 * called by everyone who must be refused: nobody, an expired token, a resident who does not own the record, a resident
 * on staff paths, staff of another unit and of a town, and an organiser on what only admins do. Path variables hold
 * ids of real records that belong to someone else. Never a 2xx where a refusal is due, never a 5xx for anyone.
 */
@KepuIntegrationTest
class AuthorizationMatrixIT {

    /** Resident records only their owner may see or change (by the path segment before the id). */
    static final Set<String> RESIDENT_OWNED = Set.of("signups", "attempts", "read-sessions");
    /** Staff records scoped to the unit that owns them. */
    static final Set<String> UNIT_OWNED = Set.of("events", "contents", "staff");
    /** What an organiser may never do: manage accounts, review or pin content, list people behind a figure. */
    static final List<Pattern> ADMIN_ONLY = List.of(
            Pattern.compile("POST /api/admin/v1/staff(/\\{id}/(disable|enable))?"),
            Pattern.compile("POST /api/admin/v1/contents/\\{id}/(approve|reject|publish|archive|emergency|revision/.*)"),
            Pattern.compile("GET /api/admin/v1/indicators/\\{id}/(records|records\\.xlsx|self-tests)"));
    /** Operations the matrix must not run: they end the caller's own account or session. */
    static final Set<String> SKIPPED = Set.of("DELETE /api/v1/me");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    List<PublicEndpoints> publicEndpoints;

    ApiClient api;
    final AntPathMatcher paths = new AntPathMatcher();
    final Map<String, String> ids = new HashMap<>();
    final List<String> failures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Operation(String method, String template, boolean multipart) {
        String key() {
            return method + " " + template;
        }
    }

    List<Operation> operations() {
        JsonNode doc = ApiClient.apiDocs(port);
        List<Operation> ops = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            boolean multipart = op.getValue().path("requestBody").path("content").has("multipart/form-data");
            Operation o = new Operation(method, path.getKey(), multipart);
            if (!SKIPPED.contains(o.key())) {
                ops.add(o);
            }
        }));
        assertThat(ops).as("operations in /v3/api-docs").hasSizeGreaterThan(100);
        return ops;
    }

    boolean isPublic(String path) {
        return publicEndpoints.stream().flatMap(p -> p.patterns().stream()).anyMatch(p -> paths.match(p, path));
    }

    /** The segment just before a path variable names the record: /api/v1/signups/{id} is a signup. */
    static String owner(String template) {
        Matcher m = Pattern.compile("/([a-z-]+)/\\{[A-Za-z]+}").matcher(template);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    String fill(String template) {
        Matcher m = Pattern.compile("([a-z-]+)/\\{([A-Za-z]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = ids.getOrDefault(m.group(1) + "/" + m.group(2), ids.getOrDefault(m.group(1), "1"));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "/" + value));
        }
        m.appendTail(out);
        return out.toString();
    }

    Response call(Operation op, String token) {
        String path = fill(op.template());
        return switch (op.method()) {
            case "GET" -> api.get(path, token);
            case "DELETE" -> api.delete(path, token);
            case "PUT" -> api.put(path, token, "{}");
            case "PATCH" -> api.patch(path, token, "{}");
            default -> op.multipart() ? api.postRaw(path, token, "multipart/form-data; boundary=x", "--x--\r\n")
                    : api.post(path, token, "{}");
        };
    }

    /** WeChat unreachable (the stand-in has no answer for that call) is a documented 503, not a server error. */
    static boolean upstreamDown(Response r) {
        return r.status() == 503 && r.body() != null && r.body().contains("\"WECHAT_UNAVAILABLE\"");
    }

    void expect(Operation op, String who, Response r, Set<Integer> allowed) {
        if (r.status() >= 500 || !allowed.contains(r.status())) {
            failures.add(op.key() + " as " + who + " -> " + r.status() + " " + abbreviate(r.body()));
        }
    }

    void neverServerError(Operation op, String who, Response r) {
        if (r.status() >= 500 && !upstreamDown(r)) {
            failures.add(op.key() + " as " + who + " -> " + r.status() + " " + abbreviate(r.body()));
        }
    }

    static String abbreviate(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) : body;
    }

    static final Set<Integer> UNAUTHENTICATED = Set.of(401);
    static final Set<Integer> FORBIDDEN = Set.of(403);
    /** A refusal of a real record someone else owns (validation may answer first; never a success). */
    static final Set<Integer> REFUSED = Set.of(400, 403, 404, 405, 409, 415, 422);

    // ---------- fixtures: records of resident A and of unit 1 ----------

    String staff(String admin, String role, long unitId) {
        String username = "m" + role.substring(0, 3).toLowerCase() + UUID.randomUUID().toString().substring(0, 8);
        String password = "matrix-password-" + username;
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", "矩阵" + role,
                "role", role, "password", password, "unitId", unitId));
        Response created = api.post("/api/admin/v1/staff", admin, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ids.putIfAbsent("staff", created.json().path("id").asLong() + "");
        return Logins.staff(api, username, password).path("accessToken").asString();
    }

    long unit(String code) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE code = ?", Long.class, code);
    }

    void fixtures(String admin, String residentA) {
        long ownerUnit = api.get("/api/admin/v1/units", admin).json().get(0).path("id").asLong();
        String ownerAdmin = staff(admin, "UNIT_ADMIN", ownerUnit);
        ids.put("staff", Long.toString(jdbc.queryForObject(
                "SELECT id FROM staff_account WHERE unit_id = ? AND role = 'UNIT_ADMIN' ORDER BY id DESC LIMIT 1",
                Long.class, ownerUnit)));

        OffsetDateTime start = OffsetDateTime.now(clock.withZone(Zones.SHANGHAI)).withNano(0).plusDays(2);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "TRAINING");
        event.put("title", "矩阵测试培训");
        event.put("venueName", "陆城镇农技站");
        event.put("latitude", 29.4730);
        event.put("longitude", 113.2720);
        event.put("checkinRadiusM", 300);
        event.put("signupOpensAt", start.minusDays(3).toString());
        event.put("signupClosesAt", start.minusHours(1).toString());
        event.put("capacity", 50);
        event.put("waitlistEnabled", true);
        event.put("sessions", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString())));
        Response created = api.post("/api/admin/v1/events", ownerAdmin, ApiClient.json(event));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String eventId = created.json().path("id").asLong() + "";
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/publish", ownerAdmin, "").status()).isEqualTo(200);
        ids.put("events", eventId);
        ids.put("sessions/sessionId", created.json().path("sessions").get(0).path("id").asLong() + "");
        Response signup = api.post("/api/v1/events/" + eventId + "/signups", residentA, "{}");
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        ids.put("signups", signup.json().path("id").asLong() + "");

        long content = Contents.published(api, admin, "矩阵测试内容");
        ids.put("contents", Long.toString(content));
        ids.put("items", Long.toString(content));
        Response read = api.post("/api/v1/contents/" + content + "/read-sessions", residentA, "{}");
        assertThat(read.status()).as(read.toString()).isBetween(200, 201);
        ids.put("read-sessions/sessionId", read.json().path("sessionId").asLong() + "");

        long daily = jdbc.queryForObject("SELECT id FROM quiz WHERE kind = 'DAILY' ORDER BY id LIMIT 1", Long.class);
        ids.put("quizzes", Long.toString(daily));
        Response attempt = api.post("/api/v1/quizzes/" + daily + "/attempts", residentA, "{}");
        assertThat(attempt.status()).as(attempt.toString()).isEqualTo(201);
        ids.put("attempts", attempt.json().path("id").asLong() + "");
        ids.put("quiz-questions", Long.toString(jdbc.queryForObject(
                "SELECT id FROM quiz_question WHERE status = 'ACTIVE' ORDER BY id LIMIT 1", Long.class)));
        ids.put("plans", Long.toString(jdbc.queryForObject("SELECT id FROM plan ORDER BY id LIMIT 1", Long.class)));
        ids.put("indicators", Long.toString(jdbc.queryForObject(
                "SELECT id FROM indicator ORDER BY id LIMIT 1", Long.class)));
        ids.put("certificates/verifyNo", "ABCDEFGHJKMNPQRSTVWX");
    }

    @Test
    void everyOperationRefusesEveryoneItMustRefuse() {
        String admin = Logins.districtAdminToken(api);
        String residentA = Logins.residentToken(api);
        String residentB = Logins.residentToken(api);
        fixtures(admin, residentA);
        String otherUnit = staff(admin, "UNIT_ADMIN", unit("JTJ"));
        String town = staff(admin, "TOWN_ADMIN", unit("T430603100"));
        String organiser = staff(admin, "ORGANISER",
                api.get("/api/admin/v1/units", admin).json().get(0).path("id").asLong());
        List<Operation> ops = operations();

        for (Operation op : ops) {
            boolean open = isPublic(fill(op.template()));
            boolean staffPath = op.template().startsWith("/api/admin/");
            String record = owner(op.template());
            if (!open) {
                expect(op, "nobody", call(op, null), UNAUTHENTICATED);
            } else {
                neverServerError(op, "nobody", call(op, null));
            }
            if (staffPath) {
                Response asResident = call(op, residentB);
                if (open) {
                    neverServerError(op, "resident", asResident);
                } else {
                    expect(op, "resident on a staff path", asResident, FORBIDDEN);
                }
                boolean unitOwned = record != null && UNIT_OWNED.contains(record);
                for (Map.Entry<String, String> other : Map.of("staff of another unit", otherUnit,
                        "town staff", town).entrySet()) {
                    Response r = call(op, other.getValue());
                    if (unitOwned && !open) {
                        expect(op, other.getKey(), r, REFUSED);
                    } else {
                        neverServerError(op, other.getKey(), r);
                    }
                }
                Response asOrganiser = call(op, organiser);
                if (ADMIN_ONLY.stream().anyMatch(p -> p.matcher(op.key()).matches())) {
                    expect(op, "organiser", asOrganiser, REFUSED);
                } else {
                    neverServerError(op, "organiser", asOrganiser);
                }
            } else {
                Response asOther = call(op, residentB);
                if (record != null && RESIDENT_OWNED.contains(record) && !open) {
                    expect(op, "a resident who does not own the record", asOther, REFUSED);
                } else {
                    neverServerError(op, "another resident", asOther);
                }
            }
        }

        // Expired tokens: the same tokens an hour past their lifetime.
        clock.advance(Duration.ofHours(2));
        for (Operation op : ops) {
            if (!isPublic(fill(op.template()))) {
                expect(op, "an expired token", call(op, op.template().startsWith("/api/admin/") ? otherUnit : residentB),
                        UNAUTHENTICATED);
            }
        }
        assertThat(ids.values()).as("fixture ids").allMatch(v -> !v.isBlank() && !v.equals("0"));
        assertThat(failures).as("operations that let someone through or failed").isEmpty();
    }
}
