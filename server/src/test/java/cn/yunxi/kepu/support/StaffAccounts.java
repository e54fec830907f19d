package cn.yunxi.kepu.support;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Staff accounts of a named unit, made through the staff API as the district admin makes them. */
public final class StaffAccounts {

    private StaffAccounts() {
    }

    public static long unitId(ApiClient api, String admin, String unitName) {
        for (JsonNode unit : api.get("/api/admin/v1/units", admin).json()) {
            if (unit.path("name").asString().equals(unitName)) {
                return unit.path("id").asLong();
            }
        }
        throw new IllegalArgumentException(unitName);
    }

    /** A new account with {@code role} in the unit named {@code unitName}; returns its access token. */
    public static String token(ApiClient api, String admin, String role, String unitName) {
        String username = "c" + UUID.randomUUID().toString().substring(0, 10);
        String password = "Pw-" + UUID.randomUUID().toString().substring(0, 12);
        ApiClient.Response created = api.post("/api/admin/v1/staff", admin, ApiClient.json(Map.of(
                "username", username, "displayName", "测试" + role, "role", role,
                "unitId", unitId(api, admin, unitName), "password", password)));
        if (created.status() != 201) {
            throw new IllegalStateException("staff account not created: " + created);
        }
        return Logins.staff(api, username, password).path("accessToken").asString();
    }
}
