package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A target is met as the plan words it: 超过 excludes the number, 以上 and 不少于 include it, 全覆盖 is 100%. */
class ComparisonTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void moreThanFifteenPercentIsNotMetAtExactlyFifteen() {
        assertThat(Comparison.GT.met(d("15"), d("15"))).isFalse();
        assertThat(Comparison.GT.met(d("15.00"), d("15"))).isFalse();
        assertThat(Comparison.GT.met(d("15.01"), d("15"))).isTrue();
        assertThat(Comparison.GT.describe(d("15.00"), "%")).isEqualTo("＞15%");
    }

    @Test
    void atLeastIsMetAtTheNumberItself() {
        assertThat(Comparison.GTE.met(d("500"), d("500.00"))).isTrue();
        assertThat(Comparison.GTE.met(d("499"), d("500"))).isFalse();
        assertThat(Comparison.GTE.describe(d("500.00"), "人")).isEqualTo("≥500 人");
        assertThat(Comparison.GTE.describe(d("90"), "%")).isEqualTo("≥90%");
    }

    @Test
    void fullCoverageIsMetOnlyAtOneHundredPercent() {
        assertThat(Comparison.FULL.met(d("99.9"), d("100"))).isFalse();
        assertThat(Comparison.FULL.met(d("100.0"), d("100"))).isTrue();
        assertThat(Comparison.FULL.describe(d("100"), "%")).isEqualTo("全覆盖（100%）");
    }

    @Test
    void nothingEnteredMeetsNothing() {
        for (Comparison c : Comparison.values()) {
            assertThat(c.met(null, d("1"))).isFalse();
        }
    }
}
