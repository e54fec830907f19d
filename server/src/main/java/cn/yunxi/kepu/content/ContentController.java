package cn.yunxi.kepu.content;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.ratelimit.RateLimiter;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.common.web.PreRenderedJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "科普内容")
class ContentController {

    private final ContentFeedService feed;
    private final InteractionService interactions;
    private final CommentService comments;
    private final RateLimiter limits;

    ContentController(ContentFeedService feed, InteractionService interactions, CommentService comments,
                      RateLimiter limits) {
        this.limits = limits;
        this.feed = feed;
        this.interactions = interactions;
        this.comments = comments;
    }

    @GetMapping(value = "/contents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "内容流与搜索：应急科普置顶，本人所属人群优先；支持 ETag/304")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContentViews.Page.class)))
    PreRenderedJson list(@AuthenticationPrincipal CurrentUser user,
                         @RequestParam(required = false) String topic,
                         @RequestParam(required = false) String group,
                         @RequestParam(required = false) String type,
                         @RequestParam(required = false) String keyword,
                         @Valid PageQuery page,
                         @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        if (keyword != null && !keyword.isBlank()) {
            // A keyword search is a LIKE scan the caches rarely answer; browsing is not counted.
            limits.acquire("content-search", Long.toString(user.id()), 30, Duration.ofMinutes(1),
                    "搜索太频繁了，每分钟最多搜索 30 次，请稍后再试");
        }
        return conditional(feed.feed(user.id(), type, topic, group, keyword, page), ifNoneMatch);
    }

    @GetMapping(value = "/contents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "内容详情（含关怀模式的音频朗读和大字版图片）；支持 ETag/304")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContentViews.Detail.class)))
    PreRenderedJson item(@PathVariable long id,
                         @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        return conditional(feed.item(id), ifNoneMatch);
    }

    @GetMapping("/contents/{id}/interaction")
    @Operation(summary = "我对该内容的点赞、收藏状态")
    ContentViews.Interaction interaction(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return interactions.state(user.id(), id);
    }

    @PutMapping("/contents/{id}/like")
    ContentViews.Interaction like(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return interactions.like(user.id(), id, true);
    }

    @DeleteMapping("/contents/{id}/like")
    ContentViews.Interaction unlike(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return interactions.like(user.id(), id, false);
    }

    @PutMapping("/contents/{id}/favourite")
    ContentViews.Interaction favourite(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return interactions.favourite(user.id(), id, true);
    }

    @DeleteMapping("/contents/{id}/favourite")
    ContentViews.Interaction unfavourite(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return interactions.favourite(user.id(), id, false);
    }

    @GetMapping("/me/favourites")
    @Operation(summary = "我的收藏")
    PageResult<ContentViews.Card> favourites(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return interactions.favourites(user.id(), page);
    }

    @PostMapping("/contents/{id}/shares")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "生成分享链接（携带分享人，经此打开的阅读归属分享人）")
    InteractionService.ShareView share(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return interactions.share(user.id(), id);
    }

    @PostMapping("/contents/{id}/read-sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "打开内容，开始一次阅读/观看计时（可带分享 token）")
    InteractionService.SessionView startRead(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                             @Valid @RequestBody(required = false) ContentRequests.StartRead request) {
        return interactions.startRead(user.id(), id, request == null ? null : request.shareToken());
    }

    @PostMapping("/read-sessions/{sessionId}/progress")
    @Operation(summary = "上报阅读/播放进度（秒），服务端只计有效时长")
    InteractionService.SessionView progress(@AuthenticationPrincipal CurrentUser user, @PathVariable long sessionId,
                                            @Valid @RequestBody ContentRequests.Progress request) {
        return interactions.progress(user.id(), sessionId, request.position());
    }

    @GetMapping("/contents/{id}/comments")
    PageResult<CommentService.CommentView> comments(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                                    @Valid PageQuery page) {
        return comments.list(user.id(), id, page);
    }

    @PostMapping("/contents/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发表评论，可附一张本人上传的图片（文字和图片都经微信内容安全检测后才对他人可见）")
    CommentService.CommentView comment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                       @Valid @RequestBody ContentRequests.NewComment request) {
        // Each comment spends a msgSecCheck call of the app's daily quota: counted before the check.
        limits.acquire("comment-minute", Long.toString(user.id()), 10, Duration.ofMinutes(1),
                "评论太频繁了，每分钟最多发表 10 条评论，请稍后再试");
        limits.acquire("comment-day", Long.toString(user.id()), 100, Duration.ofDays(1),
                "今天的评论已达上限（每天最多 100 条），请明天再来");
        return comments.post(user.id(), id, request.body(), request.imageKey());
    }

    /** Private: the answer depends on the caller; revalidated (ETag) on every use. */
    private static final CacheControl CACHE = CacheControl.noCache().cachePrivate();

    /**
     * The rendered answer, or 304 when {@code If-None-Match} holds its tag. Written directly to the response in the
     * plain case ({@link PreRenderedJson}); anything else goes through Spring as the equivalent ResponseEntity, whose
     * own precondition check also answers 304 to a weak tag or {@code *}.
     */
    static PreRenderedJson conditional(Rendered rendered, String ifNoneMatch) {
        if (ifNoneMatch != null && ifNoneMatch.contains(rendered.etag())) {
            return new PreRenderedJson(HttpStatus.NOT_MODIFIED, rendered.etag(), CACHE, null);
        }
        return PreRenderedJson.ok(rendered.etag(), CACHE, rendered.body());
    }
}
