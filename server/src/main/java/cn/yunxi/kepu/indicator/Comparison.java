package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;

/**
 * How a figure meets its target, as the plan words it. Chinese legal usage (民法典 第一千二百五十九条: “以上、以下、以内、
 * 届满，包括本数；不满、超过、以外，不包括本数”) decides: “超过15%” is met only above 15, “500人以上”, “不少于4000人” and
 * “达到90%以上” are met at the number itself, and “全覆盖” only at 100%.
 */
enum Comparison {
    /** 超过: strictly more than the target. */
    GT("＞"),
    /** 以上 / 不少于 / 达到 / a bare number: at least the target. */
    GTE("≥"),
    /** 全覆盖: every one of them, 100%. */
    FULL("全覆盖");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    boolean met(BigDecimal value, BigDecimal target) {
        if (value == null) {
            return false;
        }
        return switch (this) {
            case GT -> value.compareTo(target) > 0;
            case GTE -> value.compareTo(target) >= 0;
            case FULL -> value.compareTo(BigDecimal.valueOf(100)) >= 0;
        };
    }

    /** The target as the dashboard writes it: “＞15%”, “≥500 人”, “全覆盖（100%）”. */
    String describe(BigDecimal target, String unit) {
        if (this == FULL) {
            return "全覆盖（100%）";
        }
        String number = target.stripTrailingZeros().toPlainString();
        return symbol + number + ("%".equals(unit) ? "%" : " " + unit);
    }
}
