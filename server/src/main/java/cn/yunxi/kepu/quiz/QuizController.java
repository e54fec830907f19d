package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The resident's side: what to take, attempts, leaderboards, practice, certificates. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "答题")
class QuizController {

    private final QuizCatalog catalog;
    private final AttemptService attempts;
    private final AttemptMapper attemptRows;
    private static final int MAX_TOP = 100;

    private final LeaderboardService leaderboards;
    private final PracticeService practice;
    private final CertificateService certificates;
    private final QuizStateMapper state;
    private final Clock clock;

    QuizController(QuizCatalog catalog, AttemptService attempts, AttemptMapper attemptRows, LeaderboardService leaderboards,
                   PracticeService practice, CertificateService certificates, QuizStateMapper state, Clock clock) {
        this.catalog = catalog;
        this.attempts = attempts;
        this.attemptRows = attemptRows;
        this.leaderboards = leaderboards;
        this.practice = practice;
        this.certificates = certificates;
        this.state = state;
        this.clock = clock;
    }

    @GetMapping("/quizzes")
    @Operation(summary = "现在可以参加的答题：每日答题、练习、自测和正在进行且我可参加的竞赛")
    List<QuizCatalog.QuizCard> available(@AuthenticationPrincipal CurrentUser user) {
        return catalog.available(user.id());
    }

    @PostMapping("/quizzes/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "开始答题（题目不含答案、选项已打乱，附服务器截止时间）；已有未结束的答题则继续那一次")
    AttemptView start(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return attempts.start(user.id(), id);
    }

    @GetMapping("/attempts/{id}")
    @Operation(summary = "我的一次答题；结束后含成绩、正确答案和解析")
    AttemptView attempt(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return attempts.get(user.id(), id);
    }

    @PutMapping("/attempts/{id}/answers")
    @Operation(summary = "暂存已作答的题目（到截止时间未交卷，按暂存的答案评分）")
    AttemptView save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @RequestBody AnswersRequest request) {
        return attempts.save(user.id(), id, request);
    }

    @PostMapping("/attempts/{id}/submit")
    @Operation(summary = "交卷评分；重复提交返回同一个结果")
    AttemptView submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                       @RequestBody AnswersRequest request) {
        return attempts.submit(user.id(), id, request);
    }

    @GetMapping("/me/attempts")
    @Operation(summary = "我的答题记录（kind=SELF_TEST 只看自测，其余类型同理），最新的在前")
    PageResult<AttemptMapper.AttemptSummaryRow> myAttempts(@AuthenticationPrincipal CurrentUser user,
                                                           @RequestParam(required = false) QuizKind kind,
                                                           @Valid PageQuery page) {
        if (kind != null) {
            return PageResult.of(attemptRows.mineOfKind(user.id(), kind.name(), page.sizeOrDefault(), page.offset()),
                    attemptRows.countMineOfKind(user.id(), kind.name()), page);
        }
        return PageResult.of(attemptRows.mine(user.id(), page.sizeOrDefault(), page.offset()),
                attemptRows.countMine(user.id()), page);
    }

    @GetMapping("/quizzes/{id}/leaderboard")
    @Operation(summary = "竞赛个人排行榜（前 N 名与我的名次）；未公开姓名的居民显示为“某某村 居民”")
    LeaderboardService.Board leaderboard(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                   @RequestParam(defaultValue = "50") int top) {
        // Checked here rather than with @Min/@Max, which would run Bean Validation's method validation on every
        // leaderboard request (a visible share of its cost) for this one number.
        if (top < 1 || top > MAX_TOP) {
            throw new ApiException(CommonErrors.VALIDATION_FAILED, "排行榜名次数应在 1 到 " + MAX_TOP + " 之间");
        }
        contest(id);
        return leaderboards.board(id, user.id(), top);
    }

    @GetMapping("/quizzes/{id}/leaderboard/regions")
    @Operation(summary = "竞赛地区榜：各镇（街道）和村（社区）的参赛人数、参与率和平均分")
    RegionLeaderboard.RegionBoard regionBoard(@PathVariable long id) {
        contest(id);
        return leaderboards.regions(id);
    }

    private void contest(long id) {
        Quiz quiz = catalog.quiz(id);
        if (quiz == null || !QuizKind.CONTEST.name().equals(quiz.getKind()) || Quiz.DRAFT.equals(quiz.getStatus())) {
            throw new ApiException(QuizErrors.QUIZ_NOT_FOUND);
        }
    }

    record Preferences(@NotNull(message = "请选择是否在排行榜上显示昵称") Boolean leaderboardOptIn) {
    }

    @PutMapping("/me/quiz-preferences")
    @Operation(summary = "是否在排行榜上显示我的昵称（默认不显示）")
    Preferences setPreferences(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Preferences request) {
        state.setOptIn(user.id(), request.leaderboardOptIn(), Times.now(clock));
        leaderboards.evictRendered();
        return request;
    }

    @GetMapping("/me/quiz-preferences")
    Preferences preferences(@AuthenticationPrincipal CurrentUser user) {
        return new Preferences(Boolean.TRUE.equals(state.optIn(user.id())));
    }

    /** @param lastDay the last day a daily quiz was answered; null before the first one */
    record Streak(int current, int best, java.time.@Nullable LocalDate lastDay) {
    }

    @GetMapping("/me/daily-streak")
    @Operation(summary = "每日答题连续天数")
    Streak streak(@AuthenticationPrincipal CurrentUser user) {
        QuizStateMapper.StreakRow row = state.streak(user.id());
        if (row == null) {
            return new Streak(0, 0, null);
        }
        java.time.LocalDate today = Times.now(clock).toLocalDate();
        boolean alive = !row.getLastDay().isBefore(today.minusDays(1));
        return new Streak(alive ? row.getCurrentStreak() : 0, row.getBestStreak(), row.getLastDay());
    }

    @GetMapping("/practice/next")
    @Operation(summary = "练习：取一道题（source=WRONG_BOOK 从错题本中取）")
    PracticeService.PracticeQuestion next(@AuthenticationPrincipal CurrentUser user,
                                          @RequestParam(defaultValue = "RANDOM") PracticeService.Source source,
                                          @RequestParam(required = false) String topic,
                                          @RequestParam(required = false) Integer benchmarkNo) {
        return practice.next(user.id(), source, topic, benchmarkNo);
    }

    record PracticeAnswer(@NotNull(message = "缺少题目编号") Long questionId,
                          @NotNull(message = "请选择答案") List<Integer> selected) {
    }

    @PostMapping("/practice/answers")
    @Operation(summary = "练习：提交一道题的答案，立即返回对错和解析")
    PracticeService.Feedback answer(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody PracticeAnswer request) {
        return practice.answer(user.id(), request.questionId(), request.selected());
    }

    @GetMapping("/practice/wrong-book")
    @Operation(summary = "我的错题本（连续答对两次后移出）")
    PageResult<PracticeService.WrongBookItem> wrongBook(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return practice.wrongBook(user.id(), page);
    }

    @GetMapping("/me/certificates")
    @Operation(summary = "我的证书")
    List<CertificateService.CertificateView> myCertificates(@AuthenticationPrincipal CurrentUser user) {
        return certificates.mine(user.id());
    }

    @GetMapping("/certificates/{verifyNo}")
    @Operation(summary = "公开查验证书编号（无需登录，姓名已脱敏）")
    CertificateService.CertificateView verify(@PathVariable String verifyNo) {
        return certificates.verify(verifyNo);
    }
}
