package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.web.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SignupFormsTest {

    static final FormField AGE = new FormField("age", "年龄", FormField.FormFieldType.NUMBER, true, null,
            BigDecimal.ZERO, BigDecimal.valueOf(120), null);
    static final FormField CROPS = new FormField("crops", "作物", FormField.FormFieldType.MULTI_SELECT, false,
            List.of("水稻", "柑橘"), null, null, null);
    static final FormField NAME = new FormField("name", "称呼", FormField.FormFieldType.TEXT, false, null, null, null, 4);

    static JsonNode json(String s) {
        return SignupForms.json().readTree(s);
    }

    static List<String> failures(List<FormField> fields, String answers) {
        try {
            SignupForms.validateAnswers(fields, json(answers));
            return List.of();
        } catch (FormValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void goodAnswersAreNormalised() {
        ObjectNode clean = SignupForms.validateAnswers(List.of(AGE, CROPS, NAME),
                json("{\"age\":\"61\",\"crops\":[\"水稻\",\"水稻\"],\"name\":\"  老李 \"}"));
        assertThat(clean.path("age").decimalValue()).isEqualByComparingTo("61");
        assertThat(clean.path("crops")).hasSize(1);
        assertThat(clean.path("name").asString()).isEqualTo("老李");
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        assertThat(failures(List.of(AGE, CROPS, NAME), "{\"age\":121,\"crops\":\"水稻\",\"name\":\"一二三四五\",\"x\":1}"))
                .containsExactlyInAnyOrder("form.age", "form.crops", "form.name", "form.x");
        assertThat(failures(List.of(AGE), "{}")).containsExactly("form.age");
        assertThat(failures(List.of(AGE), "{\"age\":true}")).containsExactly("form.age");
        assertThat(failures(List.of(AGE), "[1]")).containsExactly("form");
    }

    @Test
    void phonesAndDatesAreChecked() {
        FormField phone = new FormField("p", "电话", FormField.FormFieldType.PHONE, true, null, null, null, null);
        FormField date = new FormField("d", "日期", FormField.FormFieldType.DATE, true, null, null, null, null);
        assertThat(failures(List.of(phone, date), "{\"p\":\"13800001111\",\"d\":\"2026-02-28\"}")).isEmpty();
        assertThat(failures(List.of(phone, date), "{\"p\":\"23800001111\",\"d\":\"2026-02-30\"}"))
                .containsExactlyInAnyOrder("form.p", "form.d");
    }

    @Test
    void definitionsMustBeUsable() {
        FormField single = new FormField("a", "甲", FormField.FormFieldType.SINGLE_SELECT, true, List.of("x"), null, null, null);
        FormField dup = new FormField("a", "乙", FormField.FormFieldType.NUMBER, false, null, BigDecimal.TEN, BigDecimal.ONE, null);
        assertThat(SignupForms.checkDefinition(List.of(single, dup))).extracting(FieldError::field)
                .containsExactlyInAnyOrder("formFields[0].options", "formFields[1].key", "formFields[1].min");
    }

    @Test
    void phoneAnswersAreMaskedForViewersWithoutPhoneRights() {
        FormField phone = new FormField("p", "电话", FormField.FormFieldType.PHONE, true, null, null, null, null);
        assertThat(SignupForms.display(phone, json("\"13800001111\""), false)).isEqualTo("138****1111");
        assertThat(SignupForms.display(phone, json("\"13800001111\""), true)).isEqualTo("13800001111");
        assertThatThrownBy(() -> SignupForms.validateAnswers(List.of(phone), null)).isInstanceOf(FormValidationException.class);
    }
}
