package cn.yunxi.kepu.content;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.yunxi.kepu.common.demodata.DemoDataProperties;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.media.MediaService;
import cn.yunxi.kepu.resident.PopulationGroup;
import cn.yunxi.kepu.resident.ResidentService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resident-facing read side: feed, search and item pages, rendered to JSON once and cached in Redis with an
 * ETag; built from MySQL whenever Redis has nothing or is down. Sample items (demo data) are read only while
 * sample material is shown.
 */
@Service
class ContentFeedService {

    static final Set<String> TYPES = Set.of("ARTICLE", "VIDEO", "AUDIO");
    private static final int MAX_KEYWORD = 40;
    private static final Duration GROUP_TTL = Duration.ofMinutes(5);
    private static final Duration LOCAL_GROUP_TTL = Duration.ofMinutes(1);

    private final ContentMapper contents;
    private final ContentCache cache;
    private final MediaService media;
    private final ResidentService residents;
    private final JsonMapper json;
    private final Clock clock;
    private final ContentProperties properties;
    private final boolean samplesShown;
    /** The reader's population group orders their feed; it changes rarely, so each instance keeps it a minute. */
    private final Cache<Long, String> readerGroups = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(LOCAL_GROUP_TTL).build();

    ContentFeedService(ContentMapper contents, ContentCache cache, MediaService media, ResidentService residents,
                       JsonMapper json, Clock clock, ContentProperties properties, DemoDataProperties demoData) {
        this.contents = contents;
        this.cache = cache;
        this.media = media;
        this.residents = residents;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.samplesShown = demoData.visible();
    }

    boolean samplesShown() {
        return samplesShown;
    }

    /** Whether residents may open the item: published, and not sample material unless that is shown. */
    boolean readable(ContentItem item) {
        return item != null && "PUBLISHED".equals(item.getStatus())
                && (samplesShown || !Boolean.TRUE.equals(item.getSampleData()));
    }

