package cn.yunxi.kepu.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ContentSecurityFake;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Uploads;
import tools.jackson.databind.JsonNode;

/** Deleting an account deletes the resident's uploads from storage (local disk here) and their media rows. */
@KepuIntegrationTest
class MediaPersonalDataIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MediaStorage storage;

    @BeforeEach
    void freshMediaChecks() {
        // Several images are uploaded here: each must get its own trace_id, whatever stub an earlier test left.
        ContentSecurityFake.mediaCheckAcceptedWithFreshTraces();
    }

    @Test
    void aDeletedAccountsUploadsAreGoneAndTheirUrlsAnswer404() throws InterruptedException {
        ApiClient api = new ApiClient(port);
        String leaving = Logins.residentToken(api);
        long leavingId = api.get("/api/v1/me", leaving).json().path("id").asLong();
        JsonNode image = Uploads.uploadPng(api, leaving, "RESIDENT_IMAGE").json();
        JsonNode avatar = Uploads.uploadPng(api, leaving, "AVATAR").json();
        // An upload never confirmed has no row, but it is theirs all the same.
        String unconfirmed = "r/" + leavingId + "/image/20261129/" + "0".repeat(32) + ".png";
        storage.put(unconfirmed, Uploads.PNG, "image/png");
        String staying = Logins.residentToken(api);
        JsonNode othersImage = Uploads.uploadPng(api, staying, "RESIDENT_IMAGE").json();
        String imageUrl = image.path("url").asString();
        assertThat(Uploads.fetch(imageUrl).statusCode()).isEqualTo(200);

        assertThat(api.delete("/api/v1/me", leaving).status()).isEqualTo(204);

        awaitNoRows(leavingId);
        assertThat(storage.exists(image.path("key").asString())).isFalse();
        assertThat(storage.exists(avatar.path("key").asString())).isFalse();
        assertThat(storage.exists(unconfirmed)).isFalse();
        assertThat(Uploads.fetch(imageUrl).statusCode()).isEqualTo(404);
        assertThat(Uploads.fetch(avatar.path("url").asString()).statusCode()).isEqualTo(404);

        assertThat(storage.exists(othersImage.path("key").asString())).isTrue();
        assertThat(Uploads.fetch(othersImage.path("url").asString()).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/media/url?key=" + othersImage.path("key").asString(), staying).status()).isEqualTo(200);
    }

    @Test
    void onlyAnOwnersPrefixMayBeDeletedInBulk() {
        for (String prefix : new String[] {"", "r/", "sys/", "r/1", "r/x/", "r/1/image/"}) {
            assertThatThrownBy(() -> storage.deleteAll(prefix))
                    .as(prefix).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(storage.deleteAll("r/999999999/")).isZero();
    }

    private void awaitNoRows(long residentId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(residentId) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(residentId)).isZero();
    }

    private int count(long residentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM media_object WHERE owner_type = 'RESIDENT' AND owner_id = ?",
                Integer.class, residentId);
    }
}
