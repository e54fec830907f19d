package cn.yunxi.kepu.content;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.demodata.DemoDataProperties;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.media.MediaInfo;
import cn.yunxi.kepu.media.MediaService;
import cn.yunxi.kepu.resident.PopulationGroup;
import tools.jackson.databind.json.JsonMapper;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.StaffView;
import cn.yunxi.kepu.staff.UnitView;

/**
 * Staff side of content: drafts, edits, the review workflow with the two-person rule, publication (now or
 * scheduled) and archiving. Every transition is recorded; unit staff see only their unit's items.
 */
@Service
class ContentAdminService {

    private static final Set<String> REVIEWER_ROLES = Set.of("DISTRICT_ADMIN", "UNIT_ADMIN", "TOWN_ADMIN");

    private final ContentMapper contents;
    private final ContentRevisionMapper revisions;
    private final RichTextSanitizer sanitizer;
    private final MediaService media;
    private final StaffService staff;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean samplesCounted;

    ContentAdminService(ContentMapper contents, ContentRevisionMapper revisions, ContentProperties properties,
                        MediaService media, StaffService staff, ApplicationEventPublisher events, JsonMapper json,
                        Clock clock,
                        DemoDataProperties demoData) {
        this.contents = contents;
        this.revisions = revisions;
        this.json = json;
        this.samplesCounted = demoData.visible();
        this.sanitizer = new RichTextSanitizer(properties.iframeHosts());
        this.media = media;
        this.staff = staff;
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
        checkEmergency(user, request, now);
        apply(item, request, now);
        applyEmergency(item, request);
        contents.insert(item);
        saveTags(item.getId(), request);
        contents.recordTransition(item.getId(), "CREATE", null, "DRAFT", user.id(), null, now);
        return view(item.getId());
    }

    /**
     * Edits a draft or a rejected item in place. An edit of a published item is a revision instead: it waits for a
     * second person's approval while the approved version stays live (the same two-person rule as a new item).
     */
    @Transactional
    ContentAdminView update(CurrentUser user, long id, ContentRequests.Save request) {
        ContentItem item = load(user, id);
        String status = item.getStatus();
        if (status.equals("PUBLISHED")) {
            return revise(user, item, request);
        }
        if (!(status.equals("DRAFT") || status.equals("REJECTED"))) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        LocalDateTime now = Times.now(clock);
        if (!sameEmergency(item, request)) {
            checkEmergency(user, request, now);
        }
        apply(item, request, now);
        applyEmergency(item, request);
        if (StaffRole.isDistrictAdmin(user) && request.unitId() != null) {
            item.setUnitId(request.unitId());
        }
        item.setVersion(item.getVersion() + 1);
        contents.updateById(item);
        saveTags(id, request);
        contents.recordTransition(id, "EDIT", status, status, user.id(), null, now);
        return view(id);
    }

    /** Records (or replaces) the open revision of a published item, checked as an edit would be. */
    private ContentAdminView revise(CurrentUser user, ContentItem live, ContentRequests.Save request) {
        if (!sameEmergency(live, request)) {
            throw new ApiException(ContentErrors.CONTENT_EMERGENCY_SEPARATE);
        }
        LocalDateTime now = Times.now(clock);
        apply(new ContentItem(), request, now);
        checkTags(request);
        ContentRevision open = revisions.lockOpen(live.getId());
        ContentRevision rev = open == null ? new ContentRevision() : open;
        rev.setContentId(live.getId());
        rev.setStatus(ContentRevision.IN_REVIEW);
        rev.setRequestJson(json.writeValueAsString(request));
        rev.setAuthorId(user.id());
        rev.setReviewerId(null);
        rev.setReason(null);
        rev.setUpdatedAt(now);
        if (open == null) {
            rev.setCreatedAt(now);
            revisions.insert(rev);
        } else {
            revisions.updateById(rev);
        }
        contents.recordTransition(live.getId(), "REVISE", "PUBLISHED", "PUBLISHED", user.id(), null, now);
        return view(live.getId());
    }

