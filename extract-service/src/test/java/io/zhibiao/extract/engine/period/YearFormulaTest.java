package io.zhibiao.extract.engine.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YearFormulaTest {

    @Test
    void combinesAnchorTopicAndGroups() {
        String[] groups = {"连续六年", "六"};
        assertThat(YearFormula.parse("T-$1+1").eval(groups, 2023, 2022)).isEqualTo(2017);
        assertThat(YearFormula.parse("A-1").eval(groups, 2023, 2022)).isEqualTo(2022);
        assertThat(YearFormula.parse("2025").eval(groups, null, null)).isEqualTo(2025);
    }

    @Test
    void missingAnchorGivesNoYear() {
        assertThat(YearFormula.parse("A").eval(new String[0], null, 2022)).isNull();
    }

    @Test
    void readsChineseNumerals() {
        assertThat(YearFormula.numeral("十二")).isEqualTo(12);
        assertThat(YearFormula.numeral("二十")).isEqualTo(20);
        assertThat(YearFormula.numeral("两")).isEqualTo(2);
        assertThat(YearFormula.numeral("年")).isNull();
    }

    @Test
    void rejectsBadFormulas() {
        assertThatThrownBy(() -> YearFormula.parse("A*2")).isInstanceOf(IllegalArgumentException.class);
    }
}
