package cn.yunxi.kepu.content;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** Likes, favourites, shares with attribution, and reading/watching credit. */
@Service
class InteractionService {

    /** Longest silence between two progress reports that still counts; longer gaps credit nothing. */
    static final int MAX_GAP_SECONDS = 60;
    static final int REPORT_EVERY_SECONDS = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContentMapper contents;
    private final InteractionMapper interactions;
    private final ContentFeedService feed;
    private final ResidentService residents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InteractionService(ContentMapper contents, InteractionMapper interactions, ContentFeedService feed,
                       ResidentService residents, ApplicationEventPublisher events, Clock clock) {
        this.contents = contents;
        this.interactions = interactions;
        this.feed = feed;
        this.residents = residents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ContentViews.Interaction like(long residentId, long contentId, boolean on) {
        published(contentId);
        int changed = on ? interactions.like(residentId, contentId, Times.now(clock))
                : interactions.unlike(residentId, contentId);
        if (changed == 1) {
            contents.bumpLikes(contentId, on ? 1 : -1);
        }
        return state(residentId, contentId);
    }

    @Transactional
    ContentViews.Interaction favourite(long residentId, long contentId, boolean on) {
        published(contentId);
        int changed = on ? interactions.favourite(residentId, contentId, Times.now(clock))
                : interactions.unfavourite(residentId, contentId);
        if (changed == 1) {
            contents.bumpFavourites(contentId, on ? 1 : -1);
        }
        return state(residentId, contentId);
    }

    ContentViews.Interaction state(long residentId, long contentId) {
        ContentItem item = published(contentId);
        InteractionMapper.State s = interactions.state(residentId, contentId);
        return new ContentViews.Interaction(s.liked(), s.favourited(), item.getLikeCount(), item.getFavouriteCount());
    }

    PageResult<ContentViews.Card> favourites(long residentId, PageQuery page) {
        List<Long> ids = interactions.favourites(residentId, feed.samplesShown(), page.sizeOrDefault(), page.offset());
        long total = interactions.favouriteCount(residentId, feed.samplesShown());
        if (ids.isEmpty()) {
            return PageResult.of(List.of(), total, page);
        }
        Map<Long, ContentItem> byId = contents.selectByIds(ids).stream()
                .collect(Collectors.toMap(ContentItem::getId, c -> c));
        LocalDateTime now = Times.now(clock);
        List<ContentViews.Card> cards = ids.stream().filter(byId::containsKey).map(id -> {
            List<Long> one = List.of(id);
            return feed.card(byId.get(id), contents.topics(one).stream().map(ContentMapper.Tag::code).toList(),
                    contents.audiences(one).stream().map(ContentMapper.Tag::code).toList(), now);
        }).toList();
        return PageResult.of(cards, total, page);
    }

    record ShareView(String shareToken, String path) {
    }

    @Transactional
    ShareView share(long residentId, long contentId) {
        ContentItem item = published(contentId);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        InteractionMapper.Share share = new InteractionMapper.Share();
        share.setToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        share.setContentId(contentId);
        share.setSharerId(residentId);
        share.setCreatedAt(Times.now(clock));
        interactions.insertShare(share);
        contents.countShare(contentId);
        events.publishEvent(new ContentShared(share.getId(), share.getToken(), residentId, contentId, item.getTitle(),
                share.getCreatedAt()));
        return new ShareView(share.getToken(), "/pages/content/detail?id=" + contentId + "&st=" + share.getToken());
    }

    @Schema(name = "ReadSessionView")
    record SessionView(long sessionId, int lengthSeconds, int requiredSeconds, int creditedSeconds, boolean completed,
                       int reportEverySeconds, boolean attributedToShare) {
    }

    @Transactional
    SessionView startRead(long residentId, long contentId, String shareToken) {
        ContentItem item = published(contentId);
        LocalDateTime now = Times.now(clock);
        Long shareId = null;
        if (shareToken != null && !shareToken.isBlank()) {
            InteractionMapper.Share share = interactions.shareByToken(shareToken.strip());
            if (share == null || share.getContentId() != contentId) {
                throw new ApiException(ContentErrors.SHARE_TOKEN_INVALID);
            }
            if (share.getSharerId() != null && share.getSharerId() != residentId) {
                shareId = share.getId();
                if (interactions.recordOpen(share.getId(), residentId, ParticipationRecorded.residentKey(residentId), now) == 1) {
                    events.publishEvent(new SharedContentOpened(share.getId(), share.getSharerId(), residentId,
                            contentId, now));
                }
            }
        }
        int length = item.getLengthSeconds();
        double ratio = "ARTICLE".equals(item.getType()) ? 0.6 : 0.8;
        int required = Math.min(length, Math.max(5, (int) Math.ceil(length * ratio)));
        ReadSession session = new ReadSession();
        session.setResidentId(residentId);
        session.setContentId(contentId);
        session.setShareId(shareId);
        session.setLengthSeconds(length);
        session.setRequiredSeconds(required);
        session.setFurthestPosition(0);
        session.setCreditedSeconds(0);
        session.setReportCount(0);
        session.setStartedAt(now);
        session.setLastReportAt(now);
        interactions.insert(session);
        return view(session);
    }

    /**
     * One progress report: {@code position} is how far into the item the client is (media position, or active
     * reading seconds for articles). Credit is the advance beyond what was already credited, but never more than
     * the server-measured time since the previous report, nothing after a silence longer than
     * {@value #MAX_GAP_SECONDS} s, and never beyond the item's length. Duplicates and replays advance nothing.
     */
    @Transactional
    SessionView progress(long residentId, long sessionId, int position) {
        ReadSession s = interactions.lockSession(sessionId, residentId);
        if (s == null) {
            throw new ApiException(ContentErrors.READ_SESSION_NOT_FOUND);
        }
        LocalDateTime now = Times.now(clock);
        if (s.getCompletedAt() != null) {
            return view(s);
        }
        Duration lifetime = Duration.ofSeconds(s.getLengthSeconds() * 3L).plusMinutes(30);
        if (now.isAfter(s.getStartedAt().plus(lifetime))) {
            throw new ApiException(ContentErrors.READ_SESSION_EXPIRED);
        }
        long elapsed = Duration.between(s.getLastReportAt(), now).toSeconds();
        int pos = Math.min(position, s.getLengthSeconds());
        int advance = pos - s.getFurthestPosition();
        int credit = 0;
        if (elapsed > 0 && elapsed <= MAX_GAP_SECONDS && advance > 0) {
            credit = (int) Math.min(advance, elapsed);
            credit = Math.min(credit, s.getLengthSeconds() - s.getCreditedSeconds());
        }
        s.setCreditedSeconds(s.getCreditedSeconds() + credit);
        s.setFurthestPosition(s.getFurthestPosition() + credit);
        s.setReportCount(s.getReportCount() + 1);
        if (elapsed > 0) {
            s.setLastReportAt(now);
        }
        if (s.getCreditedSeconds() >= s.getRequiredSeconds()) {
            s.setCompletedAt(now);
            complete(s, now);
        }
        interactions.updateById(s);
        return view(s);
    }

    private void complete(ReadSession s, LocalDateTime now) {
        InteractionMapper.IdHolder holder = new InteractionMapper.IdHolder();
        String personKey = ParticipationRecorded.residentKey(s.getResidentId());
        if (interactions.insertRead(s.getResidentId(), personKey, s.getContentId(), s.getId(), s.getCreditedSeconds(),
                now, holder) != 1) {
            return; // read before: one completed read per resident and item
        }
        contents.countRead(s.getContentId());
        ContentItem item = contents.selectById(s.getContentId());
        ResidentSummary resident = residents.find(s.getResidentId()).orElse(null);
        events.publishEvent(new ContentRead(holder.getId(), s.getResidentId(), s.getContentId(), item.getTitle(),
                s.getCreditedSeconds(), now));
        events.publishEvent(ParticipationRecorded.builder(ParticipationKind.CONTENT_READ, "read:" + holder.getId())
                .person(personKey, s.getResidentId(), resident == null ? null : label(resident))
                .demographics(resident == null ? null : resident.regionCode(),
                        resident == null || resident.populationGroup() == null ? null : resident.populationGroup().name())
                .source("CONTENT", s.getContentId(), item.getTitle())
                .occurredOn(now.toLocalDate())
                .planSections(contents.sections(List.of(s.getContentId())).stream().map(ContentMapper.Tag::code).toList())
                .build());
    }

    private static String label(ResidentSummary r) {
        if (r.phoneMasked() != null) {
            return r.phoneMasked();
        }
        return r.nickname() == null || r.nickname().isEmpty() ? "居民" : r.nickname().charAt(0) + "*";
    }

    private static SessionView view(ReadSession s) {
        return new SessionView(s.getId(), s.getLengthSeconds(), s.getRequiredSeconds(), s.getCreditedSeconds(),
                s.getCompletedAt() != null, REPORT_EVERY_SECONDS, s.getShareId() != null);
    }

    ContentItem published(long contentId) {
        ContentItem item = contents.selectById(contentId);
        if (!feed.readable(item)) {
            throw new ApiException(ContentErrors.CONTENT_NOT_FOUND);
        }
        return item;
    }
}
