package cn.yunxi.kepu.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * An item pinned as an emergency leaves the top of the feed by itself when its end passes, also from the cached
 * feed pages: the scheduled job ends the pin (as unpinning by hand would), which retires every cached page.
 */
@KepuIntegrationTest
class EmergencyPinEndsIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ContentAdminService adminService;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private JsonNode entry(ApiClient api, String resident, long id) {
        JsonNode page = api.get("/api/v1/contents?group=OTHER&size=100", resident).json();
        return page.path("items").valueStream().filter(i -> i.path("id").asLong() == id).findFirst().orElseThrow();
    }

    @Test
    void aPinnedItemLeavesTheTopOfTheCachedFeedWhenItsEndPasses() {
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        Map<String, Object> body = Contents.article("到期置顶" + UUID.randomUUID().toString().substring(0, 6));
        body.put("groups", List.of("OTHER"));
        long id = Contents.published(api, admin, body);
        assertThat(api.post("/api/admin/v1/contents/" + id + "/emergency", admin, ApiClient.json(Map.of(
                "emergency", true, "until", OffsetDateTime.now(clock).plusMinutes(10).withNano(0).toString()))).status())
                .isEqualTo(200);
        String resident = Logins.residentToken(api);
        assertThat(entry(api, resident, id).path("pinned").asBoolean()).isTrue();
        assertThat(entry(api, resident, id).path("pinned").asBoolean()).as("from the cache").isTrue();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        adminService.publishDue();

        JsonNode after = entry(api, resident, id);
        assertThat(after.path("pinned").asBoolean()).isFalse();
        assertThat(after.path("emergency").asBoolean()).isFalse();
        JsonNode staffView = api.get("/api/admin/v1/contents/" + id, admin).json();
        assertThat(staffView.path("emergency").asBoolean()).isFalse();
        // ended once: a second run finds nothing to end
        adminService.publishDue();
        assertThat(entry(api, resident, id).path("pinned").asBoolean()).isFalse();
    }
}