    /** A second reviewer approves the open revision: it replaces the live version (emergency state unchanged). */
    @Transactional
    ContentAdminView approveRevision(CurrentUser user, long id) {
        ContentItem item = load(user, id);
        requireReviewer(user);
        ContentRevision rev = openInReview(id);
        if (rev.getAuthorId() == user.id()) {
            throw new ApiException(ContentErrors.CONTENT_SELF_REVIEW);
        }
        if (!item.getStatus().equals("PUBLISHED")) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        ContentRequests.Save request = json.readValue(rev.getRequestJson(), ContentRequests.Save.class);
        LocalDateTime now = Times.now(clock);
        apply(item, request, now);
        item.setVersion(item.getVersion() + 1);
        contents.updateById(item);
        saveTags(id, request);
        rev.setStatus(ContentRevision.APPLIED);
        rev.setReviewerId(user.id());
        rev.setUpdatedAt(now);
        revisions.updateById(rev);
        contents.recordTransition(id, "REVISION_APPROVE", "PUBLISHED", "PUBLISHED", user.id(), null, now);
        events.publishEvent(new ContentChanged(id));
        return view(id);
    }

    @Transactional
    ContentAdminView rejectRevision(CurrentUser user, long id, String reason) {
        load(user, id);
        requireReviewer(user);
        if (reason == null || reason.isBlank()) {
            throw new ApiException(ContentErrors.CONTENT_REASON_REQUIRED);
        }
        ContentRevision rev = openInReview(id);
        if (rev.getAuthorId() == user.id()) {
            throw new ApiException(ContentErrors.CONTENT_SELF_REVIEW);
        }
        LocalDateTime now = Times.now(clock);
        rev.setStatus(ContentRevision.REJECTED);
        rev.setReviewerId(user.id());
        rev.setReason(reason.strip());
        rev.setUpdatedAt(now);
        revisions.updateById(rev);
        contents.recordTransition(id, "REVISION_REJECT", "PUBLISHED", "PUBLISHED", user.id(), reason.strip(), now);
        return view(id);
    }

    private ContentRevision openInReview(long id) {
        ContentRevision rev = revisions.lockOpen(id);
        if (rev == null || !ContentRevision.IN_REVIEW.equals(rev.getStatus())) {
            throw new ApiException(ContentErrors.CONTENT_STATE);
        }
        return rev;
    }

    /**
     * Pins (or unpins) an item as 应急科普: the district admin's decision alone, effective at once, and always with
     * an end time. Setting it again is how an emergency is extended.
     */
    @Transactional
    ContentAdminView setEmergency(CurrentUser user, long id, boolean emergency, java.time.OffsetDateTime until) {
        ContentItem item = load(user, id);
        if (!user.hasRole("DISTRICT_ADMIN")) {
            throw new ApiException(ContentErrors.CONTENT_EMERGENCY_FORBIDDEN);
        }
        LocalDateTime now = Times.now(clock);
        ContentRequests.Save flag = new ContentRequests.Save(null, null, null, null, null, null, null, null, null,
                null, null, null, emergency, until, null);
        checkEmergency(user, flag, now);
        applyEmergency(item, flag);
        item.setUpdatedAt(now);
        contents.updateById(item);
        contents.recordTransition(id, emergency ? "EMERGENCY" : "EMERGENCY_END", item.getStatus(), item.getStatus(),
                user.id(), null, now);
        if (item.getStatus().equals("PUBLISHED")) {
            events.publishEvent(new ContentChanged(id));
        }
        return view(id);
    }

    private static boolean sameEmergency(ContentItem item, ContentRequests.Save r) {
        if (r.emergency() == null) {
            return r.emergencyUntil() == null;
        }
        LocalDateTime until = r.emergencyUntil() == null ? null
                : r.emergencyUntil().atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime();
        return r.emergency().equals(Boolean.TRUE.equals(item.getEmergency()))
                && java.util.Objects.equals(until, item.getEmergencyUntil());
    }

