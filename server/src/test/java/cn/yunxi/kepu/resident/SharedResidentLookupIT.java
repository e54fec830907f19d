package cn.yunxi.kepu.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/**
 * Signups look residents up with {@link ResidentService#findShared}: concurrent lookups share one query, and
 * nothing is kept between calls, so each caller gets their own resident as the database has it at that moment.
 */
@KepuIntegrationTest
class SharedResidentLookupIT {

    @LocalServerPort
    int port;
    @Autowired
    ResidentService residents;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void concurrentLookupsEachGetTheirOwnResident() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(Logins.newResident(api).path("resident").path("id").asLong());
        }
        List<Long> asked = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            asked.addAll(ids);
        }
        asked.add(-1L);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Optional<ResidentSummary>>> answers = new ArrayList<>();
            for (long id : asked) {
                answers.add(pool.submit(() -> residents.findShared(id)));
            }
            for (int i = 0; i < asked.size(); i++) {
                long id = asked.get(i);
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(residents.find(id));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(residents.findShared(ids.get(0))).get().extracting(ResidentSummary::id).isEqualTo(ids.get(0));
        assertThat(residents.findShared(-1L)).isEmpty();
    }

    @Test
    void aProfileChangeAndADeletionShowAtOnce() {
        JsonNode login = Logins.newResident(api);
        long id = login.path("resident").path("id").asLong();
        String token = login.path("accessToken").asString();
        assertThat(residents.findShared(id)).get().satisfies(r -> {
            assertThat(r.active()).isTrue();
            assertThat(r.populationGroup()).isNull();
        });

        assertThat(api.patch("/api/v1/me", token, ApiClient.json(Map.of("regionCode", MeIT.VILLAGE,
                "populationGroup", "ELDERLY", "birthYear", 1955))).status()).isEqualTo(200);
        assertThat(residents.findShared(id)).get().satisfies(r -> {
            assertThat(r.regionCode()).isEqualTo(MeIT.VILLAGE);
            assertThat(r.populationGroup()).isEqualTo(PopulationGroup.ELDERLY);
            assertThat(r.birthYear()).isEqualTo(1955);
        });

        assertThat(api.delete("/api/v1/me", token).status()).isEqualTo(204);
        assertThat(residents.findShared(id)).get().extracting(ResidentSummary::active).isEqualTo(false);
    }
}
