package io.zhibiao.extract.engine.number;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.extract.engine.unit.Unit;
import io.zhibiao.extract.engine.unit.UnitTable;

/**
 * Loads the peer suites of /work/shared/peers and judges our {@code --quantities} output against them: which cases
 * are in scope (and, when not, which named category keeps them out), and why an in-scope case fails.
 */
final class PeerSuites {

    /** The suites, in report order, with their files relative to the peers folder. */
    static final List<String[]> FILES = List.of(
            new String[] {"NumberModel", "recognizers-text/Specs/Number/Chinese/NumberModel.json"},
            new String[] {"PercentModel", "recognizers-text/Specs/Number/Chinese/PercentModel.json"},
            new String[] {"OrdinalModel", "recognizers-text/Specs/Number/Chinese/OrdinalModel.json"},
            new String[] {"NumberRangeModel", "recognizers-text/Specs/Number/Chinese/NumberRangeModel.json"},
            new String[] {"CurrencyModel", "recognizers-text/Specs/NumberWithUnit/Chinese/CurrencyModel.json"},
            new String[] {"DimensionModel", "recognizers-text/Specs/NumberWithUnit/Chinese/DimensionModel.json"},
            new String[] {"hutool", "hutool/cases.tsv"});

    /** Dimension units of Recognizers-Text that have a base unit in the guidelines. */
    private static final Set<String> GUIDELINE_DIMENSIONS =
            Set.of("Mu", "Ton", "Jin", "Kilometer", "Meter", "Square kilometer", "Square meter", "Hectare");

    private static final Pattern FRACTION = Pattern.compile("(?<!百)分\\s*之|[/／]|又");
    private static final Pattern SCIENTIFIC = Pattern.compile("[eE^kKmM]");
    private static final Pattern LONE_CHINESE_DIGIT = Pattern.compile("[零〇一二两兩三四五六七八九十壹贰貳叁肆伍陆陸柒捌玖拾]");
    private static final Pattern DATE = Pattern.compile("[0-9０-９]+\\s*[年月日]|[点點]\\s*[：:]");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PeerSuites() {
    }

    static List<PeerCase> load(Path peers, String suite, String file) throws IOException {
        Path path = peers.resolve(file);
        if (file.endsWith(".tsv")) {
            return hutool(suite, path);
        }
        List<PeerCase> cases = new ArrayList<>();
        for (JsonNode c : MAPPER.readTree(Files.readString(path, StandardCharsets.UTF_8))) {
            List<PeerCase.Result> results = new ArrayList<>();
            for (JsonNode r : c.path("Results")) {
                JsonNode res = r.path("Resolution");
                String raw = res.path("value").isMissingNode() || res.path("value").isNull() ? null : res.path("value").asText();
                Double value = null;
                String interval = null;
                if (raw != null && (raw.startsWith("(") || raw.startsWith("["))) {
                    interval = raw;
                } else if (raw != null) {
                    value = Double.parseDouble(raw.replace("%", ""));
                }
                String unit = res.hasNonNull("isoCurrency") ? res.get("isoCurrency").asText()
                        : res.hasNonNull("unit") ? res.get("unit").asText() : null;
                results.add(new PeerCase.Result(r.path("Text").asText(), r.path("Start").asInt(-1),
                        r.has("End") ? r.get("End").asInt() + 1 : -1, value, unit, interval));
            }
            String notSupported = c.path("NotSupported").asText("");
            cases.add(new PeerCase(suite, c.path("Input").asText(), results,
                    notSupported.isEmpty() ? "" : "peer NotSupported: " + notSupported));
        }
        return cases;
    }

