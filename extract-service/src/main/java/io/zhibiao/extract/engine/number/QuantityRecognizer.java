package io.zhibiao.extract.engine.number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

import io.zhibiao.extract.engine.unit.Unit;
import io.zhibiao.extract.engine.unit.UnitTable;

/**
 * Finds number expressions with their units and comparators (GUIDELINES.md sections 4 and 5). One left-to-right scan
 * of the master regex of {@link NumberGrammar} finds spans; each span is then resolved by its alternative: numeral
 * arithmetic ({@link Numerals}), unit conversion ({@link UnitTable}) and comparator cues ({@link ComparatorCues}).
 * Immutable and thread-safe.
 */
public final class QuantityRecognizer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Numerals numerals;
    private final UnitTable units;
    private final ComparatorCues cues;
    private final NumberGrammar grammar;

    /** A recognizer over loaded tables. */
    public QuantityRecognizer(Numerals numerals, UnitTable units, ComparatorCues cues, NumberGrammar grammar) {
        this.numerals = numerals;
        this.units = units;
        this.cues = cues;
        this.grammar = grammar;
    }

    /** Loads grammar/numbers.yaml, numerals.tsv, units.tsv and comparators.tsv from the classpath. */
    public static QuantityRecognizer fromClasspath() {
        Numerals numerals = Numerals.fromClasspath();
        UnitTable units = UnitTable.fromClasspath();
        ComparatorCues cues = ComparatorCues.fromClasspath();
        return new QuantityRecognizer(numerals, units, cues, NumberGrammar.fromClasspath(numerals, units, cues));
    }

    /** The unit table this recognizer converts with. */
    public UnitTable units() {
        return units;
    }

    /**
     * The quantities of {@code text}, in text order and non-overlapping (the two bounds of a range share one span).
     * Dates, clock times, years, phone numbers, text-structure ordinals, programme labels and Latin codes never yield
     * a quantity; neither do numbers with a unit that has no base unit in the guidelines (立方米, 千瓦时, 年).
     */
    public List<Quantity> recognize(String text) {
        List<Quantity> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String folded = numerals.fold(text);
        Matcher m = grammar.master().matcher(folded);
        while (m.find()) {
            NumberGrammar.Alternative alt = grammar.alternatives().get(grammar.alternativeOf(m));
            if (alt.kind() == NumberGrammar.Kind.SKIP) {
                continue;
            }
            Matcher g = alt.pattern().matcher(folded);
            g.region(m.start(), m.end()).useTransparentBounds(true).useAnchoringBounds(false);
            if (!g.matches()) {
                continue; // cannot happen: the master alternative is the same regex without group names
            }
            switch (alt.kind()) {
                case QUANTITY -> quantity(alt, text, folded, g).ifPresent(out::add);
                case RANGE -> range(text, folded, g, out);
                case RANK -> rank(alt, text, g).ifPresent(out::add);
                case PERCENT_WORDS -> percentWords(text, folded, g).ifPresent(out::add);
                case FRACTION -> fraction(text, folded, g).ifPresent(out::add);
                case DOUBLING -> doubling(text, g).ifPresent(out::add);
                case ZERO -> out.add(new Quantity(g.start(), g.end(), text.substring(g.start(), g.end()), 0, null, null,
                        Comparator.EQ, -1, -1));
                default -> throw new IllegalStateException("unhandled alternative kind " + alt.kind());
            }
        }
        return out;
    }

    private Optional<Quantity> quantity(NumberGrammar.Alternative alt, String text, String folded, Matcher g) {
        String num = g.group("num");
        Optional<BigDecimal> parsed = numerals.value(num);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value = parsed.get();
        int start = g.start("num");
        if (alt.group(g, "sign") != null) {
            value = value.negate();
            start = g.start("sign");
        }
        Unit unit = null;
        String unitText = alt.group(g, "unit");
        if (unitText != null) {
            unit = units.find(unitText).orElseThrow();
            if (!unit.supported() || alt.group(g, "per") != null) {
                return Optional.empty();
            }
            value = value.multiply(BigDecimal.valueOf(unit.factor()));
        } else if (!isArabic(num) && num.length() < 2) {
            // a lone Chinese digit without a unit is almost always a word (统一, 三农, 四化), not a number
            return Optional.empty();
        }
        int end = g.end();
        Bound bound = alt.group(g, "fuzzy") != null ? fuzzyBound(g, "fuzzy") : bound(folded, start, end, g);
        return Optional.of(quantityOf(text, start, end, value, unit, bound));
    }

    private void range(String text, String folded, Matcher g, List<Quantity> out) {
        Optional<BigDecimal> low = numerals.value(g.group("num"));
        Optional<BigDecimal> high = numerals.value(g.group("num2"));
        if (low.isEmpty() || high.isEmpty()) {
            return;
        }
        Unit lowUnit = g.group("unit") == null ? null : units.find(g.group("unit")).orElseThrow();
        Unit highUnit = g.group("unit2") == null ? null : units.find(g.group("unit2")).orElseThrow();
        BigDecimal lowValue = low.get();
        if (lowUnit == null) {
            // 6~8万元: the first bound borrows the scale word and the unit of the second; 5万-8万元: only the unit
            lowValue = lowValue.multiply(trailingScale(g.group("num"), g.group("num2")));
            lowUnit = hasScale(g.group("num")) && highUnit != null ? withoutScale(highUnit) : highUnit;
        }
        if (lowUnit != null && !lowUnit.supported() || highUnit != null && !highUnit.supported()) {
            return;
        }
        if (lowUnit != null) {
            lowValue = lowValue.multiply(BigDecimal.valueOf(lowUnit.factor()));
        }
        BigDecimal highValue = highUnit == null ? high.get() : high.get().multiply(BigDecimal.valueOf(highUnit.factor()));
        int start = g.start();
        int end = g.end();
        String surface = text.substring(start, end);
        int sepStart = g.start("sep");
        int sepEnd = g.end("sep");
        out.add(new Quantity(start, end, surface, lowValue.doubleValue(), codeOf(lowUnit), measureWordOf(lowUnit),
                Comparator.GE, sepStart, sepEnd));
        out.add(new Quantity(start, end, surface, highValue.doubleValue(), codeOf(highUnit), measureWordOf(highUnit),
                Comparator.LE, sepStart, sepEnd));
    }

    private Optional<Quantity> rank(NumberGrammar.Alternative alt, String text, Matcher g) {
        Optional<BigDecimal> value = numerals.value(g.group("num"));
        if (value.isEmpty() || value.get().signum() <= 0) {
            return Optional.empty();
        }
        boolean top = "前".equals(alt.group(g, "pre"));
        int start = g.start();
        // the rank ends at 位/名/强, not at the punctuation its lookahead saw
        int end = g.end("mw");
        return Optional.of(new Quantity(start, end, text.substring(start, end), value.get().doubleValue(), "RANK", null,
                top ? Comparator.LE : Comparator.EQ, top ? g.start("pre") : -1, top ? g.end("pre") : -1));
    }

    private Optional<Quantity> percentWords(String text, String folded, Matcher g) {
        Optional<BigDecimal> value = numerals.value(g.group("num"));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Bound bound = bound(folded, g.start(), g.end(), g);
        return Optional.of(quantityOf(text, g.start(), g.end(), value.get(), units.find("%").orElseThrow(), bound));
    }

    private Optional<Quantity> fraction(String text, String folded, Matcher g) {
        Optional<BigDecimal> den = numerals.value(g.group("den"));
        Optional<BigDecimal> num = numerals.value(g.group("num"));
        if (den.isEmpty() || num.isEmpty() || den.get().signum() == 0) {
            return Optional.empty();
        }
        BigDecimal percent = num.get().multiply(HUNDRED).divide(den.get(), java.math.MathContext.DECIMAL64);
        Bound bound = bound(folded, g.start(), g.end(), g);
        return Optional.of(quantityOf(text, g.start(), g.end(), percent, units.find("%").orElseThrow(), bound));
    }

    /** 翻番 = 翻一番 -> 100 PERCENT, 翻两番 -> 300 PERCENT: growth to 2^n times the base. */
    private Optional<Quantity> doubling(String text, Matcher g) {
        Optional<BigDecimal> times = g.group("num") == null ? Optional.of(BigDecimal.ONE) : numerals.value(g.group("num"));
        if (times.isEmpty() || times.get().signum() <= 0 || times.get().compareTo(BigDecimal.TEN) > 0) {
            return Optional.empty();
        }
        double percent = (Math.pow(2, times.get().doubleValue()) - 1) * 100;
        return Optional.of(new Quantity(g.start(), g.end(), text.substring(g.start(), g.end()), percent, "PERCENT", null,
                Comparator.EQ, -1, -1));
    }

    /** The comparator of 余/多 right after a number (300余项, 2万余). */
    private Bound fuzzyBound(Matcher g, String fuzzyGroup) {
        Comparator comparator = cues.suffix(g.group(fuzzyGroup)).map(ComparatorCues.Cue::comparator).orElse(Comparator.GE);
        return new Bound(comparator, g.start(fuzzyGroup), g.end(fuzzyGroup));
    }

    /** The comparator of a number: 余/多 inside it, else a suffix cue after it, else a prefix cue before it. */
    private Bound bound(String folded, int start, int end, Matcher g) {
        String num = g.group("num");
        for (int i = 0; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == '余' || c == '多' || c == '几' || c == '幾') {
                int at = g.start("num") + i;
                return new Bound(Comparator.GE, at, at + 1);
            }
        }
        Optional<ComparatorCues.Found> suffix = cues.suffixAt(folded, end);
        if (suffix.isPresent()) {
            return new Bound(suffix.get().cue().comparator(), suffix.get().start(), suffix.get().end());
        }
        Optional<ComparatorCues.Found> prefix = cues.prefixBefore(folded, start);
        if (prefix.isPresent()) {
            return new Bound(prefix.get().cue().comparator(), prefix.get().start(), prefix.get().end());
        }
        return new Bound(Comparator.EQ, -1, -1);
    }

    private static Quantity quantityOf(String text, int start, int end, BigDecimal value, Unit unit, Bound bound) {
        return new Quantity(start, end, text.substring(start, end), value.doubleValue(), codeOf(unit),
                measureWordOf(unit), bound.comparator(), bound.start(), bound.end());
    }

    /** The product of the scale words ending {@code high} when {@code low} has none: 6~8万 -> 10000. */
    private BigDecimal trailingScale(String low, String high) {
        if (hasScale(low)) {
            return BigDecimal.ONE;
        }
        BigDecimal product = BigDecimal.ONE;
        for (int i = high.length() - 1; i >= 0 && numerals.isScale(high.charAt(i)); i--) {
            product = product.multiply(numerals.scaleValue(high.charAt(i)));
        }
        return product;
    }

    private boolean hasScale(String num) {
        for (int i = 0; i < num.length(); i++) {
            if (numerals.isScale(num.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** 万元 -> 元: the unit without its leading scale words, or the unit itself when that is not in the table. */
    private Unit withoutScale(Unit unit) {
        String surface = unit.surface();
        int i = 0;
        while (i < surface.length() - 1 && numerals.isScale(surface.charAt(i))) {
            i++;
        }
        return i == 0 ? unit : units.find(surface.substring(i)).orElse(unit);
    }

    private static boolean isArabic(String num) {
        for (int i = 0; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static String codeOf(Unit unit) {
        return unit == null ? null : unit.code();
    }

    private static String measureWordOf(Unit unit) {
        return unit != null && unit.measureWord() ? unit.surface() : null;
    }

    private record Bound(Comparator comparator, int start, int end) {
    }
}
