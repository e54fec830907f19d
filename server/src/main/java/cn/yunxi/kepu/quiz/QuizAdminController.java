package cn.yunxi.kepu.quiz;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.yunxi.kepu.common.apidocs.ApiMediaTypes;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Staff: the question bank, contests and self-tests, and their reports. */
@RestController
@RequestMapping("/api/admin/v1")
@Tag(name = "答题管理")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER')")
class QuizAdminController {

    // Towns run their own contests too (within their scope: QuizScope).
    private static final String AUTHORS = "hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER')";

    private final QuestionBankService bank;
    private final QuestionImportService importer;
    private final QuizAdminService quizzes;
    private final LeaderboardService leaderboards;

    QuizAdminController(QuestionBankService bank, QuestionImportService importer, QuizAdminService quizzes, LeaderboardService leaderboards) {
        this.bank = bank;
        this.importer = importer;
        this.quizzes = quizzes;
        this.leaderboards = leaderboards;
    }

    @GetMapping("/sci-benchmarks")
    @Operation(summary = "《中国公民科学素质基准》26 条基准（措辞待与官方文本核对）")
    List<BenchmarkView> benchmarks() {
        return bank.benchmarks();
    }

    @GetMapping("/quiz-questions")
    PageResult<QuestionView> questions(@RequestParam(required = false) QuestionType type,
                                       @RequestParam(required = false) Integer benchmarkNo,
                                       @RequestParam(required = false) String topic,
                                       @RequestParam(required = false) String keyword,
                                       @RequestParam(defaultValue = "ACTIVE") String status,
                                       @RequestParam(required = false) QuestionPool pool,
                                       @Valid PageQuery page) {
        return bank.search(type, benchmarkNo, topic, keyword, status, pool, page);
    }

    @GetMapping("/quiz-questions/{id}")
    QuestionView question(@PathVariable long id) {
        return bank.get(id);
    }

    @PostMapping("/quiz-questions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AUTHORS)
    QuestionView create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody QuestionRequest request) {
        return bank.create(request, user);
    }

    @PutMapping("/quiz-questions/{id}")
    @PreAuthorize(AUTHORS)
    @Operation(summary = "修改题目：只影响今后的试卷，已作答的记录保留当时的题目快照")
    QuestionView update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                        @Valid @RequestBody QuestionRequest request) {
        return bank.update(id, request, user);
    }

    @PostMapping("/quiz-questions/{id}/archive")
    @PreAuthorize(AUTHORS)
    QuestionView archive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return bank.setStatus(id, Question.ARCHIVED, user);
    }

    @PostMapping("/quiz-questions/{id}/restore")
    @PreAuthorize(AUTHORS)
    QuestionView restore(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return bank.setStatus(id, Question.ACTIVE, user);
    }

    @GetMapping("/quiz-questions/import-template")
    @Operation(summary = "下载题目导入模板（.xlsx）")
    @ApiResponse(responseCode = "200", description = "Excel 模板", content = @Content(mediaType = ApiMediaTypes.XLSX,
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"question-import-template.xlsx\"")
                .body(importer.template());
    }

    @PostMapping(path = "/quiz-questions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(AUTHORS)
    @Operation(summary = "从 Excel 导入题目：mode=ALL_OR_NOTHING 有错误行则全部不导入；VALID_ROWS 只导入正确的行")
    QuestionImportService.Report importQuestions(@AuthenticationPrincipal CurrentUser user,
                                          @RequestPart("file") MultipartFile file,
                                          @RequestParam(defaultValue = "ALL_OR_NOTHING") QuestionImportService.Mode mode) {
        try {
            return importer.importFrom(file.getInputStream(), mode, user);
        } catch (IOException e) {
            throw new ApiException(QuizErrors.IMPORT_FILE_INVALID);
        }
    }

    @GetMapping("/quizzes")
    @Operation(summary = "竞赛与自测列表；mine=true 只看本单位组织的")
    PageResult<QuizAdminView> quizzes(@AuthenticationPrincipal CurrentUser user,
                                      @RequestParam(required = false) QuizKind kind,
                                      @RequestParam(defaultValue = "false") boolean mine, @Valid PageQuery page) {
        return quizzes.list(kind, mine, user, page);
    }

    @GetMapping("/quizzes/{id}")
    QuizAdminView quiz(@PathVariable long id) {
        return quizzes.get(id);
    }

    @PostMapping("/quizzes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AUTHORS)
    @Operation(summary = "新建竞赛或自测（草稿）")
    QuizAdminView createQuiz(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody QuizRequest request) {
        return quizzes.create(request, user);
    }

    @PutMapping("/quizzes/{id}")
    @PreAuthorize(AUTHORS)
    QuizAdminView updateQuiz(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                             @Valid @RequestBody QuizRequest request) {
        return quizzes.update(id, request, user);
    }

    @PostMapping("/quizzes/{id}/publish")
    @PreAuthorize(AUTHORS)
    QuizAdminView publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return quizzes.publish(id, user);
    }

    @PostMapping("/quizzes/{id}/close")
    @PreAuthorize(AUTHORS)
    QuizAdminView close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return quizzes.close(id, user);
    }

    @GetMapping("/quizzes/{id}/leaderboard")
    LeaderboardService.Board leaderboard(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                   @RequestParam(defaultValue = "50") @Min(value = 1, message = "名次至少取 1")
                                   @Max(value = 100, message = "名次最多取 100") int top) {
        quizzes.found(id);
        return leaderboards.board(id, -1, top);
    }

    @GetMapping("/quizzes/{id}/leaderboard/regions")
    RegionLeaderboard.RegionBoard regionBoard(@PathVariable long id) {
        quizzes.found(id);
        return leaderboards.regions(id);
    }

    @GetMapping("/quizzes/{id}/self-test-report")
    @Operation(summary = "自测通过率（按人群、按镇街）：参与者自测指标，不是官方科学素质比例")
    QuizAdminService.SelfTestReport selfTestReport(@PathVariable long id) {
        return quizzes.selfTestReport(id);
    }
}
