package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One custom field of an event's signup form. The server validates every answer against it.
 *
 * @param key       stable machine key of the answer, e.g. {@code crop}
 * @param options   choices of SINGLE_SELECT / MULTI_SELECT fields
 * @param min       NUMBER: smallest accepted value
 * @param max       NUMBER: largest accepted value
 * @param maxLength TEXT: longest accepted answer (default 200)
 */
public record FormField(
        @NotBlank(message = "请填写字段标识")
        @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_]{0,31}", message = "字段标识须以字母开头，最多 32 位字母、数字或下划线")
        String key,
        @NotBlank(message = "请填写字段名称") @Size(max = 40, message = "字段名称最多 40 字") String label,
        @NotNull(message = "请选择字段类型") FormFieldType type,
        boolean required,
        @Size(max = 30, message = "选项最多 30 个") List<@NotBlank(message = "选项不能为空") @Size(max = 40, message = "选项最多 40 字") String> options,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        Integer maxLength) {

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The answer types a signup form may ask for. */
    public enum FormFieldType {
        TEXT, NUMBER, SINGLE_SELECT, MULTI_SELECT, PHONE, DATE
    }
}
