package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Logins;

/** Staff accounts for browser tests, made through the staff API as a district admin would make them. */
final class ConsoleAccounts {

    record Account(long id, String username, String password, String displayName) {

        String token(ApiClient api) {
            return Logins.staff(api, username, password).path("accessToken").asString();
        }
    }

    private ConsoleAccounts() {
    }

    static Long unit(JdbcTemplate jdbc, String code) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE code = ?", Long.class, code);
    }

    /** A new account as the admin created it: its password was chosen by the admin and must be changed. */
    static Account created(ApiClient api, String adminToken, String role, Long unitId, String displayName) {
        String username = "w" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Initial-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", displayName,
                "password", password, "role", role));
        body.put("unitId", unitId);
        ApiClient.Response created = api.post("/api/admin/v1/staff", adminToken, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Account(created.json().path("id").asLong(), username, password, displayName);
    }

    /** A new account whose owner has already set their own password (so the console opens straight away). */
    static Account ready(ApiClient api, String adminToken, String role, Long unitId, String displayName) {
        Account first = created(api, adminToken, role, unitId, displayName);
        String own = "Own-" + UUID.randomUUID().toString().substring(0, 12);
        ApiClient.Response changed = api.post("/api/admin/v1/me/password", first.token(api),
                ApiClient.json(Map.of("oldPassword", first.password(), "newPassword", own)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        return new Account(first.id(), first.username(), own, displayName);
    }
}
