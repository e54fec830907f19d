package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/** Small builders for event tests: an event request with sensible defaults, changed per test. */
final class EventFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private EventFixtures() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(Zones.SHANGHAI).withNano(0);
    }

    /** An event starting in two days (one two-hour session), signup open now, 50 seats, waitlist on. */
    static EventSpec event() {
        return new EventSpec();
    }

    static final class EventSpec {
        final Map<String, Object> body = new LinkedHashMap<>();
        final List<Map<String, Object>> sessions = new ArrayList<>();

        EventSpec() {
            OffsetDateTime start = now().plusDays(2);
            body.put("kind", "TRAINING");
            body.put("title", "高素质农民培训 " + SEQ.incrementAndGet());
            body.put("description", "水稻病虫害绿色防控");
            body.put("venueName", "陆城镇农技站");
            body.put("venueAddress", "云溪区陆城镇");
            body.put("latitude", 29.4730);
            body.put("longitude", 113.2720);
            body.put("checkinRadiusM", 300);
            body.put("signupOpensAt", now().minusHours(1).toString());
            body.put("signupClosesAt", start.minusHours(1).toString());
            body.put("capacity", 50);
            body.put("waitlistEnabled", true);
            body.put("indicatorCodes", List.of("HIGH_QUALITY_FARMERS"));
            sessions.add(session(start, start.plusHours(2), null));
        }

        EventSpec set(String key, Object value) {
            body.put(key, value);
            return this;
        }

        EventSpec sessions(List<Map<String, Object>> list) {
            sessions.clear();
            sessions.addAll(list);
            return this;
        }

        /** One session from {@code start} lasting {@code length}; signup closes at its start. */
        EventSpec singleSession(OffsetDateTime start, Duration length) {
            sessions.clear();
            sessions.add(session(start, start.plus(length), null));
            body.put("signupClosesAt", start.toString());
            return this;
        }

        String json() {
            Map<String, Object> copy = new HashMap<>(body);
            copy.put("sessions", sessions);
            return ApiClient.json(copy);
        }
    }

    static Map<String, Object> session(OffsetDateTime start, OffsetDateTime end, Double hours) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("startsAt", start.toString());
        s.put("endsAt", end.toString());
        if (hours != null) {
            s.put("hours", hours);
        }
        return s;
    }

    static long unitId(ApiClient api, String admin, String name) {
        for (JsonNode unit : api.get("/api/admin/v1/units", admin).json()) {
            if (unit.path("name").asString().equals(name)) {
                return unit.path("id").asLong();
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Creates a staff account of the given role in the unit and returns its access token. */
    static String staffToken(ApiClient api, String admin, String role, long unitId) {
        StaffAccount account = staffAccount(api, admin, role, unitId);
        return Logins.staff(api, account.username(), account.password()).path("accessToken").asString();
    }

    record StaffAccount(long id, String username, String password) {
    }

    /** A new staff account of that role and unit, made by the given admin. */
    static StaffAccount staffAccount(ApiClient api, String admin, String role, long unitId) {
        String username = "s" + role.substring(0, 3).toLowerCase() + System.nanoTime() % 10_000_000 + SEQ.incrementAndGet();
        String password = "pw-" + username + "-long";
        ApiClient.Response created = api.post("/api/admin/v1/staff", admin, ApiClient.json(Map.of(
                "username", username, "displayName", "测试" + role, "role", role, "unitId", unitId,
                "password", password)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new StaffAccount(created.json().path("id").asLong(), username, password);
    }

    /** Creates (as the given staff) and publishes; returns the event JSON. */
    static JsonNode published(ApiClient api, String staff, EventSpec spec) {
        JsonNode created = created(api, staff, spec);
        ApiClient.Response published = api.post("/api/admin/v1/events/" + created.path("id").asLong() + "/publish",
                staff, "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    static JsonNode created(ApiClient api, String staff, EventSpec spec) {
        ApiClient.Response created = api.post("/api/admin/v1/events", staff, spec.json());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    static ApiClient.Response signup(ApiClient api, String resident, long eventId, String body) {
        return api.post("/api/v1/events/" + eventId + "/signups", resident, body);
    }

    static ApiClient.Response signup(ApiClient api, String resident, long eventId) {
        return signup(api, resident, eventId, "{}");
    }
}
