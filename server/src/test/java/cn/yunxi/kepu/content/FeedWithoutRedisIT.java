package cn.yunxi.kepu.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.media.MediaService;
import cn.yunxi.kepu.resident.ResidentDirectory;
import cn.yunxi.kepu.support.EmbeddedEngines;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed with Redis gone: the read side is wired to a Redis on a port nobody listens on, against the real MySQL
 * of the test context. It must answer from MySQL, correctly.
 */
@KepuIntegrationTest
class FeedWithoutRedisIT {

    @Autowired
    ContentMapper contents;
    @Autowired
    MediaService media;
    @Autowired
    ResidentDirectory residents;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;
    @Autowired
    ContentProperties properties;

    private LettuceConnectionFactory dead;

    @AfterEach
    void tearDown() {
        if (dead != null) {
            dead.destroy();
        }
    }

    @Test
    void feedAnswersFromMysqlWhenRedisIsDown() {
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", EmbeddedEngines.freePort());
        dead = new LettuceConnectionFactory(config, LettuceClientConfiguration.builder()
                .commandTimeout(java.time.Duration.ofMillis(500)).build());
        dead.afterPropertiesSet();
        StringRedisTemplate template = new StringRedisTemplate(dead);
        ContentCache cache = new ContentCache(template, clock);
        ContentFeedService feed = new ContentFeedService(contents, cache, media, residents, json, clock, properties);

        ContentFeedService.Rendered first = feed.feed(null, null, null, null, null, new PageQuery(1, 20));
        ContentFeedService.Rendered second = feed.feed(null, null, null, null, null, new PageQuery(1, 20));

        // the seeded sample items, the active emergency one pinned first
        var page = json.readTree(first.json());
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(page.path("items").get(0).path("pinned").asBoolean()).isTrue();
        assertThat(second.etag()).isEqualTo(first.etag());
        long itemId = page.path("items").get(0).path("id").asLong();
        assertThat(json.readTree(feed.item(itemId).json()).path("id").asLong()).isEqualTo(itemId);
    }
}
