package cn.yunxi.kepu.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/** Logs residents and staff in through the real endpoints. */
public final class Logins {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Logins() {
    }

    /** A new resident (fresh openid) logged in via the WeChat fake; returns the login response. */
    public static JsonNode newResident(ApiClient api) {
        int n = SEQUENCE.incrementAndGet();
        String code = "code-" + System.nanoTime() + "-" + n;
        WeChatFake.loginSucceeds(code, "openid-" + System.nanoTime() + "-" + n);
        ApiClient.Response response = api.post("/api/v1/auth/wechat-login", null, ApiClient.json(Map.of("code", code)),
                Map.of("X-Forwarded-For", clientAddress()));
        if (response.status() != 200) {
            throw new IllegalStateException("resident login failed: " + response);
        }
        return response.json();
    }

    /**
     * A distinct client address per login (IPv6 documentation prefix, only ever a header value), so the
     * per-address login rate limit sees many phones, as in real life, rather than one test process.
     */
    public static String clientAddress() {
        return "2001:db8::" + Integer.toHexString(SEQUENCE.incrementAndGet());
    }

    public static String residentToken(ApiClient api) {
        return newResident(api).path("accessToken").asString();
    }

    public static JsonNode staff(ApiClient api, String username, String password) {
        ApiClient.Response response = api.post("/api/admin/v1/auth/login", null,
                ApiClient.json(Map.of("username", username, "password", password)),
                Map.of("X-Forwarded-For", clientAddress()));
        if (response.status() != 200) {
            throw new IllegalStateException("staff login failed: " + response);
        }
        return response.json();
    }

    public static String districtAdminToken(ApiClient api) {
        return staff(api, TestEnginesInitializer.BOOTSTRAP_ADMIN, TestEnginesInitializer.BOOTSTRAP_PASSWORD)
                .path("accessToken").asString();
    }
}