    /** Only the district admin may pin; a pin needs an end in the future. Leaving an item unpinned is anyone's. */
    private static void checkEmergency(CurrentUser user, ContentRequests.Save r, LocalDateTime now) {
        if (!Boolean.TRUE.equals(r.emergency())) {
            return;
        }
        if (!user.hasRole("DISTRICT_ADMIN")) {
            throw new ApiException(ContentErrors.CONTENT_EMERGENCY_FORBIDDEN);
        }
        if (r.emergencyUntil() == null
                || !r.emergencyUntil().atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime().isAfter(now)) {
            throw new ApiException(ContentErrors.CONTENT_EMERGENCY_END_REQUIRED);
        }
    }

    private static void applyEmergency(ContentItem item, ContentRequests.Save r) {
        boolean on = Boolean.TRUE.equals(r.emergency());
        item.setEmergency(on);
        item.setEmergencyUntil(on ? r.emergencyUntil().atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime() : null);
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

    /** Publishes scheduled items whose time has come and ends the emergency pins whose time is up; returns how many were published. */
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
        endPins(now);
        return published;
    }

    /**
     * The feed already orders by the pin's end, but its pages are cached: ending the pin in the row changes the
     * content version, so every cached page with it on top is retired (on every instance within a second).
     */
    private void endPins(LocalDateTime now) {
        for (Long id : contents.endedPins(now)) {
            if (contents.endPin(id, now) == 1) {
                String status = contents.selectById(id).getStatus();
                contents.recordTransition(id, "EMERGENCY_END", status, status, null, "应急置顶到期", now);
                if ("PUBLISHED".equals(status)) {
                    events.publishEvent(new ContentChanged(id));
                }
            }
        }
    }

