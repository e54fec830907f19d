package cn.yunxi.kepu.content;

import java.time.Clock;
import java.time.OffsetDateTime;

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
import cn.yunxi.kepu.resident.ResidentOpenids;
import cn.yunxi.kepu.wechat.WechatContentSecurity;

/**
 * Comments pass WeChat's msgSecCheck v2 before anyone else sees them: {@code pass} shows the comment, {@code risky}
 * hides it (its author still sees it, marked), {@code review} queues it for staff. When WeChat fails or times out the
 * comment is queued too: nothing unchecked is shown, nothing the resident wrote is lost.
 */
@Service
class CommentService {

    private static final Logger log = LoggerFactory.getLogger(CommentService.class);

    private final CommentMapper comments;
    private final ContentMapper contents;
    private final InteractionService interactions;
    private final WechatContentSecurity security;
    private final ResidentOpenids openids;
    private final Clock clock;

    CommentService(CommentMapper comments, ContentMapper contents, InteractionService interactions,
                   WechatContentSecurity security, ResidentOpenids openids, Clock clock) {
        this.comments = comments;
        this.contents = contents;
        this.interactions = interactions;
        this.security = security;
        this.openids = openids;
        this.clock = clock;
    }

    record CommentView(long id, long contentId, String body, String status, boolean mine, OffsetDateTime createdAt) {
    }

    CommentView post(long residentId, long contentId, String body) {
        interactions.published(contentId);
        String text = body.strip();
        Comment comment = new Comment();
        comment.setContentId(contentId);
        comment.setResidentId(residentId);
        comment.setBody(text);
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

    PageResult<CommentView> queue(CurrentUser staff, PageQuery page) {
        boolean allUnits = staff.hasRole("DISTRICT_ADMIN");
        Page<Comment> result = comments.reviewQueue(Page.of(page.pageOrDefault(), page.sizeOrDefault()), allUnits,
                staff.unitId());
        return PageResult.of(result.getRecords().stream().map(c -> view(c, -1)).toList(), result.getTotal(), page);
    }

    @Transactional
    CommentView review(CurrentUser staff, long commentId, boolean approve, String reason) {
        Comment comment = comments.selectById(commentId);
        if (comment == null) {
            throw new ApiException(ContentErrors.COMMENT_NOT_FOUND);
        }
        ContentItem item = contents.selectById(comment.getContentId());
        if (!staff.hasRole("DISTRICT_ADMIN") && (item.getUnitId() == null || !item.getUnitId().equals(staff.unitId()))) {
            throw new ApiException(ContentErrors.COMMENT_NOT_FOUND);
        }
        String to = approve ? "VISIBLE" : "REJECTED";
        if (comments.review(commentId, to, staff.id(), reason, Times.now(clock)) != 1) {
            throw new ApiException(ContentErrors.COMMENT_STATE);
        }
        if (approve) {
            contents.countComment(comment.getContentId());
        }
        return view(comments.selectById(commentId), -1);
    }

    private static CommentView view(Comment c, long viewer) {
        return new CommentView(c.getId(), c.getContentId(), c.getBody(), c.getStatus(),
                c.getResidentId() != null && c.getResidentId() == viewer, Times.toOffset(c.getCreatedAt()));
    }
}
