package io.zhibiao.extract.engine.number;

import java.util.List;

/**
 * One case of a peer test suite (/work/shared/peers): an input and the results the peer expects.
 *
 * @param suite    suite name: NumberModel, PercentModel, OrdinalModel, NumberRangeModel, CurrencyModel, DimensionModel, hutool
 * @param input    the text fed to {@code --quantities}
 * @param expected the peer's results
 * @param note     extra context (hutool direction, the peer's NotSupported list), or ""
 */
record PeerCase(String suite, String input, List<Result> expected, String note) {

    /**
     * One expected result; {@code start}/{@code end} are char offsets (end exclusive) or -1 when the peer gives none.
     * value is the number (percent without %, ranges as their interval text in {@code interval}), null when absent;
     * unit is the peer's unit or ISO currency, or null.
     */
    record Result(String text, int start, int end, Double value, String unit, String interval) {
    }
}
