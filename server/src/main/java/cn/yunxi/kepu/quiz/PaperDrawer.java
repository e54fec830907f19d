package cn.yunxi.kepu.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.web.ApiException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a resident's paper: the fixed paper, or questions drawn per the quiz's rules (daily: questions for
 * the resident's group first; self-test: spread across the 基准 benchmarks), with options shuffled.
 */
@Component
class PaperDrawer {

    private static final TypeReference<List<DrawRule>> RULES = new TypeReference<>() { };

    private final QuestionBankService bank;
    private final QuestionMapper questions;
    private final JsonMapper json;

    PaperDrawer(QuestionBankService bank, QuestionMapper questions, JsonMapper json) {
        this.bank = bank;
        this.questions = questions;
        this.json = json;
    }

    List<DrawRule> rules(Quiz quiz) {
        return quiz.getDrawRulesJson() == null ? List.of() : json.readValue(quiz.getDrawRulesJson(), RULES);
    }

    /** A drawn question: as in the bank (options in bank order), and the order its options are shown in. */
    record Drawn(PaperItem question, List<Integer> order) {
    }

    List<Drawn> draw(Quiz quiz, String populationGroup) {
        Random random = ThreadLocalRandom.current();
        List<Question> chosen = choose(quiz, populationGroup, random);
        if (chosen.isEmpty()) {
            throw new ApiException(QuizErrors.QUIZ_NO_QUESTIONS);
        }
        return chosen.stream().map(q -> item(q, random)).toList();
    }

    /** How many questions the current bank can give this quiz (publishing checks it is enough). */
    int available(Quiz quiz) {
        return choose(quiz, null, new Random(0)).size();
    }

    private List<Question> choose(Quiz quiz, String group, Random random) {
        int n = quiz.getQuestionCount();
        if ("FIXED".equals(quiz.getPaperMode())) {
            return questions.paperOf(quiz.getId()).stream().filter(bank::shown).toList();
        }
        List<Question> pool = bank.activePool(QuestionPool.EXAM);
        List<DrawRule> rules = rules(quiz);
        if (!rules.isEmpty()) {
            Set<Question> picked = new LinkedHashSet<>();
            for (DrawRule rule : rules) {
                List<Question> matching = new ArrayList<>(pool.stream().filter(rule::matches)
                        .filter(q -> !picked.contains(q)).toList());
                Collections.shuffle(matching, random);
                picked.addAll(matching.subList(0, Math.min(rule.count(), matching.size())));
            }
            return new ArrayList<>(picked);
        }
        if (QuizKind.SELF_TEST.name().equals(quiz.getKind())) {
            return acrossBenchmarks(pool, n, random);
        }
        List<Question> forGroup = new ArrayList<>();
        List<Question> others = new ArrayList<>();
        for (Question q : pool) {
            List<String> audience = QuestionBankService.split(q.getAudienceGroups());
            if (group != null && audience.contains(group)) {
                forGroup.add(q);
            } else if (audience.isEmpty()) {
                others.add(q);
            }
        }
        Collections.shuffle(forGroup, random);
        Collections.shuffle(others, random);
        // About half of a daily paper is aimed at the resident's group when the bank has enough of those.
        List<Question> paper = new ArrayList<>(forGroup.subList(0, Math.min(forGroup.size(), (n + 1) / 2)));
        for (Question q : others) {
            if (paper.size() >= n) {
                break;
            }
            paper.add(q);
        }
        for (Question q : forGroup) {
            if (paper.size() >= n) {
                break;
            }
            if (!paper.contains(q)) {
                paper.add(q);
            }
        }
        Collections.shuffle(paper, random);
        return paper;
    }

    /** Round-robin over the benchmarks in random order, so a short test still covers many of them. */
    private static List<Question> acrossBenchmarks(List<Question> pool, int n, Random random) {
        Map<Integer, List<Question>> byBenchmark = new LinkedHashMap<>();
        for (Question q : pool) {
            if (q.getBenchmarkNo() != null) {
                byBenchmark.computeIfAbsent(q.getBenchmarkNo(), k -> new ArrayList<>()).add(q);
            }
        }
        List<List<Question>> buckets = new ArrayList<>(byBenchmark.values());
        buckets.forEach(b -> Collections.shuffle(b, random));
        Collections.shuffle(buckets, random);
        List<Question> paper = new ArrayList<>();
        for (int round = 0; paper.size() < n; round++) {
            boolean any = false;
            for (List<Question> bucket : buckets) {
                if (round < bucket.size() && paper.size() < n) {
                    paper.add(bucket.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return paper;
    }

    private Drawn item(Question q, Random random) {
        QuestionType type = QuestionType.valueOf(q.getType());
        List<String> options = bank.options(q);
        List<Integer> answer = QuestionBankService.answer(q).stream().sorted().toList();
        List<Integer> order = new ArrayList<>(IntStream.range(0, options.size()).boxed().toList());
        if (type != QuestionType.TRUE_FALSE) {
            Collections.shuffle(order, random);
        }
        return new Drawn(new PaperItem(q.getId(), type, q.getStem(), options, answer, q.getExplanation(),
                q.getBenchmarkNo(), q.getDifficulty()), List.copyOf(order));
    }
}
