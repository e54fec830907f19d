package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.demodata.DemoDataProperties;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.resident.PopulationGroup;
import cn.yunxi.kepu.staff.StaffRole;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The question bank: staff authoring, and the in-memory pool of active questions that papers are drawn from
 * (a contest opening draws thousands of papers in seconds; the pool is refreshed every minute and at once on
 * edits made through this instance). Sample questions (demo data) are drawn only while sample material is shown;
 * staff always see them in the bank, marked, so they can archive them.
 */
@Service
class QuestionBankService {

    private static final Duration POOL_TTL = Duration.ofSeconds(60);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final QuestionMapper questions;
    private final JsonMapper json;
    private final Clock clock;
    private final boolean samplesShown;
    private volatile Pool pool;

    QuestionBankService(QuestionMapper questions, JsonMapper json, Clock clock, DemoDataProperties demoData) {
        this.questions = questions;
        this.json = json;
        this.clock = clock;
        this.samplesShown = demoData.visible();
    }

    record Pool(Map<QuestionPool, List<Question>> byPool, Instant loadedAt) {
    }

    /** The active questions of one pool: papers draw from EXAM, practice from PRACTICE. */
    List<Question> activePool(QuestionPool which) {
        Pool current = pool;
        Instant now = Instant.now();
        if (current == null || current.loadedAt().plus(POOL_TTL).isBefore(now)) {
            Map<QuestionPool, List<Question>> byPool = new EnumMap<>(QuestionPool.class);
            for (QuestionPool p : QuestionPool.values()) {
                byPool.put(p, List.of());
            }
            questions.active().stream().filter(this::shown).collect(Collectors.groupingBy(q -> QuestionPool.valueOf(q.getPool())))
                    .forEach((p, list) -> byPool.put(p, List.copyOf(list)));
            current = new Pool(byPool, now);
            pool = current;
        }
        return current.byPool().get(which);
    }

    /** Whether residents may meet the question: sample questions only while sample material is shown. */
    boolean shown(Question q) {
        return samplesShown || !Boolean.TRUE.equals(q.getSampleData());
    }

    void invalidate() {
        pool = null;
    }

    List<String> options(Question q) {
        return json.readValue(q.getOptionsJson(), STRINGS);
    }

    static List<Integer> answer(Question q) {
        return Arrays.stream(q.getAnswer().split(",")).map(Integer::valueOf).toList();
    }

    static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Transactional
    QuestionView create(QuestionRequest request, CurrentUser staff) {
        Question q = new Question();
        apply(q, checked(request));
        q.setStatus(Question.ACTIVE);
        q.setSampleData(false);
        q.setOwnerUnitId(staff.unitId());
        q.setCreatedBy(staff.id());
        LocalDateTime now = Times.now(clock);
        q.setCreatedAt(now);
        q.setUpdatedAt(now);
        questions.insert(q);
        invalidate();
        return view(q);
    }

    /** Inserts already-checked questions (the import); the caller owns the transaction. */
    void insertChecked(List<QuestionRules.Normalised> rows, CurrentUser staff) {
        LocalDateTime now = Times.now(clock);
        for (QuestionRules.Normalised row : rows) {
            Question q = new Question();
            apply(q, row);
            q.setStatus(Question.ACTIVE);
            q.setSampleData(false);
            q.setOwnerUnitId(staff.unitId());
            q.setCreatedBy(staff.id());
            q.setCreatedAt(now);
            q.setUpdatedAt(now);
            questions.insert(q);
        }
        invalidate();
    }

    /** Editing changes what future papers show; attempts already taken keep their snapshot. */
    @Transactional
    QuestionView update(long id, QuestionRequest request, CurrentUser staff) {
        Question q = editable(id, staff);
        apply(q, checked(request));
        q.setUpdatedAt(Times.now(clock));
        questions.updateById(q);
        invalidate();
        return view(q);
    }

    @Transactional
    QuestionView setStatus(long id, String status, CurrentUser staff) {
        Question q = editable(id, staff);
        q.setStatus(status);
        q.setUpdatedAt(Times.now(clock));
        questions.updateById(q);
        invalidate();
        return view(q);
    }

    QuestionView get(long id) {
        Question q = questions.selectById(id);
        if (q == null) {
            throw new ApiException(QuizErrors.QUESTION_NOT_FOUND);
        }
        return view(q);
    }

    PageResult<QuestionView> search(QuestionType type, Integer benchmarkNo, String topic, String keyword, String status,
                                    QuestionPool pool, PageQuery query) {
        LambdaQueryWrapper<Question> where = new LambdaQueryWrapper<Question>()
                .eq(type != null, Question::getType, type == null ? null : type.name())
                .eq(benchmarkNo != null, Question::getBenchmarkNo, benchmarkNo)
                .like(topic != null && !topic.isBlank(), Question::getTopics, topic)
                .like(keyword != null && !keyword.isBlank(), Question::getStem, keyword)
                .eq(Question::getStatus, status == null ? Question.ACTIVE : status)
                .eq(pool != null, Question::getPool, pool == null ? null : pool.name())
                .orderByDesc(Question::getId);
        Page<Question> page = questions.selectPage(new Page<>(query.pageOrDefault(), query.sizeOrDefault()), where);
        return PageResult.of(page.getRecords().stream().map(this::view).toList(), page.getTotal(), query);
    }

    List<BenchmarkView> benchmarks() {
        return questions.benchmarks();
    }

    QuestionView view(Question q) {
        return new QuestionView(q.getId(), QuestionType.valueOf(q.getType()), q.getStem(), options(q), answer(q),
                q.getExplanation(), q.getDifficulty(), split(q.getTopics()), split(q.getAudienceGroups()),
                q.getBenchmarkNo(), QuestionPool.valueOf(q.getPool()), q.getStatus(), Boolean.TRUE.equals(q.getSampleData()), Times.toOffset(q.getUpdatedAt()));
    }

    private Question editable(long id, CurrentUser staff) {
        Question q = questions.selectById(id);
        if (q == null) {
            throw new ApiException(QuizErrors.QUESTION_NOT_FOUND);
        }
        if (!StaffRole.isDistrictAdmin(staff) && !java.util.Objects.equals(q.getOwnerUnitId(), staff.unitId())) {
            throw new ApiException(CommonErrors.FORBIDDEN, "只能修改本单位录入的题目");
        }
        return q;
    }

    private static QuestionRules.Normalised checked(QuestionRequest request) {
        List<String> problems = QuestionRules.check(request);
        if (!problems.isEmpty()) {
            throw new ApiException(QuizErrors.QUESTION_INVALID, String.join("；", problems));
        }
        return QuestionRules.normalise(request);
    }

    private void apply(Question q, QuestionRules.Normalised n) {
        q.setType(n.type().name());
        q.setStem(n.stem());
        q.setOptionsJson(json.writeValueAsString(n.options()));
        q.setAnswer(n.answerColumn());
        q.setExplanation(n.explanation());
        q.setDifficulty(n.difficulty());
        q.setTopics(String.join(",", n.topics()));
        q.setAudienceGroups(String.join(",", n.audienceGroups().stream().map(PopulationGroup::name).toList()));
        q.setBenchmarkNo(n.benchmarkNo());
        q.setPool(n.pool().name());
    }
}
