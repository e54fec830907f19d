package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written reader of a submission's body against what data binding of the record would give. */
class AnswersRequestTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private AnswersRequest read(String body) {
        return json.readValue(body, AnswersRequest.class);
    }

    @Test
    void readsAnswersInOrderAndSkipsOtherProperties() {
        AnswersRequest request = read("""
                {"client":{"v":[1,{"x":null}]},"answers":[
                  {"questionId":12,"note":"忽略","selected":[2,0]},
                  {"selected":[],"questionId":9000000001},
                  null,
                  {"questionId":null,"selected":null}
                ],"trailing":"x"}""");

        assertThat(request.answers()).containsExactly(new AnswersRequest.Answer(12L, List.of(2, 0)),
                new AnswersRequest.Answer(9_000_000_001L, List.of()), null, new AnswersRequest.Answer(null, null));
        // A whole number written as a string is read as the number, as data binding did.
        assertThat(read("{\"answers\":[{\"questionId\":\" 12\",\"selected\":[\"2\",0]}]}").answers())
                .containsExactly(new AnswersRequest.Answer(12L, List.of(2, 0)));
        assertThat(read("{}").answers()).isNull();
        assertThat(read("{\"answers\":null}").answers()).isNull();
        assertThat(read("{\"answers\":[{\"questionId\":3,\"selected\":[1,null]}]}").answers().get(0).selected())
                .isEqualTo(Arrays.asList(1, null));
    }

    @Test
    void valuesOfTheWrongJsonTypeAreMalformed() {
        for (String bad : new String[] {"[]", "{\"answers\":{}}", "{\"answers\":[1]}", "{\"answers\":[[]]}",
                "{\"answers\":[{\"questionId\":\"x\"}]}", "{\"answers\":[{\"questionId\":1.5}]}",
                "{\"answers\":[{\"selected\":0}]}", "{\"answers\":[{\"selected\":[\"a\"]}]}",
                "{\"answers\":[{\"selected\":[99999999999]}]}", "{\"answers\":[{\"selected\":[\"99999999999\"]}]}",
                "{\"answers\":[{\"questionId\":99999999999999999999}]}", "{\"answers\":[{\"questionId\":1,"}) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(JacksonException.class);
        }
    }

    @Test
    void oversizedListsAreCutShortWhileReadingAndRefused() {
        StringBuilder many = new StringBuilder("{\"answers\":[");
        for (int i = 0; i < 5_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"questionId\":").append(i).append(",\"selected\":[0]}");
        }
        AnswersRequest tooMany = read(many.append("]}").toString());
        assertThat(tooMany.answers()).hasSize(AnswersRequest.MAX_ANSWERS + 1);
        assertRefused(tooMany, CommonErrors.VALIDATION_FAILED, "答案过多");

        AnswersRequest tooManyOptions = read("{\"answers\":[{\"questionId\":1,\"selected\":["
                + "0,1,2,3,4,5,6,7,8,9,10,11,12,[13],{\"x\":14}]}]}");
        assertThat(tooManyOptions.answers().get(0).selected()).hasSize(AnswersRequest.MAX_SELECTED + 1);
        assertRefused(tooManyOptions, QuizErrors.ANSWER_INVALID, "所选选项过多");
    }

    @Test
    void asMapRefusesWhatCannotBeGraded() {
        assertRefused(read("{}"), CommonErrors.VALIDATION_FAILED, "请提交答案");
        assertRefused(read("{\"answers\":[null]}"), QuizErrors.ANSWER_INVALID, "缺少题目编号");
        assertRefused(read("{\"answers\":[{\"selected\":[0]}]}"), QuizErrors.ANSWER_INVALID, "缺少题目编号");
        assertRefused(read("{\"answers\":[{\"questionId\":1}]}"), QuizErrors.ANSWER_INVALID, "缺少所选选项");
        assertRefused(read("{\"answers\":[{\"questionId\":1,\"selected\":[null]}]}"), QuizErrors.ANSWER_INVALID,
                "缺少所选选项");
        assertRefused(read("{\"answers\":[{\"questionId\":1,\"selected\":[0]},{\"questionId\":1,\"selected\":[1]}]}"),
                QuizErrors.ANSWER_INVALID, "同一道题提交了两次答案");

        assertThat(read("{\"answers\":[{\"questionId\":5,\"selected\":[1,0]},{\"questionId\":2,\"selected\":[]}]}").asMap())
                .containsExactly(Map.entry(5L, List.of(1, 0)), Map.entry(2L, List.of()));
    }

    private static void assertRefused(AnswersRequest request, Object code, String detail) {
        assertThatThrownBy(request::asMap).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(detail);
        });
    }
}