    PageResult<ContentAdminView> list(CurrentUser user, ContentRequests.ListQuery q, PageQuery page) {
        String pattern = ContentFeedService.likePattern(q.keyword());
        LambdaQueryWrapper<ContentItem> where = new LambdaQueryWrapper<ContentItem>()
                .eq(present(q.status()), ContentItem::getStatus, q.status())
                .eq(present(q.type()), ContentItem::getType, q.type())
                .exists(present(q.topic()),
                        "SELECT 1 FROM content_item_topic t WHERE t.content_id = content_item.id AND t.topic = {0}",
                        q.topic())
                .exists(present(q.group()), "SELECT 1 FROM content_item_audience a "
                        + "WHERE a.content_id = content_item.id AND a.population_group = {0}", q.group())
                .exists(present(q.section()), "SELECT 1 FROM content_item_section s "
                        + "WHERE s.content_id = content_item.id AND s.section_code = {0}", q.section())
                .apply(pattern != null, "(title LIKE {0} ESCAPE '!' OR summary LIKE {0} ESCAPE '!')", pattern)
                .eq(Boolean.TRUE.equals(q.mine()), ContentItem::getAuthorId, user.id())
                .orderByDesc(ContentItem::getUpdatedAt).orderByDesc(ContentItem::getId);
        if (!StaffRole.isDistrictAdmin(user)) {
            where.eq(ContentItem::getUnitId, user.unitId());
        } else if (q.unitId() != null) {
            where.eq(ContentItem::getUnitId, q.unitId());
        }
        Page<ContentItem> result = contents.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()), where);
        return PageResult.of(result.getRecords().stream().map(c -> view(c.getId())).toList(), result.getTotal(), page);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    List<ContentMapper.Named> topics() {
        return contents.topicNames();
    }

    ContentAdminView get(CurrentUser user, long id) {
        load(user, id);
        return view(id);
    }

    /** Published items per plan section, for the content-output report (sample items only while shown). */
    List<SectionCount> perSection() {
        return contents.sectionCounts(samplesCounted);
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
        if (!StaffRole.isDistrictAdmin(user) && (item.getUnitId() == null || !item.getUnitId().equals(user.unitId()))) {
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
        if (StaffRole.isDistrictAdmin(user)) {
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
        BodyMedia.keys(body).forEach(k -> requireMedia(k, false));
        if (!r.type().equals("ARTICLE") && (r.mediaKey() == null || r.lengthSeconds() == null)) {
            throw new ApiException(ContentErrors.CONTENT_MEDIA_REQUIRED);
        }
        item.setLengthSeconds(r.lengthSeconds() != null ? r.lengthSeconds() : estimateReadingSeconds(body));
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
        checkTags(r);
        contents.clearTopics(id);
        contents.clearAudiences(id);
        contents.clearSections(id);
        new LinkedHashSet<>(r.topics() == null ? List.<String>of() : r.topics()).forEach(t -> contents.addTopic(id, t));
        new LinkedHashSet<>(r.groups() == null ? List.<String>of() : r.groups()).forEach(g -> contents.addAudience(id, g));
        new LinkedHashSet<>(r.planSections() == null ? List.<String>of() : r.planSections())
                .forEach(s -> contents.addSection(id, s));
    }

    private void checkTags(ContentRequests.Save r) {
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
    }

    private ContentAdminView view(long id) {
        ContentItem c = contents.selectById(id);
        List<Long> ids = List.of(id);
        List<String> large = c.getLargeImageKeys() == null ? List.of() : List.of(c.getLargeImageKeys().split("\n"));
        Map<String, String> urls = new LinkedHashMap<>();
        Stream.of(Stream.of(c.getCoverKey(), c.getMediaKey(), c.getNarrationKey()), large.stream(),
                        BodyMedia.keys(c.getBodyHtml()).stream()).flatMap(s -> s)
                .filter(k -> k != null && !k.isBlank())
                .forEach(k -> urls.computeIfAbsent(k, media::readUrl));
        Map<Long, String> names = new HashMap<>();
        Function<Long, String> nameOf = staffId -> staffId == null ? null : names.computeIfAbsent(staffId,
                k -> staff.staff(k).map(StaffView::displayName).orElse(null));
        return new ContentAdminView(c.getId(), c.getType(), c.getStatus(), c.getTitle(), c.getSummary(),
                c.getBodyHtml(), c.getCoverKey(), c.getMediaKey(), c.getNarrationKey(), large,
                c.getLengthSeconds(), Boolean.TRUE.equals(c.getEmergency()), Times.toOffset(c.getEmergencyUntil()),
                c.getUnitId(), c.getUnitId() == null ? null : staff.unit(c.getUnitId()).map(UnitView::name).orElse(null),
                c.getAuthorId(), nameOf.apply(c.getAuthorId()), c.getReviewerId(), nameOf.apply(c.getReviewerId()),
                Boolean.TRUE.equals(c.getSampleData()), Times.toOffset(c.getPublishAt()),
                Times.toOffset(c.getPublishedAt()), Times.toOffset(c.getUpdatedAt()), c.getVersion(),
                contents.topics(ids).stream().map(ContentMapper.Tag::code).toList(),
                contents.audiences(ids).stream().map(ContentMapper.Tag::code).toList(),
                contents.sections(ids).stream().map(ContentMapper.Tag::code).toList(),
                urls,
                contents.transitions(id).stream().map(t -> new ContentAdminView.Transition(t.action(), t.fromStatus(),
                        t.toStatus(), t.actorId(), nameOf.apply(t.actorId()), t.reason(), Times.toOffset(t.createdAt()))).toList(),
                revision(id));
    }

    private ContentAdminView.Revision revision(long id) {
        ContentRevision rev = revisions.open(id);
        if (rev == null) {
            return null;
        }
        ContentRequests.Save r = json.readValue(rev.getRequestJson(), ContentRequests.Save.class);
        return new ContentAdminView.Revision(rev.getId(), rev.getStatus(), r.title(), r.summary(),
                sanitizer.clean(r.bodyHtml()), r, rev.getAuthorId(), rev.getReviewerId(), rev.getReason(),
                Times.toOffset(rev.getUpdatedAt()));
    }
}
