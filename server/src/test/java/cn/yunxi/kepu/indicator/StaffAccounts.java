package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Logins;

/** Creates staff accounts through the staff API and logs them in. */
final class StaffAccounts {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private StaffAccounts() {
    }

    static long unitId(JdbcTemplate jdbc, String code) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE code = ?", Long.class, code);
    }

    /** A new account of {@code role} in the unit with {@code unitCode} (null for district admins); returns its token. */
    static String token(ApiClient api, JdbcTemplate jdbc, String adminToken, String role, String unitCode) {
        String username = "p" + role.toLowerCase().charAt(0) + System.nanoTime() % 1_000_000 + "x" + SEQ.incrementAndGet();
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "测试" + role);
        body.put("role", role);
        body.put("unitId", unitCode == null ? null : unitId(jdbc, unitCode));
        body.put("password", "plan-test-password");
        ApiClient.Response r = api.post("/api/admin/v1/staff", adminToken, ApiClient.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return Logins.staff(api, username, "plan-test-password").path("accessToken").asString();
    }
}
