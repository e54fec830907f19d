package cn.yunxi.kepu.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/**
 * Cache invalidation happens after the commit. The test holds an editing transaction open just before its commit
 * (after every write) and reads the feed and the item over HTTP in that window, the way a busy resident would. Had
 * the cache been invalidated inside the transaction, that read would have cached the old version under the new
 * cache version and residents would keep seeing it until the TTL; invalidated after the commit, the next read has
 * the correction.
 */
@KepuIntegrationTest
class ContentCacheCommitIT {

    /** Stops a content transaction right before its commit (after all its writes), until released. */
    static final class CommitGate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        void beforeCommit() {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventMulticaster multicaster;

    private CommitGate gate;
    private ApplicationListener<?> gateListener;

    @AfterEach
    void tearDown() {
        if (gate != null) {
            gate.release.countDown();
        }
        if (gateListener != null) {
            multicaster.removeApplicationListener(gateListener);
        }
    }

    /**
     * Listens in the shared application context (no extra test context) for the next transaction that changes item
     * {@code id}; any other content transaction (another test's, a scheduled publication) passes untouched.
     */
    private CommitGate armGate(long id) {
        gate = new CommitGate();
        CommitGate armed = gate;
        gateListener = TransactionalApplicationListener.forPayload(TransactionPhase.BEFORE_COMMIT, (Object payload) -> {
            if (payload instanceof ContentChanged changed && changed.contentId() == id) {
                armed.beforeCommit();
            }
        });
        multicaster.addApplicationListener(gateListener);
        return gate;
    }

    @Test
    void aReaderInsideTheEditWindowCannotPinTheOldVersionInTheCache() throws Exception {
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        String resident = Logins.residentToken(api);
        String title = "缓存提交后失效" + UUID.randomUUID().toString().substring(0, 6);
        long id = Contents.published(api, admin, title);
        // both cached now
        assertThat(titleInFeed(api, resident, id)).isEqualTo(title);
        assertThat(api.get("/api/v1/contents/" + id, resident).json().path("title").asString()).isEqualTo(title);

        // The correction of a published item is a revision; it goes live when a second reviewer approves it.
        Map<String, Object> correction = Contents.article(title + "（更正）");
        assertThat(api.put("/api/admin/v1/contents/" + id, admin, ApiClient.json(correction)).status()).isEqualTo(200);
        String reviewer = Contents.reviewer(api, admin);
        CommitGate gate = armGate(id);
        CompletableFuture<ApiClient.Response> edit = CompletableFuture.supplyAsync(
                () -> api.post("/api/admin/v1/contents/" + id + "/revision/approve", reviewer, "{}"));
        assertThat(gate.entered.await(30, TimeUnit.SECONDS)).as("the edit reached its commit").isTrue();

        // In the window: the correction is not committed, readers still get the old title (and may cache it).
        assertThat(titleInFeed(api, resident, id)).isEqualTo(title);
        assertThat(api.get("/api/v1/contents/" + id, resident).json().path("title").asString()).isEqualTo(title);

        gate.release.countDown();
        ApiClient.Response edited = edit.get(30, TimeUnit.SECONDS);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        assertThat(titleInFeed(api, resident, id)).isEqualTo(title + "（更正）");
        assertThat(api.get("/api/v1/contents/" + id, resident).json().path("title").asString())
                .isEqualTo(title + "（更正）");
    }

    /**
     * The item's title as the (cached) feed shows it: the feed is shared with every other test's items, so the pages
     * are walked until the item turns up rather than expecting it on the first.
     */
    private static String titleInFeed(ApiClient api, String resident, long id) {
        for (int page = 1; ; page++) {
            ApiClient.Response feed = api.get("/api/v1/contents?size=100&page=" + page, resident);
            assertThat(feed.status()).isEqualTo(200);
            if (feed.json().path("items").isEmpty()) {
                throw new AssertionError("item " + id + " is on no page of the feed");
            }
            for (JsonNode item : feed.json().path("items")) {
                if (item.path("id").asLong() == id) {
                    return item.path("title").asString();
                }
            }
        }
    }
}
