package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.yunxi.kepu.common.web.FieldError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Checks a form definition when staff save it, and residents' answers when they sign up. */
final class SignupForms {

    static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    static final int DEFAULT_TEXT_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 2000;

    private SignupForms() {
    }

    /** Problems of the definition itself (duplicate keys, selects without options, min above max...). */
    static List<FieldError> checkDefinition(List<FormField> fields) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField f = fields.get(i);
            String at = "formFields[" + i + "]";
            if (f.key() != null && !keys.add(f.key())) {
                errors.add(new FieldError(at + ".key", "字段标识重复：" + f.key()));
            }
            boolean select = f.type() == FormField.FormFieldType.SINGLE_SELECT
                    || f.type() == FormField.FormFieldType.MULTI_SELECT;
            if (select && f.options().size() < 2) {
                errors.add(new FieldError(at + ".options", "选择题至少需要 2 个选项"));
            }
            if (select && new HashSet<>(f.options()).size() != f.options().size()) {
                errors.add(new FieldError(at + ".options", "选项不能重复"));
            }
            if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
                errors.add(new FieldError(at + ".min", "最小值不能大于最大值"));
            }
            if (f.maxLength() != null && (f.maxLength() < 1 || f.maxLength() > MAX_TEXT_LENGTH)) {
                errors.add(new FieldError(at + ".maxLength", "最大长度须在 1 到 " + MAX_TEXT_LENGTH + " 之间"));
            }
        }
        return errors;
    }

    /**
     * Validates answers against the form and returns them normalised (only known keys, trimmed text), or throws
     * {@link FormValidationException} listing every bad field as {@code form.<key>}.
     */
    static ObjectNode validateAnswers(List<FormField> fields, JsonNode answers) {
        List<FieldError> errors = new ArrayList<>();
        ObjectNode clean = JsonNodeFactory.instance.objectNode();
        JsonNode given = answers == null || answers.isNull() || answers.isMissingNode()
                ? JsonNodeFactory.instance.objectNode() : answers;
        if (!given.isObject()) {
            throw new FormValidationException(List.of(new FieldError("form", "报名表内容格式不正确")));
        }
        Set<String> known = new HashSet<>();
        for (FormField f : fields) {
            known.add(f.key());
            String at = "form." + f.key();
            JsonNode value = given.get(f.key());
            if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())
                    || (value.isArray() && value.isEmpty())) {
                if (f.required()) {
                    errors.add(new FieldError(at, "请填写“" + f.label() + "”"));
                }
                continue;
            }
            String problem = check(f, value, clean);
            if (problem != null) {
                errors.add(new FieldError(at, "“" + f.label() + "”" + problem));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = given.properties().iterator(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!known.contains(key)) {
                errors.add(new FieldError("form." + key, "报名表中没有这一项"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        return clean;
    }

    private static String check(FormField f, JsonNode value, ObjectNode clean) {
        switch (f.type()) {
            case TEXT -> {
                if (!value.isString()) {
                    return "须为文字";
                }
                String text = value.asString().strip();
                int limit = f.maxLength() == null ? DEFAULT_TEXT_LENGTH : f.maxLength();
                if (text.codePointCount(0, text.length()) > limit) {
                    return "最多 " + limit + " 字";
                }
                clean.put(f.key(), text);
            }
            case NUMBER -> {
                BigDecimal number;
                if (value.isNumber()) {
                    number = value.decimalValue();
                } else if (value.isString()) {
                    try {
                        number = new BigDecimal(value.asString().strip());
                    } catch (NumberFormatException e) {
                        return "须为数字";
                    }
                } else {
                    return "须为数字";
                }
                if (f.min() != null && number.compareTo(f.min()) < 0) {
                    return "不能小于 " + f.min().toPlainString();
                }
                if (f.max() != null && number.compareTo(f.max()) > 0) {
                    return "不能大于 " + f.max().toPlainString();
                }
                clean.put(f.key(), number);
            }
            case SINGLE_SELECT -> {
                if (!value.isString() || !f.options().contains(value.asString())) {
                    return "须从给定选项中选择一项";
                }
                clean.put(f.key(), value.asString());
            }
            case MULTI_SELECT -> {
                if (!value.isArray()) {
                    return "须为选项列表";
                }
                ArrayNode chosen = clean.putArray(f.key());
                Set<String> seen = new HashSet<>();
                for (JsonNode item : value) {
                    if (!item.isString() || !f.options().contains(item.asString())) {
                        return "包含不在给定选项中的内容";
                    }
                    if (seen.add(item.asString())) {
                        chosen.add(item.asString());
                    }
                }
            }
            case PHONE -> {
                if (!value.isString() || !MAINLAND_MOBILE.matcher(value.asString().strip()).matches()) {
                    return "须为 11 位手机号码";
                }
                clean.put(f.key(), value.asString().strip());
            }
            case DATE -> {
                if (!value.isString()) {
                    return "须为日期（如 2026-05-01）";
                }
                try {
                    clean.put(f.key(), LocalDate.parse(value.asString().strip()).toString());
                } catch (DateTimeParseException e) {
                    return "须为日期（如 2026-05-01）";
                }
            }
        }
        return null;
    }

    /** Answers as the roster shows them: phone answers masked unless the viewer may see phones. */
    static String display(FormField f, JsonNode value, boolean showPhones) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asString()));
            return String.join("、", parts);
        }
        String text = value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
        if (f.type() == FormField.FormFieldType.PHONE && !showPhones) {
            return cn.yunxi.kepu.common.crypto.PersonalDataCipher.maskPhone(text);
        }
        return text;
    }

    static JsonMapper json() {
        return JSON;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