    Rendered feed(Long residentId, String type, String topic, String group, String keyword, PageQuery page) {
        String normalType = type == null || type.isBlank() ? null : type.trim().toUpperCase(Locale.ROOT);
        if (normalType != null && !TYPES.contains(normalType)) {
            throw new ApiException(CommonErrors.VALIDATION_FAILED, "内容类型只能是 ARTICLE、VIDEO 或 AUDIO");
        }
        String normalGroup = group == null || group.isBlank() ? null : group.trim().toUpperCase(Locale.ROOT);
        if (normalGroup != null && Arrays.stream(PopulationGroup.values()).noneMatch(g -> g.name().equals(normalGroup))) {
            throw new ApiException(CommonErrors.VALIDATION_FAILED, "人群只能是 YOUTH、FARMER、INDUSTRIAL_WORKER、ELDERLY、OFFICIAL 或 OTHER");
        }
        String normalTopic = topic == null || topic.isBlank() ? null : topic.trim().toUpperCase(Locale.ROOT);
        if (normalTopic != null && !normalTopic.matches("[A-Z_]{1,24}")) {
            throw new ApiException(CommonErrors.VALIDATION_FAILED, "主题不存在");
        }
        String pattern = likePattern(keyword);
        String readerGroup = residentId == null ? null : readerGroup(residentId);
        FeedQuery query = new FeedQuery(normalType, normalTopic, normalGroup, pattern, readerGroup, Times.now(clock),
                page.sizeOrDefault(), page.offset(), samplesShown);

        if (pattern != null) {
            // Searches are not cached: their keys are unbounded and each is cheap (LIKE over published items).
            return render(build(query, page));
        }
        String cacheKey = cache.version().map(v -> "kepu:content:feed:" + v + ":" + normalType + ":" + normalTopic
                + ":" + normalGroup + ":" + readerGroup + ":" + page.pageOrDefault() + ":" + page.sizeOrDefault())
                .orElse(null);
        if (cacheKey != null) {
            var hit = cache.rendered(cacheKey);
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        Rendered rendered = render(build(query, page));
        if (cacheKey != null) {
            cache.putRendered(cacheKey, rendered, properties.feedCacheTtl());
        }
        return rendered;
    }

    Rendered item(long id) {
        // Kept in this process under the feed version, so any content change (here or, within a second, on
        // another instance) retires the local copy; Redis keeps one entry per item, deleted when it changes.
        String localKey = cache.version().map(v -> "item:" + id + "@" + v).orElse(null);
        if (localKey != null) {
            var hit = cache.local(localKey);
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        Rendered rendered = cache.sharedItem(id).orElseGet(() -> {
            ContentItem item = contents.selectById(id);
            if (!readable(item)) {
                throw new ApiException(ContentErrors.CONTENT_NOT_FOUND);
            }
            Rendered built = render(detail(item));
            cache.put(ContentCache.itemKey(id), built.serialise(), properties.itemCacheTtl());
            return built;
        });
        if (localKey != null) {
            cache.keepLocally(localKey, rendered);
        }
        return rendered;
    }

    ContentViews.Page build(FeedQuery query, PageQuery page) {
        List<Long> ids = contents.feedIds(query);
        long total = ids.isEmpty() && page.pageOrDefault() == 1 ? 0 : contents.feedCount(query);
        if (ids.isEmpty()) {
            return new ContentViews.Page(List.of(), total, page.pageOrDefault(), page.sizeOrDefault());
        }
        Map<Long, ContentItem> byId = contents.selectByIds(ids).stream()
                .collect(Collectors.toMap(ContentItem::getId, c -> c));
        Map<Long, List<String>> topics = group(contents.topics(ids));
        Map<Long, List<String>> groups = group(contents.audiences(ids));
        List<ContentViews.Card> cards = new ArrayList<>();
        for (Long id : ids) {
            ContentItem c = byId.get(id);
            if (c != null) {
                cards.add(card(c, topics.getOrDefault(id, List.of()), groups.getOrDefault(id, List.of()), query.now()));
            }
        }
        return new ContentViews.Page(cards, total, page.pageOrDefault(), page.sizeOrDefault());
    }

    ContentViews.Card card(ContentItem c, List<String> topics, List<String> groups, LocalDateTime now) {
        return new ContentViews.Card(c.getId(), c.getType(), c.getTitle(), c.getSummary(), url(c.getCoverKey()),
                c.getCoverKey() == null ? null : media.thumbnailUrl(c.getCoverKey(), 400), topics, groups,
                Boolean.TRUE.equals(c.getEmergency()), pinned(c, now), c.getLengthSeconds(),
                Times.toOffset(c.getPublishedAt()), c.getLikeCount(), c.getFavouriteCount(), c.getCommentCount(),
                c.getReadCount());
    }

    ContentViews.Detail detail(ContentItem c) {
        List<Long> ids = List.of(c.getId());
        List<String> topics = contents.topics(ids).stream().map(ContentMapper.Tag::code).toList();
        List<String> groups = contents.audiences(ids).stream().map(ContentMapper.Tag::code).toList();
        List<String> sections = contents.sections(ids).stream().map(ContentMapper.Tag::code).toList();
        List<String> large = c.getLargeImageKeys() == null || c.getLargeImageKeys().isBlank() ? List.of()
                : Arrays.stream(c.getLargeImageKeys().split("\n")).filter(s -> !s.isBlank()).map(media::readUrl).toList();
        return new ContentViews.Detail(c.getId(), c.getType(), c.getTitle(), c.getSummary(),
                BodyMedia.resolve(c.getBodyHtml(), this::url),
                url(c.getCoverKey()), url(c.getMediaKey()), url(c.getNarrationKey()), large, topics, groups, sections,
                Boolean.TRUE.equals(c.getEmergency()), pinned(c, Times.now(clock)), c.getLengthSeconds(),
                Times.toOffset(c.getPublishedAt()), c.getVersion(), c.getLikeCount(), c.getFavouriteCount(),
                c.getShareCount(), c.getCommentCount(), c.getReadCount());
    }

    static boolean pinned(ContentItem c, LocalDateTime now) {
        return Boolean.TRUE.equals(c.getEmergency()) && (c.getEmergencyUntil() == null || c.getEmergencyUntil().isAfter(now));
    }

    private String url(String key) {
        return key == null || key.isBlank() ? null : media.readUrl(key);
    }

    private String readerGroup(long residentId) {
        String known = readerGroups.getIfPresent(residentId);
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        String group = sharedReaderGroup(residentId);
        readerGroups.put(residentId, group == null ? "" : group);
        return group;
    }

    private String sharedReaderGroup(long residentId) {
        String key = "kepu:content:rgroup:" + residentId;
        var cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get().isEmpty() ? null : cached.get();
        }
        String group = residents.find(residentId).map(r -> r.populationGroup() == null ? "" : r.populationGroup().name())
                .orElse("");
        cache.put(key, group, GROUP_TTL);
        return group.isEmpty() ? null : group;
    }

    /**
     * A LIKE pattern for a keyword: trimmed, capped, control characters dropped, and the LIKE wildcards escaped
     * with '!' so '%', '_' and '\' match themselves. Blank keywords mean no search.
     */
    static String likePattern(String keyword) {
        if (keyword == null) {
            return null;
        }
        String k = keyword.strip().replaceAll("\\p{Cntrl}", "");
        if (k.isEmpty()) {
            return null;
        }
        if (k.codePointCount(0, k.length()) > MAX_KEYWORD) {
            k = k.substring(0, k.offsetByCodePoints(0, MAX_KEYWORD));
        }
        StringBuilder escaped = new StringBuilder("%");
        for (char ch : k.toCharArray()) {
            if (ch == '!' || ch == '%' || ch == '_') {
                escaped.append('!');
            }
            escaped.append(ch);
        }
        return escaped.append('%').toString();
    }

    private Rendered render(Object value) {
        return Rendered.of(json.writeValueAsString(value));
    }

    private static Map<Long, List<String>> group(List<ContentMapper.Tag> tags) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (ContentMapper.Tag tag : tags) {
            out.computeIfAbsent(tag.contentId(), k -> new ArrayList<>()).add(tag.code());
        }
        return out;
    }
}
