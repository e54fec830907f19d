package cn.yunxi.kepu.quiz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.yunxi.kepu.resident.PopulationGroup;

/**
 * The rules a question must follow, shared by the form and the Excel import (which reports every problem of
 * a row instead of stopping at the first).
 */
final class QuestionRules {

    static final int MAX_OPTIONS = 6;
    static final int MAX_OPTION_LENGTH = 200;
    static final int BENCHMARKS = 26;

    private QuestionRules() {
    }

    /** A question in normalised form, ready to store. */
    record Normalised(QuestionType type, String stem, List<String> options, List<Integer> answer, String explanation,
                      int difficulty, List<String> topics, List<PopulationGroup> audienceGroups, Integer benchmarkNo,
                      QuestionPool pool) {

        String answerColumn() {
            return String.join(",", answer.stream().map(String::valueOf).toList());
        }
    }

    /** Returns the problems found (Chinese, for staff); empty when the question is fine. */
    static List<String> check(QuestionRequest q) {
        List<String> problems = new ArrayList<>();
        if (q.type() == null) {
            problems.add("题型应为 单选/多选/判断");
            return problems;
        }
        if (q.stem() == null || q.stem().isBlank()) {
            problems.add("题干不能为空");
        } else if (q.stem().strip().length() > 500) {
            problems.add("题干最多 500 字");
        }
        List<String> options = options(q);
        if (q.type() != QuestionType.TRUE_FALSE) {
            if (options.size() < 2 || options.size() > MAX_OPTIONS) {
                problems.add("选项应为 2 到 " + MAX_OPTIONS + " 个");
            }
            if (options.stream().anyMatch(o -> o.length() > MAX_OPTION_LENGTH)) {
                problems.add("每个选项最多 " + MAX_OPTION_LENGTH + " 字");
            }
            if (new HashSet<>(options).size() != options.size()) {
                problems.add("选项不能重复");
            }
        }
        List<Integer> answer = q.answer() == null ? List.of() : q.answer();
        Set<Integer> distinct = new HashSet<>();
        for (Integer index : answer) {
            if (index == null || index < 0 || index >= options.size()) {
                problems.add("正确答案超出选项范围");
                break;
            }
            distinct.add(index);
        }
        if (distinct.size() != answer.size() && !problems.contains("正确答案超出选项范围")) {
            problems.add("正确答案有重复");
        }
        if (answer.isEmpty()) {
            problems.add("请设置正确答案");
        } else if (q.type() != QuestionType.MULTIPLE && answer.size() != 1) {
            problems.add(q.type().label() + "题只能有一个正确答案");
        } else if (q.type() == QuestionType.MULTIPLE && distinct.size() < 2) {
            problems.add("多选题至少要有两个正确答案");
        }
        if (q.explanation() != null && q.explanation().length() > 1000) {
            problems.add("解析最多 1000 字");
        }
        if (q.difficulty() != null && (q.difficulty() < 1 || q.difficulty() > 3)) {
            problems.add("难度应为 1（易）、2（中）、3（难）");
        }
        if (q.benchmarkNo() != null && (q.benchmarkNo() < 1 || q.benchmarkNo() > BENCHMARKS)) {
            problems.add("基准编号应为 1 到 26");
        }
        List<String> topics = topics(q);
        if (String.join(",", topics).length() > 255) {
            problems.add("主题总长度过长");
        }
        if (topics.stream().anyMatch(t -> t.contains(","))) {
            problems.add("主题中不能含英文逗号");
        }
        return problems;
    }

    static Normalised normalise(QuestionRequest q) {
        List<Integer> answer = q.answer().stream().sorted().toList();
        List<PopulationGroup> groups = q.audienceGroups() == null ? List.of()
                : q.audienceGroups().stream().filter(Objects::nonNull).distinct().toList();
        String explanation = q.explanation() == null || q.explanation().isBlank() ? null : q.explanation().strip();
        return new Normalised(q.type(), q.stem().strip(), options(q), answer, explanation,
                q.difficulty() == null ? 2 : q.difficulty(), topics(q), groups, q.benchmarkNo(),
                q.pool() == null ? QuestionPool.EXAM : q.pool());
    }

    private static List<String> options(QuestionRequest q) {
        if (q.type() == QuestionType.TRUE_FALSE) {
            return QuestionType.TRUE_FALSE_OPTIONS;
        }
        return q.options() == null ? List.of()
                : q.options().stream().map(o -> o == null ? "" : o.strip()).filter(o -> !o.isEmpty()).toList();
    }

    private static List<String> topics(QuestionRequest q) {
        return q.topics() == null ? List.of()
                : q.topics().stream().filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty())
                        .distinct().toList();
    }
}
