package cn.yunxi.kepu.content;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.media.MediaInfo;
import cn.yunxi.kepu.media.MediaPurpose;
import cn.yunxi.kepu.media.MediaService;
import cn.yunxi.kepu.resident.ResidentOpenidService;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.wechat.WechatContentSecurity;

/**
 * Comments pass WeChat's msgSecCheck v2 before anyone else sees them: {@code pass} shows the comment, {@code risky}
 * hides it (its author still sees it, marked), {@code review} queues it for staff. When WeChat fails or times out the
 * comment is queued too: nothing unchecked is shown, nothing the resident wrote is lost.
 * A comment may carry one image the author uploaded ({@link MediaPurpose#RESIDENT_IMAGE}); the media feature runs
 * WeChat's image check on it, and others see the image only once that check passed (the text may show before).
 */
@Service
class CommentService {

    private static final Logger log = LoggerFactory.getLogger(CommentService.class);

    private final CommentMapper comments;
    private final ContentMapper contents;
    private final InteractionService interactions;
    private final WechatContentSecurity security;
    private final ResidentOpenidService openids;
    private final MediaService media;
    private final Clock clock;

    CommentService(CommentMapper comments, ContentMapper contents, InteractionService interactions,
                   WechatContentSecurity security, ResidentOpenidService openids, MediaService media, Clock clock) {
        this.comments = comments;
        this.contents = contents;
        this.interactions = interactions;
        this.security = security;
        this.openids = openids;
        this.media = media;
        this.clock = clock;
    }

    /**
     * @param imageUrl      a thumbnail of the comment's image for this viewer: always for its author and for staff,
     *                      for other residents only once WeChat's image check passed; null otherwise
     * @param imageChecking the comment has an image that other residents cannot see yet (check running or failed)
     */
    record CommentView(long id, long contentId, String body, String status, boolean mine, OffsetDateTime createdAt,
                       @Nullable String imageUrl, boolean imageChecking) {
    }

    /** Comment images are shown in the list at this width. */
    static final int IMAGE_WIDTH = 600;
    /** The viewer id of staff in {@link #view}: no resident has it. */
    private static final long STAFF = -1;

    CommentView post(long residentId, long contentId, String body, String imageKey) {
        interactions.published(contentId);
        String image = imageKey == null || imageKey.isBlank() ? null : checkedImage(residentId, imageKey.strip());
        String text = body.strip();
        Comment comment = new Comment();
        comment.setContentId(contentId);
        comment.setResidentId(residentId);
        comment.setBody(text);
        comment.setImageKey(image);
        comment.setCreatedAt(Times.now(clock));
        try {
            String openid = openids.openid(residentId).orElseThrow(() -> new ApiException(ContentErrors.COMMENT_NOT_FOUND));
            WechatContentSecurity.TextVerdict verdict = security.checkText(openid, text, WechatContentSecurity.SCENE_COMMENT);
            comment.setCheckSuggest(verdict.suggest());
            comment.setCheckLabel(verdict.label());
            comment.setCheckTraceId(verdict.traceId());
            comment.setStatus(verdict.pass() ? "VISIBLE" : verdict.risky() ? "HIDDEN" : "IN_REVIEW");
        } catch (ApiException e) {
            log.warn("msgSecCheck unavailable ({}), comment queued for staff review", e.errorCode().name());
            comment.setCheckSuggest("ERROR");
            comment.setStatus("IN_REVIEW");
        }
        insert(comment);
        return view(comment, residentId);
    }

    /** The key, if it is a confirmed image this resident uploaded for comments and WeChat has not flagged. */
    private String checkedImage(long residentId, String key) {
        MediaInfo info = media.ownedBy(key, residentId)
                .filter(i -> i.purpose() == MediaPurpose.RESIDENT_IMAGE && i.isImage())
                .orElseThrow(() -> new ApiException(ContentErrors.COMMENT_IMAGE_INVALID));
        if (info.flagged()) {
            throw new ApiException(ContentErrors.COMMENT_IMAGE_REJECTED);
        }
        return key;
    }

