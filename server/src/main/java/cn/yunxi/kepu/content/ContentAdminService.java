package cn.yunxi.kepu.content;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.media.MediaInfo;
import cn.yunxi.kepu.media.MediaService;
import cn.yunxi.kepu.resident.PopulationGroup;

/**
 * Staff side of content: drafts, edits, the review workflow with the two-person rule, publication (now or
 * scheduled) and archiving. Every transition is recorded; unit staff see only their unit's items.
 */
@Service
class ContentAdminService {

    private static final Set<String> REVIEWER_ROLES = Set.of("DISTRICT_ADMIN", "UNIT_ADMIN", "TOWN_ADMIN");

    private final ContentMapper contents;
    private final RichTextSanitizer sanitizer;
    private final MediaService media;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContentAdminService(ContentMapper contents, ContentProperties properties, MediaService media,
                        ApplicationEventPublisher events, Clock clock) {
        this.contents = contents;
        this.sanitizer = new RichTextSanitizer(properties.iframeHosts());
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ContentAdminView create(CurrentUser user, ContentRequests.Save request) {
        ContentItem item = new ContentItem();
        item.setStatus("DRAFT");
        item.setAuthorId(user.id());
        item.setUnitId(unitFor(user, request.unitId()));
        item.setVersion(1);
        item.setSampleData(false);
        item.setLikeCount(0);
        item.setFavouriteCount(0);
        item.setShareCount(0);
        item.setCommentCount(0);
        item.setReadCount(0);
        LocalDateTime now = Times.now(clock);
        item.setCreatedAt(now);
        apply(item, request, now);
        contents.insert(item);
        saveTags(item.getId(), request);
        contents.recordTransition(item.getId(), "CREATE", null, "DRAFT", user.id(), null, now);
        return view(item.getId());
    }

    @Transactional
    ContentAdminView update(CurrentUser user, long id, ContentRequests.Save request) {
        ContentItem item = load(user, id);
        String status = item.getStatus();
        boolean editable = status.equals("DRAFT") || status.equals("REJECTED")
                || (status.equals("PUBLISHED") && isReviewer(user));
        if (!editable) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        LocalDateTime now = Times.now(clock);
        apply(item, request, now);
        if (user.hasRole("DISTRICT_ADMIN") && request.unitId() != null) {
            item.setUnitId(request.unitId());
        }
        item.setVersion(item.getVersion() + 1);
        contents.updateById(item);
        saveTags(id, request);
        contents.recordTransition(id, "EDIT", status, status, user.id(), null, now);
        if (status.equals("PUBLISHED")) {
            events.publishEvent(new ContentChanged(id));
        }
        return view(id);
    }

    @Transactional
    ContentAdminView submit(CurrentUser user, long id) {
        ContentItem item = load(user, id);
        String from = item.getStatus();
        if (!(from.equals("DRAFT") || from.equals("REJECTED"))) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        move(user, id, from, "IN_REVIEW", "SUBMIT", null);
        return view(id);
    }

    @Transactional
    ContentAdminView approve(CurrentUser user, long id) {
        ContentItem item = load(user, id);
        requireReviewer(user);
        if (item.getAuthorId() != null && item.getAuthorId() == user.id()) {
            throw new ApiException(ContentErrors.CONTENT_SELF_REVIEW);
        }
        LocalDateTime now = Times.now(clock);
        if (contents.approve(id, user.id(), now) != 1) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        contents.recordTransition(id, "APPROVE", "IN_REVIEW", "APPROVED", user.id(), null, now);
        return view(id);
    }

    @Transactional
    ContentAdminView reject(CurrentUser user, long id, String reason) {
        ContentItem item = load(user, id);
        requireReviewer(user);
        if (item.getAuthorId() != null && item.getAuthorId() == user.id()) {
            throw new ApiException(ContentErrors.CONTENT_SELF_REVIEW);
        }
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ContentErrors.CONTENT_REASON_REQUIRED);
        }
        move(user, id, "IN_REVIEW", "REJECTED", "REJECT", reason.strip());
        return view(id);
    }

    @Transactional
    ContentAdminView publish(CurrentUser user, long id, java.time.OffsetDateTime at) {
        load(user, id);
        requireReviewer(user);
        LocalDateTime now = Times.now(clock);
        LocalDateTime when = at == null ? now : at.atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime();
        boolean later = when.isAfter(now);
        String to = later ? "SCHEDULED" : "PUBLISHED";
        if (contents.publish(id, to, later ? when : now, now) != 1) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        contents.recordTransition(id, later ? "SCHEDULE" : "PUBLISH", "APPROVED", to, user.id(), null, now);
        if (!later) {
            events.publishEvent(new ContentChanged(id));
        }
        return view(id);
    }

    @Transactional
    ContentAdminView archive(CurrentUser user, long id, String reason) {
        ContentItem item = load(user, id);
        requireReviewer(user);
        if (item.getStatus().equals("ARCHIVED") || item.getStatus().equals("IN_REVIEW")) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        move(user, id, item.getStatus(), "ARCHIVED", "ARCHIVE", reason);
        events.publishEvent(new ContentChanged(id));
        return view(id);
    }

    /** Publishes scheduled items whose time has come; returns how many. */
    @Transactional
    int publishDue() {
        LocalDateTime now = Times.now(clock);
        int published = 0;
        for (Long id : contents.dueForPublication(now)) {
            if (contents.publishScheduled(id, now) == 1) {
                contents.recordTransition(id, "PUBLISH", "SCHEDULED", "PUBLISHED", null, "定时发布", now);
                events.publishEvent(new ContentChanged(id));
                published++;
            }
        }
        return published;
    }

    PageResult<ContentAdminView> list(CurrentUser user, String status, PageQuery page) {
        LambdaQueryWrapper<ContentItem> where = new LambdaQueryWrapper<ContentItem>()
                .eq(status != null && !status.isBlank(), ContentItem::getStatus, status)
                .orderByDesc(ContentItem::getUpdatedAt).orderByDesc(ContentItem::getId);
        if (!user.hasRole("DISTRICT_ADMIN")) {
            where.eq(ContentItem::getUnitId, user.unitId());
        }
        Page<ContentItem> result = contents.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()), where);
        return PageResult.of(result.getRecords().stream().map(c -> view(c.getId())).toList(), result.getTotal(), page);
    }

    ContentAdminView get(CurrentUser user, long id) {
        load(user, id);
        return view(id);
    }

    /** Published items per plan section, for the content-output report. */
    List<SectionCount> perSection() {
        return contents.sectionCounts();
    }

    record SectionCount(String code, String name, long published) {
    }

    private void move(CurrentUser user, long id, String from, String to, String action, String reason) {
        LocalDateTime now = Times.now(clock);
        if (contents.transition(id, from, to, now) != 1) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        contents.recordTransition(id, action, from, to, user.id(), reason, now);
    }

    private ContentItem load(CurrentUser user, long id) {
        ContentItem item = contents.selectById(id);
        if (item == null) {
            throw new ApiException(ContentErrors.CONTENT_NOT_FOUND);
        }
        if (!user.hasRole("DISTRICT_ADMIN") && (item.getUnitId() == null || !item.getUnitId().equals(user.unitId()))) {
            // Another unit's item is not there for this user.
            throw new ApiException(ContentErrors.CONTENT_NOT_FOUND);
        }
        return item;
    }

    private static boolean isReviewer(CurrentUser user) {
        return user.roles().stream().anyMatch(REVIEWER_ROLES::contains);
    }

    private static void requireReviewer(CurrentUser user) {
        if (!isReviewer(user)) {
            throw new ApiException(ContentErrors.CONTENT_REVIEWER_ROLE);
        }
    }

    private static Long unitFor(CurrentUser user, Long requested) {
        if (user.hasRole("DISTRICT_ADMIN")) {
            return requested;
        }
        if (requested != null && !requested.equals(user.unitId())) {
            throw new ApiException(ContentErrors.CONTENT_UNIT_FORBIDDEN);
        }
        return user.unitId();
    }

    private void apply(ContentItem item, ContentRequests.Save r, LocalDateTime now) {
        String body = sanitizer.clean(r.bodyHtml());
        item.setType(r.type());
        item.setTitle(r.title().strip());
        item.setSummary(r.summary() == null ? "" : r.summary().strip());
        item.setBodyHtml(body);
        item.setCoverKey(requireMedia(r.coverKey(), true));
        item.setMediaKey(requireMedia(r.mediaKey(), false));
        item.setNarrationKey(requireMedia(r.narrationKey(), false));
        List<String> large = r.largeImageKeys() == null ? List.of() : r.largeImageKeys();
        large.forEach(k -> requireMedia(k, true));
        item.setLargeImageKeys(large.isEmpty() ? null : String.join("\n", large));
        if (!r.type().equals("ARTICLE") && (r.mediaKey() == null || r.lengthSeconds() == null)) {
            throw new ApiException(ContentErrors.CONTENT_MEDIA_REQUIRED);
        }
        item.setLengthSeconds(r.lengthSeconds() != null ? r.lengthSeconds() : estimateReadingSeconds(body));
        item.setEmergency(Boolean.TRUE.equals(r.emergency()));
        item.setEmergencyUntil(r.emergencyUntil() == null ? null
                : r.emergencyUntil().atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime());
        item.setUpdatedAt(now);
    }

    /** About 300 Chinese characters a minute, at least 30 seconds. */
    static int estimateReadingSeconds(String html) {
        int chars = RichTextSanitizer.text(html).replaceAll("\\s", "").length();
        return Math.max(30, chars / 5);
    }

    private String requireMedia(String key, boolean image) {
        if (key == null || key.isBlank()) {
            return null;
        }
        MediaInfo info = media.find(key).orElseThrow(() -> new ApiException(ContentErrors.CONTENT_MEDIA_UNKNOWN));
        if (image && !info.isImage()) {
            throw new ApiException(ContentErrors.CONTENT_MEDIA_UNKNOWN, "封面和大字版必须是图片");
        }
        return key;
    }

    private void saveTags(long id, ContentRequests.Save r) {
        Set<String> topics = new LinkedHashSet<>(r.topics() == null ? List.of() : r.topics());
        List<String> known = contents.topicCodes();
        if (!known.containsAll(topics)) {
            throw new ApiException(ContentErrors.CONTENT_TOPIC_UNKNOWN);
        }
        Set<String> groups = new LinkedHashSet<>(r.groups() == null ? List.of() : r.groups());
        for (String g : groups) {
            if (Arrays.stream(PopulationGroup.values()).noneMatch(p -> p.name().equals(g))) {
                throw new ApiException(cn.yunxi.kepu.common.web.CommonErrors.VALIDATION_FAILED, "人群不存在：" + g);
            }
        }
        Set<String> sections = new LinkedHashSet<>(r.planSections() == null ? List.of() : r.planSections());
        List<String> knownSections = contents.sectionNames().stream().map(ContentMapper.Named::code).toList();
        if (!knownSections.containsAll(sections)) {
            throw new ApiException(ContentErrors.CONTENT_SECTION_UNKNOWN);
        }
        contents.clearTopics(id);
        contents.clearAudiences(id);
        contents.clearSections(id);
        topics.forEach(t -> contents.addTopic(id, t));
        groups.forEach(g -> contents.addAudience(id, g));
        sections.forEach(s -> contents.addSection(id, s));
    }

    private ContentAdminView view(long id) {
        ContentItem c = contents.selectById(id);
        List<Long> ids = List.of(id);
        return new ContentAdminView(c.getId(), c.getType(), c.getStatus(), c.getTitle(), c.getSummary(),
                c.getBodyHtml(), c.getCoverKey(), c.getMediaKey(), c.getNarrationKey(),
                c.getLargeImageKeys() == null ? List.of() : List.of(c.getLargeImageKeys().split("\n")),
                c.getLengthSeconds(), Boolean.TRUE.equals(c.getEmergency()), Times.toOffset(c.getEmergencyUntil()),
                c.getUnitId(), c.getAuthorId(), c.getReviewerId(), Boolean.TRUE.equals(c.getSampleData()),
                Times.toOffset(c.getPublishAt()), Times.toOffset(c.getPublishedAt()), c.getVersion(),
                contents.topics(ids).stream().map(ContentMapper.Tag::code).toList(),
                contents.audiences(ids).stream().map(ContentMapper.Tag::code).toList(),
                contents.sections(ids).stream().map(ContentMapper.Tag::code).toList(),
                contents.transitions(id).stream().map(t -> new ContentAdminView.Transition(t.action(), t.fromStatus(),
                        t.toStatus(), t.actorId(), t.reason(), Times.toOffset(t.createdAt()))).toList());
    }
}
