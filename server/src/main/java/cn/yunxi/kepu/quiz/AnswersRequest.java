package cn.yunxi.kepu.quiz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Answers by question: {@code selected} are indexes into the options as this attempt showed them.
 *
 * <p>Submitting is the hottest write of a contest, and the profiler showed binding this small, fixed shape through
 * Jackson's record creators and checking it with Bean Validation costing more than grading the attempt. So the body is
 * read token by token ({@link Reader}) and checked in {@link #asMap()}, which enforces what the schema annotations below
 * describe (they only document; no validator reads them): the list is required and at most {@value #MAX_ANSWERS}
 * long. Malformed JSON or a value of the wrong JSON type is a 400 MALFORMED_REQUEST, as with data binding.
 */
@JsonDeserialize(using = AnswersRequest.Reader.class)
record AnswersRequest(@ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                                   maxItems = MAX_ANSWERS) List<Answer> answers) {

    static final int MAX_ANSWERS = 200;
    static final int MAX_SELECTED = 10;

    record Answer(Long questionId, List<Integer> selected) {
    }

    /**
     * The answers by question id, in the order given. A missing list or one that is too long is VALIDATION_FAILED;
     * a missing id or selection, a null answer, too many options or a question answered twice is ANSWER_INVALID
     * (unknown questions and options out of range are found by {@link Grading#validate}).
     */
    Map<Long, List<Integer>> asMap() {
        if (answers == null) {
            throw new ApiException(CommonErrors.VALIDATION_FAILED, "请提交答案");
        }
        if (answers.size() > MAX_ANSWERS) {
            throw new ApiException(CommonErrors.VALIDATION_FAILED, "答案过多");
        }
        Map<Long, List<Integer>> map = new LinkedHashMap<>();
        for (Answer answer : answers) {
            if (answer == null || answer.questionId() == null) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "缺少题目编号");
            }
            if (answer.selected() == null || hasNull(answer.selected())) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "缺少所选选项");
            }
            if (answer.selected().size() > MAX_SELECTED) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "所选选项过多");
            }
            if (map.put(answer.questionId(), answer.selected()) != null) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "同一道题提交了两次答案");
            }
        }
        return map;
    }

    /** A plain loop: a stream per answer showed in the profile of a submit (and List.of refuses contains(null)). */
    private static boolean hasNull(List<Integer> selected) {
        for (Integer index : selected) {
            if (index == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@code {"answers": [{"questionId": 1, "selected": [0, 2]}, ...]}}; other properties are skipped, as data
     * binding does here. Lists are kept one element past their limit and the rest skipped, so an oversized body is
     * refused by {@link #asMap()} without being held in memory.
     */
    static final class Reader extends ValueDeserializer<AnswersRequest> {

        @Override
        public AnswersRequest deserialize(JsonParser p, DeserializationContext ctxt) {
            expect(p, p.currentToken(), JsonToken.START_OBJECT, ctxt);
            List<Answer> answers = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"answers".equals(name)) {
                    p.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    expect(p, value, JsonToken.START_ARRAY, ctxt);
                    answers = answers(p, ctxt);
                }
            }
            return new AnswersRequest(answers);
        }

        private static List<Answer> answers(JsonParser p, DeserializationContext ctxt) {
            List<Answer> answers = new ArrayList<>();
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                if (answers.size() > MAX_ANSWERS) {
                    p.skipChildren();
                } else if (token == JsonToken.VALUE_NULL) {
                    answers.add(null);
                } else {
                    expect(p, token, JsonToken.START_OBJECT, ctxt);
                    answers.add(answer(p, ctxt));
                }
            }
            return answers;
        }

        private static Answer answer(JsonParser p, DeserializationContext ctxt) {
            Long questionId = null;
            List<Integer> selected = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("questionId".equals(name)) {
                    if (value != JsonToken.VALUE_NULL) {
                        questionId = integer(p, value, ctxt);
                    }
                } else if ("selected".equals(name)) {
                    if (value != JsonToken.VALUE_NULL) {
                        expect(p, value, JsonToken.START_ARRAY, ctxt);
                        selected = selected(p, ctxt);
                    }
                } else {
                    p.skipChildren();
                }
            }
            return new Answer(questionId, selected);
        }

        private static List<Integer> selected(JsonParser p, DeserializationContext ctxt) {
            List<Integer> selected = new ArrayList<>(4);
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                if (selected.size() > MAX_SELECTED) {
                    p.skipChildren();
                } else if (token == JsonToken.VALUE_NULL) {
                    selected.add(null);
                } else {
                    long index = integer(p, token, ctxt);
                    if (index != (int) index) {
                        ctxt.reportInputMismatch(AnswersRequest.class, "option index %d out of range at %s", index,
                                p.currentLocation());
                    }
                    selected.add((int) index);
                }
            }
            return selected;
        }

        /**
         * A whole number, or a string holding one ({@code "12"}), as data binding accepts for a number; anything else,
         * and a number beyond {@code long}, is malformed.
         */
        private static long integer(JsonParser p, JsonToken token, DeserializationContext ctxt) {
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getString().trim();
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    ctxt.reportInputMismatch(AnswersRequest.class, "expected a whole number at %s but found \"%s\"",
                            p.currentLocation(), text);
                }
            }
            expect(p, token, JsonToken.VALUE_NUMBER_INT, ctxt);
            return p.getLongValue();
        }

        private static void expect(JsonParser p, JsonToken actual, JsonToken expected, DeserializationContext ctxt) {
            if (actual != expected) {
                ctxt.reportInputMismatch(AnswersRequest.class, "expected %s at %s but found %s", expected,
                        p.currentLocation(), actual);
            }
        }
    }
}