    private void insert(Comment comment) {
        comments.insert(comment);
        if ("VISIBLE".equals(comment.getStatus())) {
            contents.countComment(comment.getContentId());
        }
    }

    /** Visible comments, plus the caller's own whatever their state. */
    PageResult<CommentView> list(long residentId, long contentId, PageQuery page) {
        interactions.published(contentId);
        LambdaQueryWrapper<Comment> where = new LambdaQueryWrapper<Comment>()
                .eq(Comment::getContentId, contentId)
                .and(w -> w.eq(Comment::getStatus, "VISIBLE")
                        .or(o -> o.eq(Comment::getResidentId, residentId).ne(Comment::getStatus, "DELETED")))
                .orderByDesc(Comment::getId);
        Page<Comment> result = comments.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()), where);
        return PageResult.of(result.getRecords().stream().map(c -> view(c, residentId)).toList(), result.getTotal(), page);
    }

    /** A comment waiting for a person, with the title of the item it is about. */
    record QueuedComment(long id, long contentId, String contentTitle, String body, String status,
                         OffsetDateTime createdAt, @Nullable String imageUrl) {
    }

    PageResult<QueuedComment> queue(CurrentUser staff, PageQuery page) {
        boolean allUnits = StaffRole.isDistrictAdmin(staff);
        Page<Comment> result = comments.reviewQueue(Page.of(page.pageOrDefault(), page.sizeOrDefault()), allUnits,
                staff.unitId());
        List<Long> contentIds = result.getRecords().stream().map(Comment::getContentId).distinct().toList();
        Map<Long, String> titles = contentIds.isEmpty() ? Map.of() : contents.selectByIds(contentIds).stream()
                .collect(Collectors.toMap(ContentItem::getId, ContentItem::getTitle));
        return PageResult.of(result.getRecords().stream().map(c -> new QueuedComment(c.getId(), c.getContentId(),
                titles.get(c.getContentId()), c.getBody(), c.getStatus(), Times.toOffset(c.getCreatedAt()),
                view(c, STAFF).imageUrl())).toList(),
                result.getTotal(), page);
    }

    @Transactional
    CommentView review(CurrentUser staff, long commentId, boolean approve, String reason) {
        Comment comment = comments.selectById(commentId);
        if (comment == null) {
            throw new ApiException(ContentErrors.COMMENT_NOT_FOUND);
        }
        ContentItem item = contents.selectById(comment.getContentId());
        if (!StaffRole.isDistrictAdmin(staff) && (item.getUnitId() == null || !item.getUnitId().equals(staff.unitId()))) {
            throw new ApiException(ContentErrors.COMMENT_NOT_FOUND);
        }
        String to = approve ? "VISIBLE" : "REJECTED";
        if (comments.review(commentId, to, staff.id(), reason, Times.now(clock)) != 1) {
            throw new ApiException(ContentErrors.COMMENT_STATE);
        }
        if (approve) {
            contents.countComment(comment.getContentId());
        }
        return view(comments.selectById(commentId), STAFF);
    }

    /** {@code viewer} is the resident asking, or {@link #STAFF} for the review queue (staff see every image). */
    private CommentView view(Comment c, long viewer) {
        boolean mine = c.getResidentId() != null && c.getResidentId() == viewer;
        String imageUrl = null;
        boolean checking = false;
        if (c.getImageKey() != null) {
            MediaInfo info = media.find(c.getImageKey()).orElse(null);
            if (info != null) {
                checking = !info.publiclyVisible();
                if (mine || viewer == STAFF || info.publiclyVisible()) {
                    imageUrl = media.thumbnailUrl(info.key(), IMAGE_WIDTH);
                }
            }
        }
        return new CommentView(c.getId(), c.getContentId(), c.getBody(), c.getStatus(), mine,
                Times.toOffset(c.getCreatedAt()), imageUrl, checking);
    }
}
