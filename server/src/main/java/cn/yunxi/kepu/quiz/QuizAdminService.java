package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionLevel;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.PopulationGroup;
import cn.yunxi.kepu.staff.StaffRole;
import tools.jackson.databind.json.JsonMapper;

/** Staff set up contests and self-tests and tune the standing daily quiz. */
@Service
class QuizAdminService {

    private final QuizMapper quizzes;
    private final QuestionMapper questions;
    private final QuestionBankService bank;
    private final QuizCatalog catalog;
    private final PaperDrawer drawer;
    private final RegionService regions;
    private final AttemptMapper attempts;
    private final QuizScope scope;
    private final JsonMapper json;
    private final Clock clock;

    QuizAdminService(QuizMapper quizzes, QuestionMapper questions, QuestionBankService bank, QuizCatalog catalog,
                     PaperDrawer drawer, RegionService regions, AttemptMapper attempts, QuizScope scope, JsonMapper json,
                     Clock clock) {
        this.quizzes = quizzes;
        this.questions = questions;
        this.bank = bank;
        this.catalog = catalog;
        this.drawer = drawer;
        this.regions = regions;
        this.attempts = attempts;
        this.scope = scope;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    QuizAdminView create(QuizRequest request, CurrentUser staff) {
        if (request.kind() == QuizKind.DAILY || request.kind() == QuizKind.PRACTICE) {
            throw new ApiException(QuizErrors.QUIZ_INVALID, "每日答题和练习模式已内置，请修改现有的那一个");
        }
        Quiz quiz = new Quiz();
        quiz.setKind(request.kind().name());
        quiz.setStatus(Quiz.DRAFT);
        quiz.setOwnerUnitId(staff.unitId());
        quiz.setCreatedBy(staff.id());
        LocalDateTime now = Times.now(clock);
        quiz.setCreatedAt(now);
        apply(quiz, request, scope.eligibleRegions(request, staff));
        quiz.setUpdatedAt(now);
        quizzes.insert(quiz);
        writePaper(quiz, request);
        return view(quiz);
    }

    @Transactional
    QuizAdminView update(long id, QuizRequest request, CurrentUser staff) {
        Quiz quiz = editable(id, staff);
        if (!quiz.getKind().equals(request.kind().name())) {
            throw new ApiException(QuizErrors.QUIZ_INVALID, "不能修改答题类型");
        }
        if (QuizKind.CONTEST.name().equals(quiz.getKind()) && !Quiz.DRAFT.equals(quiz.getStatus())) {
            throw new ApiException(QuizErrors.QUIZ_NOT_EDITABLE);
        }
        apply(quiz, request, scope.eligibleRegions(request, staff));
        quiz.setUpdatedAt(Times.now(clock));
        quizzes.updateById(quiz);
        writePaper(quiz, request);
        catalog.evict(id);
        return view(quiz);
    }

    @Transactional
    QuizAdminView publish(long id, CurrentUser staff) {
        Quiz quiz = editable(id, staff);
        int available = drawer.available(quiz);
        if (available < quiz.getQuestionCount()) {
            throw new ApiException(QuizErrors.QUIZ_NO_QUESTIONS,
                    "题库中符合条件的题目只有 " + available + " 道，少于设定的 " + quiz.getQuestionCount() + " 道");
        }
        quiz.setStatus(Quiz.PUBLISHED);
        quiz.setUpdatedAt(Times.now(clock));
        quizzes.updateById(quiz);
        catalog.evict(id);
        return view(quiz);
    }

    @Transactional
    QuizAdminView close(long id, CurrentUser staff) {
        Quiz quiz = editable(id, staff);
        quiz.setStatus(Quiz.CLOSED);
        quiz.setUpdatedAt(Times.now(clock));
        quizzes.updateById(quiz);
        catalog.evict(id);
        return view(quiz);
    }

    QuizAdminView get(long id) {
        return view(found(id));
    }

    /** Every quiz, or with {@code mine} those of the caller's unit (the district's own for a district admin). */
    PageResult<QuizAdminView> list(QuizKind kind, boolean mine, CurrentUser staff, PageQuery query) {
        LambdaQueryWrapper<Quiz> where = new LambdaQueryWrapper<Quiz>()
                .eq(kind != null, Quiz::getKind, kind == null ? null : kind.name())
                .orderByDesc(Quiz::getId);
        if (mine) {
            if (staff.unitId() == null) {
                where.isNull(Quiz::getOwnerUnitId);
            } else {
                where.eq(Quiz::getOwnerUnitId, staff.unitId());
            }
        }
        Page<Quiz> page = quizzes.selectPage(new Page<>(query.pageOrDefault(), query.sizeOrDefault()), where);
        return PageResult.of(page.getRecords().stream().map(this::view).toList(), page.getTotal(), query);
    }

    /**
     * The self-test pass rate by population group and by town: each resident's latest finished self-test.
     * A participant self-test proxy — never the official citizen science-literacy rate.
     */
    SelfTestReport selfTestReport(long id) {
        Quiz quiz = found(id);
        if (!QuizKind.SELF_TEST.name().equals(quiz.getKind())) {
            throw new ApiException(QuizErrors.QUIZ_INVALID, "只有自测有通过率报告");
        }
        List<AttemptMapper.SelfTestRow> rows = attempts.selfTestReport(id);
        java.util.Map<String, int[]> byGroup = new java.util.TreeMap<>();
        java.util.Map<String, int[]> byTown = new java.util.TreeMap<>();
        int takers = 0;
        int passed = 0;
        for (AttemptMapper.SelfTestRow r : rows) {
            String group = r.getPopulationGroup() == null ? "UNKNOWN" : r.getPopulationGroup();
            String town = r.getTownCode() == null ? "UNKNOWN" : r.getTownCode();
            add(byGroup, group, r);
            add(byTown, town, r);
            takers += r.getTakers();
            passed += r.getPassed();
        }
        List<SelfTestReport.Line> groups = byGroup.entrySet().stream().map(e -> line(e.getKey(), groupLabel(e.getKey()),
                e.getValue())).toList();
        List<SelfTestReport.Line> towns = byTown.entrySet().stream().map(e -> line(e.getKey(),
                regions.find(e.getKey()).map(RegionInfo::name).orElse("未填写地区"), e.getValue())).toList();
        return new SelfTestReport(quiz.getId(), quiz.getTitle(), quiz.getPassPercent(),
                "参与者自测通过率（仅反映参加自测的居民，不是官方公民科学素质比例）",
                line("ALL", "全部", new int[] {takers, passed}), groups, towns);
    }

    record SelfTestReport(long quizId, String title, int passPercent, String note, Line overall, List<Line> byGroup,
                          List<Line> byTown) {
        record Line(String code, String label, int takers, int passed, Double passRate) {
        }
    }

    private static void add(java.util.Map<String, int[]> into, String key, AttemptMapper.SelfTestRow r) {
        int[] t = into.computeIfAbsent(key, k -> new int[2]);
        t[0] += r.getTakers();
        t[1] += r.getPassed();
    }

    private static SelfTestReport.Line line(String code, String label, int[] t) {
        return new SelfTestReport.Line(code, label, t[0], t[1], t[0] == 0 ? null : Math.round(t[1] * 10000.0 / t[0]) / 100.0);
    }

    private static String groupLabel(String code) {
        try {
            return PopulationGroup.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return "未填写人群";
        }
    }

    Quiz found(long id) {
        Quiz quiz = quizzes.selectById(id);
        if (quiz == null) {
            throw new ApiException(QuizErrors.QUIZ_NOT_FOUND);
        }
        return quiz;
    }

    private Quiz editable(long id, CurrentUser staff) {
        Quiz quiz = found(id);
        if (!StaffRole.isDistrictAdmin(staff) && !Objects.equals(quiz.getOwnerUnitId(), staff.unitId())) {
            throw new ApiException(CommonErrors.FORBIDDEN, "只能管理本单位的答题活动");
        }
        return quiz;
    }

    private void apply(Quiz quiz, QuizRequest r, List<String> regionCodes) {
        boolean contest = r.kind() == QuizKind.CONTEST;
        LocalDateTime opens = r.opensAt() == null ? null : r.opensAt().atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime();
        LocalDateTime closes = r.closesAt() == null ? null : r.closesAt().atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime();
        if (contest && (opens == null || closes == null)) {
            throw new ApiException(QuizErrors.QUIZ_INVALID, "竞赛须设置开始和结束时间");
        }
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            throw new ApiException(QuizErrors.QUIZ_INVALID, "结束时间须晚于开始时间");
        }
        if (contest && r.timeLimitSeconds() == null) {
            throw new ApiException(QuizErrors.QUIZ_INVALID, "竞赛须设置每次答题的限时");
        }
        String mode = r.paperMode() == null ? "DRAWN" : r.paperMode();
        if (!mode.equals("FIXED") && !mode.equals("DRAWN")) {
            throw new ApiException(QuizErrors.QUIZ_INVALID, "组卷方式应为 FIXED（固定试卷）或 DRAWN（随机抽题）");
        }
        int count;
        if (mode.equals("FIXED")) {
            List<Long> ids = r.questionIds() == null ? List.of() : r.questionIds();
            if (ids.isEmpty() || new HashSet<>(ids).size() != ids.size()) {
                throw new ApiException(QuizErrors.QUIZ_INVALID, "固定试卷须列出不重复的题目");
            }
            List<Question> chosen = questions.selectByIds(ids);
            if (chosen.size() != ids.size()) {
                throw new ApiException(QuizErrors.QUIZ_INVALID, "固定试卷中有不存在的题目");
            }
            if (!chosen.stream().allMatch(bank::shown)) {
                throw new ApiException(QuizErrors.QUIZ_INVALID, "固定试卷不能用样例题目：样例数据不向居民展示");
            }
            if (chosen.stream().anyMatch(q -> !QuestionPool.EXAM.name().equals(q.getPool()))) {
                throw new ApiException(QuizErrors.QUIZ_INVALID, "练习题库的题目答完即公布答案，不能放进试卷，请选考试题库的题目");
            }
            count = ids.size();
        } else {
            List<DrawRule> rules = r.drawRules() == null ? List.of() : r.drawRules();
            int sum = rules.stream().mapToInt(DrawRule::count).sum();
            count = rules.isEmpty() ? (r.questionCount() == null ? 10 : r.questionCount()) : sum;
            if (r.questionCount() != null && !rules.isEmpty() && r.questionCount() != sum) {
                throw new ApiException(QuizErrors.QUIZ_INVALID, "抽题规则的题数合计应等于总题数");
            }
        }
        int score = r.questionScore() == null ? 10 : r.questionScore();
        if (count * score > LeaderboardKey.MAX_SCORE) {
            throw new ApiException(QuizErrors.QUIZ_INVALID, "总分不能超过 1000 分");
        }
        for (String code : regionCodes) {
            RegionInfo region = regions.find(code).orElse(null);
            if (region == null || region.level() == RegionLevel.DISTRICT) {
                throw new ApiException(QuizErrors.QUIZ_INVALID, "参赛地区应为镇（街道）或村（社区）：" + code);
            }
        }
        quiz.setTitle(r.title().strip());
        quiz.setDescription(r.description());
        quiz.setOpensAt(opens);
        quiz.setClosesAt(closes);
        quiz.setTimeLimitSeconds(r.timeLimitSeconds());
        quiz.setAttemptsAllowed(r.attemptsAllowed() == null ? 1 : r.attemptsAllowed());
        quiz.setQuestionCount(count);
        quiz.setQuestionScore(score);
        quiz.setPassPercent(r.passPercent() == null ? 60 : r.passPercent());
        quiz.setPaperMode(mode);
        quiz.setDrawRulesJson(r.drawRules() == null || r.drawRules().isEmpty() ? null : json.writeValueAsString(r.drawRules()));
        quiz.setEligibleRegions(String.join(",", regionCodes));
        quiz.setEligibleGroups(r.eligibleGroups() == null ? ""
                : String.join(",", r.eligibleGroups().stream().filter(Objects::nonNull).map(Enum::name).distinct().toList()));
        quiz.setCertificateTitle(r.certificateTitle());
    }

    private void writePaper(Quiz quiz, QuizRequest r) {
        quizzes.clearPaper(quiz.getId());
        if ("FIXED".equals(quiz.getPaperMode())) {
            List<Long> ids = r.questionIds();
            for (int i = 0; i < ids.size(); i++) {
                quizzes.addToPaper(quiz.getId(), i + 1, ids.get(i));
            }
        }
    }

    private QuizAdminView view(Quiz q) {
        return new QuizAdminView(q.getId(), QuizKind.valueOf(q.getKind()), q.getTitle(), q.getDescription(), q.getStatus(),
                Times.toOffset(q.getOpensAt()), Times.toOffset(q.getClosesAt()), q.getTimeLimitSeconds(),
                q.getAttemptsAllowed(), q.getQuestionCount(), q.getQuestionScore(), q.getPassPercent(), q.getPaperMode(),
                quizzes.paperQuestionIds(q.getId()), drawer.rules(q), QuestionBankService.split(q.getEligibleRegions()),
                QuestionBankService.split(q.getEligibleGroups()), q.getCertificateTitle(), q.getOwnerUnitId(),
                Times.toOffset(q.getCreatedAt()));
    }
}
