package cn.yunxi.kepu.content;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import cn.yunxi.kepu.common.security.PublicEndpoints;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/**
 * 科普云溪 for the district media centre (融媒体中心) and other channels: RSS 2.0 and JSON Feed 1.1 of the newest
 * published items, optionally per topic, with absolute links and media URLs. Open to all.
 */
@RestController
@RequestMapping("/api/v1/syndication")
@Tag(name = "内容联播（RSS / JSON Feed）")
class SyndicationController {

    private static final int ITEMS = 30;

    private final ContentFeedService feed;
    private final ContentMapper contents;
    private final ContentProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    SyndicationController(ContentFeedService feed, ContentMapper contents, ContentProperties properties,
                          JsonMapper json, Clock clock) {
        this.feed = feed;
        this.contents = contents;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(value = "/rss.xml", produces = "application/rss+xml;charset=UTF-8")
    @Operation(summary = "RSS 2.0（可按 topic 过滤）")
    ResponseEntity<String> rss(@RequestParam(required = false) String topic) {
        List<ContentViews.Card> items = items(topic);
        String base = base();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\"><channel>")
                .append("<title>").append(esc("科普云溪" + (topic == null ? "" : " · " + topic))).append("</title>")
                .append("<link>").append(esc(base + "/api/v1/syndication/rss.xml")).append("</link>")
                .append("<description>云溪区全民科学素质行动 · 科普内容</description><language>zh-cn</language>");
        for (ContentViews.Card c : items) {
            String link = base + "/api/v1/syndication/items/" + c.id();
            xml.append("<item><title>").append(esc(c.title())).append("</title>")
                    .append("<link>").append(esc(link)).append("</link>")
                    .append("<guid isPermaLink=\"false\">kepu-yunxi-content-").append(c.id()).append("</guid>")
                    .append("<description>").append(esc(c.summary())).append("</description>");
            if (c.publishedAt() != null) {
                xml.append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(c.publishedAt())).append("</pubDate>");
            }
            for (String t : c.topics()) {
                xml.append("<category>").append(esc(t)).append("</category>");
            }
            if (c.coverUrl() != null) {
                xml.append("<enclosure url=\"").append(esc(absolute(c.coverUrl(), base)))
                        .append("\" type=\"image/jpeg\" length=\"0\"/>");
            }
            xml.append("</item>");
        }
        xml.append("</channel></rss>");
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(xml.toString());
    }

    @GetMapping(value = "/feed.json", produces = "application/feed+json;charset=UTF-8")
    @Operation(summary = "JSON Feed 1.1（可按 topic 过滤）")
    @ApiResponse(responseCode = "200", description = "JSON Feed 1.1", content = @Content(
            mediaType = "application/feed+json;charset=UTF-8", schema = @Schema(implementation = JsonFeed.class)))
    ResponseEntity<String> jsonFeed(@RequestParam(required = false) String topic) {
        String base = base();
        List<JsonFeed.Item> entries = new ArrayList<>();
        for (ContentViews.Card c : items(topic)) {
            entries.add(new JsonFeed.Item("kepu-yunxi-content-" + c.id(), base + "/api/v1/syndication/items/" + c.id(),
                    c.title(), c.summary(), c.summary(), c.coverUrl() == null ? null : absolute(c.coverUrl(), base),
                    c.publishedAt() == null ? null : c.publishedAt().toString(), c.topics()));
        }
        JsonFeed doc = new JsonFeed("https://jsonfeed.org/version/1.1", "科普云溪", base,
                base + "/api/v1/syndication/feed.json" + (topic == null ? "" : "?topic=" + topic), "zh-CN", entries);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(json.writeValueAsString(doc));
    }

    @GetMapping(value = "/items/{id}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    @Operation(summary = "单条内容的公开网页（供融媒体中心等渠道链接、嵌入）")
    ResponseEntity<String> page(@org.springframework.web.bind.annotation.PathVariable long id) {
        ContentItem item = contents.selectById(id);
        if (!feed.readable(item)) {
            throw new cn.yunxi.kepu.common.web.ApiException(ContentErrors.CONTENT_NOT_FOUND);
        }
        ContentViews.Detail d = feed.detail(item);
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(d.title())).append(" - 科普云溪</title></head><body><article>")
                .append("<h1>").append(esc(d.title())).append("</h1>");
        if (d.mediaUrl() != null) {
            String tag = "VIDEO".equals(d.type()) ? "video" : "audio";
            html.append('<').append(tag).append(" controls src=\"").append(esc(d.mediaUrl())).append("\"></").append(tag).append('>');
        }
        // The body was sanitised against the allow-list when it was saved.
        html.append(d.bodyHtml()).append("</article></body></html>");
        return ResponseEntity.ok()
                .header("Content-Security-Policy", "default-src 'none'; img-src https: http: data:; media-src https: http:; "
                        + "frame-src https:; style-src 'unsafe-inline'")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(html.toString());
    }

    private List<ContentViews.Card> items(String topic) {
        String t = topic == null || topic.isBlank() ? null : topic.trim().toUpperCase(java.util.Locale.ROOT);
        if (t != null && !t.matches("[A-Z_]{1,24}")) {
            t = "NONE";
        }
        FeedQuery query = new FeedQuery(null, t, null, null, null, Times.now(clock), ITEMS, 0, feed.samplesShown());
        return feed.build(query, new PageQuery(1, ITEMS)).items();
    }

    /** The configured public address: the request's Host is the client's to forge, and these answers are cached. */
    private String base() {
        return properties.publicBaseUrl();
    }

    private static String absolute(String url, String base) {
        return url.startsWith("http") ? url : base + url;
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }

    @Bean
    static PublicEndpoints syndicationEndpoints() {
        return () -> List.of("/api/v1/syndication/**");
    }
}