    private static List<PeerCase> hutool(String suite, Path path) throws IOException {
        List<PeerCase> cases = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length < 3 || f[0].equals("direction")) {
                continue;
            }
            if (f[0].equals("cn2num")) {
                // the Chinese numeral is the input; an error case expects that no quantity covers the whole input
                Double value = f[2].equals("IllegalArgumentException") ? null : Double.valueOf(f[2]);
                cases.add(new PeerCase(suite, f[1], List.of(new PeerCase.Result(f[1], 0, f[1].length(), value, null, null)),
                        "cn2num"));
            } else {
                // num2cn, num2cn_trad, money2cn format a number; read back, the Chinese text must give that number
                // to the precision it is written with (二百一十五点六四 for 215.6387)
                String chinese = f[2];
                int decimals = decimalsWritten(chinese);
                double value = new java.math.BigDecimal(f[1]).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
                cases.add(new PeerCase(suite, chinese, List.of(new PeerCase.Result(chinese, 0, chinese.length(), value,
                        f[0].equals("money2cn") ? "CNY" : null, null)), f[0] + " read back"));
            }
        }
        return cases;
    }

    private static int decimalsWritten(String chinese) {
        int point = Math.max(chinese.indexOf('点'), chinese.indexOf('點'));
        if (point >= 0) {
            return chinese.length() - point - 1;
        }
        if (chinese.contains("分")) {
            return 2;
        }
        return chinese.contains("角") ? 1 : 0;
    }

    /** Why a case is out of scope, or empty when it is in scope. */
    static Optional<String> outOfScope(PeerCase c, UnitTable units) {
        String in = c.input();
        for (PeerCase.Result r : c.expected()) {
            String after = r.end() >= 0 && r.end() <= in.length() ? in.substring(r.end()) : "";
            Optional<Unit> unit = unitAt(after, units);
            if (unit.isPresent() && !unit.get().supported()) {
                return Optional.of("number with a unit that has no base unit in the guidelines (岁, 小时, 公斤…): dropped by design");
            }
        }
        switch (c.suite()) {
            case "NumberModel" -> {
                for (PeerCase.Result r : c.expected()) {
                    if (FRACTION.matcher(r.text()).find()) {
                        return Optional.of("fractions (五分之一, 3/5, 又): read as shares in PERCENT (四分之一 = 25), not as 0.25");
                    }
                    if (SCIENTIFIC.matcher(r.text()).find()) {
                        return Optional.of("scientific notation and Latin multipliers (2e5, 2^5, 40k, 2.5 M)");
                    }
                    if (r.text().strip().contains(" ")) {
                        return Optional.of("numerals spread over spaces (一百 五 十 二, 1, 234, 567)");
                    }
                    if (r.text().length() == 1 && LONE_CHINESE_DIGIT.matcher(r.text()).matches()) {
                        return Optional.of("lone Chinese digits (二, 一只, 九年八吨, 这是五): words, not figures, in reports");
                    }
                    if (r.text().contains("打") || r.text().equals("半百")) {
                        return Optional.of("dozens and idioms (一打, 半百)");
                    }
                }
                if (DATE.matcher(in).find()) {
                    return Optional.of("dates and clock times: never returned by design");
                }
            }
            case "PercentModel" -> {
                if (in.contains("折")) {
                    return Optional.of("discounts (打折, 七五折): not used in reports");
                }
                if (in.contains("千分之") || in.contains("万分之") || in.contains("萬分之") || in.contains("仟分之")
                        || in.contains("万万分之")) {
                    return Optional.of("per mille and smaller (千分之, 万分之): no base unit in the guidelines");
                }
                if (c.expected().stream().anyMatch(r -> r.text().strip().contains(" "))) {
                    return Optional.of("numerals spread over spaces (六 点 五 成, 百 分 之2.4)");
                }
                if (c.expected().stream().anyMatch(r -> r.text().toLowerCase(Locale.ROOT).contains("k"))) {
                    return Optional.of("scientific notation and Latin multipliers (百分之15K)");
                }
            }
            case "NumberRangeModel" -> {
                for (PeerCase.Result r : c.expected()) {
                    if (r.text().contains("比") || r.text().contains("第") || FRACTION.matcher(r.text()).find()) {
                        return Optional.of("comparisons phrased 比…大/小, ranges of ranks or fractions");
                    }
                    if (r.text().strip().contains(" ") && !r.text().matches(".*[0-9] - [0-9].*")) {
                        return Optional.of("numerals or cues spread over spaces (小于 或 等于100, 三千 九百)");
                    }
                    if (SCIENTIFIC.matcher(r.text()).find() || r.text().contains("<") || r.text().contains("，")) {
                        return Optional.of("scientific notation, Latin multipliers and ASCII operators (5k-20k, < =)");
                    }
                }
            }
            case "CurrencyModel" -> {
                for (PeerCase.Result r : c.expected()) {
                    if (!"CNY".equals(r.unit()) && !"USD".equals(r.unit())) {
                        return Optional.of("currencies other than CNY and USD (EUR, JPY, HKD, Bitcoin, $ without ISO code)");
                    }
                    if (r.value() == null) {
                        return Optional.of("currency names without an amount (人民币 美元)");
                    }
                    if (r.text().matches(".*[角毛分].*") || r.text().contains("又")) {
                        return Optional.of("sub-units 角/毛/分 and 美分");
                    }
                }
            }
            case "DimensionModel" -> {
                for (PeerCase.Result r : c.expected()) {
                    if (!GUIDELINE_DIMENSIONS.contains(r.unit())) {
                        return Optional.of("dimensions with no base unit in the guidelines (kg, cm, bit, Hz, kW, 两, µg)");
                    }
                    if (r.text().matches(".*[A-Za-z].*")) {
                        return Optional.of("Latin unit symbols (250m)");
                    }
                    if (r.text().endsWith("半")) {
                        return Optional.of("half units (一吨半, 两米半)");
                    }
                }
            }
            case "hutool" -> {
                if (c.expected().get(0).text().matches(".*[角分].*")) {
                    return Optional.of("sub-units 角/分");
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Unit> unitAt(String text, UnitTable units) {
        for (int len = Math.min(5, text.length()); len > 0; len--) {
            Optional<Unit> u = units.find(text.substring(0, len));
            if (u.isPresent()) {
                return u;
            }
        }
        return Optional.empty();
    }
}
