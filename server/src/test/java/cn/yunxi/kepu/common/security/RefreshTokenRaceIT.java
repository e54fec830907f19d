package cn.yunxi.kepu.common.security;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.TestEnginesInitializer;
import tools.jackson.databind.JsonNode;

/**
 * Refresh tokens under attack: the same token presented twice at the same moment (a copied token used by the thief
 * and the owner at once), and a token presented at the other kind of account's refresh endpoint. The documented
 * outcome of reuse (docs/architecture.md, 账号与令牌): exactly one refresh wins; the other is answered
 * {@code REFRESH_TOKEN_REUSED} and the whole login ends, the winner's new tokens included.
 */
@KepuIntegrationTest
class RefreshTokenRaceIT {

    static final String RESIDENT_REFRESH = "/api/v1/auth/refresh";
    static final String STAFF_REFRESH = "/api/admin/v1/auth/refresh";
    static final int ROUNDS = 15;

    @LocalServerPort
    int port;

    ApiClient api;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void twoConcurrentRefreshesOfOneResidentTokenLetExactlyOneWinAndEndTheLogin() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode login = Logins.newResident(api);
            assertOneWinsAndTheLoginEnds(RESIDENT_REFRESH, login.path("refreshToken").asString(), "/api/v1/me",
                    round);
        }
    }

    @Test
    void twoConcurrentRefreshesOfOneStaffTokenLetExactlyOneWinAndEndTheLogin() throws Exception {
        String username = "race" + System.nanoTime() % 1_000_000;
        Response created = api.post("/api/admin/v1/staff", Logins.districtAdminToken(api), ApiClient.json(Map.of(
                "username", username, "displayName", "并发刷新", "role", "DISTRICT_ADMIN", "password", "race-password-1")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode login = Logins.staff(api, username, "race-password-1");
            assertOneWinsAndTheLoginEnds(STAFF_REFRESH, login.path("refreshToken").asString(), "/api/admin/v1/me",
                    round);
        }
    }

    @Test
    void aRefreshTokenOfTheOtherKindOfAccountIsRefusedAndLeftUsable() {
        JsonNode resident = Logins.newResident(api);
        JsonNode staff = Logins.staff(api, TestEnginesInitializer.BOOTSTRAP_ADMIN,
                TestEnginesInitializer.BOOTSTRAP_PASSWORD);

        assertProblem(refresh(STAFF_REFRESH, resident.path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
        assertProblem(refresh(RESIDENT_REFRESH, staff.path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");

        // Refused before anything was rotated or revoked: each token still works where it belongs, once.
        Response residentRefresh = refresh(RESIDENT_REFRESH, resident.path("refreshToken").asString());
        assertThat(residentRefresh.status()).as(residentRefresh.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", residentRefresh.json().path("accessToken").asString()).status())
                .isEqualTo(200);
        Response staffRefresh = refresh(STAFF_REFRESH, staff.path("refreshToken").asString());
        assertThat(staffRefresh.status()).as(staffRefresh.toString()).isEqualTo(200);
        assertThat(api.get("/api/admin/v1/me", staffRefresh.json().path("accessToken").asString()).status())
                .isEqualTo(200);
        // and an access token of one kind opens nothing of the other's API
        assertProblem(api.get("/api/admin/v1/me", residentRefresh.json().path("accessToken").asString()), 403,
                "FORBIDDEN");
        assertProblem(api.get("/api/v1/me", staffRefresh.json().path("accessToken").asString()), 403, "FORBIDDEN");
    }

    private void assertOneWinsAndTheLoginEnds(String path, String refreshToken, String me, int round)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Response>> racing = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            racing.add(pool.submit(() -> {
                start.await();
                return refresh(path, refreshToken);
            }));
        }
        List<Response> answers = new ArrayList<>();
        for (Future<Response> f : racing) {
            answers.add(f.get());
        }
        List<Response> won = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).as("round %d: %s", round, answers).hasSize(1);
        Response lost = answers.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
        assertProblem(lost, 401, "REFRESH_TOKEN_REUSED");

        Response winner = won.get(0);
        assertProblem(api.get(me, winner.json().path("accessToken").asString()), 401, "TOKEN_INVALID");
        assertProblem(refresh(path, winner.json().path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
    }

    private Response refresh(String path, String refreshToken) {
        return api.post(path, null, ApiClient.json(Map.of("refreshToken", refreshToken)));
    }
}
