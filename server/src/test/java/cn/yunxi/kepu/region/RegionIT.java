package cn.yunxi.kepu.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
class RegionIT {

    @LocalServerPort
    int port;

    @Test
    void theDistrictTreeIsPublicAndCachedByEtag() {
        ApiClient api = new ApiClient(port);

        Response tree = api.get("/api/v1/regions", null);

        assertThat(tree.status()).isEqualTo(200);
        JsonNode district = tree.json();
        assertThat(district.path("code").asString()).isEqualTo("430603");
        assertThat(district.path("name").asString()).isEqualTo("云溪区");
        assertThat(district.path("children").size()).isEqualTo(4);
        JsonNode town = district.path("children").get(0);
        assertThat(town.path("level").asString()).isEqualTo("TOWN");
        assertThat(town.path("children").size()).isGreaterThan(0);
        assertThat(town.path("children").get(0).path("level").asString()).isEqualTo("VILLAGE");
        assertThat(town.path("children").get(0).path("sampleData").asBoolean()).isTrue();

        String etag = tree.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(api.get("/api/v1/regions", null, "If-None-Match", etag).status()).isEqualTo(304);
    }
}
