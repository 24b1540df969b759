package io.zhibiao.extract.engine.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.zhibiao.extract.engine.unit.Unit;
import io.zhibiao.extract.engine.unit.UnitTable;

/**
 * Decides whether our {@code --quantities} output for an in-scope peer case agrees with the peer. A quantity matches
 * an expected result when their spans overlap and the values agree: in base units, or as written before a unit
 * conversion (十斤 is 10 for NumberModel and 0.005 TON for us). Closed and open interval ends are not told apart.
 */
final class PeerJudge {

    private static final Map<String, String> DIMENSIONS = Map.of("Mu", "MU", "Ton", "TON", "Jin", "TON",
            "Kilometer", "KM", "Meter", "M", "Square kilometer", "KM2", "Square meter", "M2", "Hectare", "HECTARE");
    private static final Pattern INTERVAL = Pattern.compile("([\\[(])([^,]*),([^\\])]*)([\\])])");

    private final UnitTable units;

    PeerJudge(UnitTable units) {
        this.units = units;
    }

    /** Why the case fails, or empty when it passes. */
    Optional<String> failure(PeerCase c, List<JsonNode> quantities) {
        List<JsonNode> unused = new ArrayList<>(quantities);
        for (PeerCase.Result r : c.expected()) {
            for (Requirement need : requirements(c, r)) {
                Optional<JsonNode> hit = unused.stream().filter(q -> overlaps(q, r) && need.accepts(q)).findFirst();
                if (hit.isEmpty()) {
                    return Optional.of("missing " + need.describe(r) + "; got " + render(quantities));
                }
                unused.remove(hit.get());
            }
        }
        for (JsonNode q : unused) {
            if (spurious(c, q)) {
                return Optional.of("unexpected " + q.get("text").asText() + "=" + q.get("value").asDouble() + " "
                        + q.get("unit").asText() + "; expected " + c.expected().stream()
                        .map(r -> r.text() + "=" + (r.value() != null ? r.value() : r.interval())).toList());
            }
        }
        return Optional.empty();
    }

    private List<Requirement> requirements(PeerCase c, PeerCase.Result r) {
        String suite = c.suite();
        if (suite.equals("hutool") && r.value() == null) {
            return List.of(); // error case: judged by spurious()
        }
        if (suite.equals("NumberRangeModel")) {
            return rangeRequirements(r);
        }
        String unit = switch (suite) {
            case "PercentModel" -> "PERCENT";
            case "OrdinalModel" -> "RANK";
            case "CurrencyModel" -> r.unit();
            case "DimensionModel" -> DIMENSIONS.get(r.unit());
            default -> r.unit(); // NumberModel: any; hutool money2cn: CNY
        };
        return List.of(new Requirement(unit, null, r.value()));
    }

    private List<Requirement> rangeRequirements(PeerCase.Result r) {
        Matcher m = INTERVAL.matcher(r.interval() == null ? "" : r.interval());
        if (!m.matches()) {
            return List.of(new Requirement(null, null, r.value()));
        }
        String low = m.group(2).strip();
        String high = m.group(3).strip();
        if (!low.isEmpty() && low.equals(high)) {
            return List.of(new Requirement(null, "EQ", Double.valueOf(low)));
        }
        List<Requirement> out = new ArrayList<>();
        if (!low.isEmpty()) {
            out.add(new Requirement(null, "GE", Double.valueOf(low)));
        }
        if (!high.isEmpty()) {
            out.add(new Requirement(null, "LE", Double.valueOf(high)));
        }
        return out;
    }

    /** A quantity the peer does not expect and that the suite's model is about. */
    private boolean spurious(PeerCase c, JsonNode q) {
        String unit = q.get("unit").isNull() ? null : q.get("unit").asText();
        boolean overlapsExpected = c.expected().stream().anyMatch(r -> overlaps(q, r));
        return switch (c.suite()) {
            case "NumberModel" -> unit == null && !overlapsExpected;
            case "PercentModel" -> ("PERCENT".equals(unit) || "PERCENTAGE_POINT".equals(unit)) && !overlapsExpected;
            case "OrdinalModel" -> "RANK".equals(unit) && !overlapsExpected;
            case "CurrencyModel" -> ("CNY".equals(unit) || "USD".equals(unit)) && !overlapsExpected;
            case "DimensionModel" -> DIMENSIONS.containsValue(unit) && !overlapsExpected;
            case "hutool" -> c.expected().get(0).value() == null
                    && q.get("start").asInt() == 0 && q.get("end").asInt() == c.input().length();
            default -> false;
        };
    }

    private static boolean overlaps(JsonNode q, PeerCase.Result r) {
        if (r.start() < 0) {
            return q.get("text").asText().contains(r.text().strip());
        }
        return q.get("start").asInt() < r.end() && r.start() < q.get("end").asInt();
    }

    private static String render(List<JsonNode> quantities) {
        if (quantities.isEmpty()) {
            return "nothing";
        }
        return quantities.stream().map(q -> q.get("text").asText() + "=" + q.get("value").asDouble()
                + (q.get("unit").isNull() ? "" : " " + q.get("unit").asText())
                + (q.get("comparator").asText().equals("EQ") ? "" : " " + q.get("comparator").asText())).toList().toString();
    }

    /** What one expected result needs from one of our quantities. */
    private final class Requirement {
        private final String unit;
        private final String comparator;
        private final Double value;

        Requirement(String unit, String comparator, Double value) {
            this.unit = unit;
            this.comparator = comparator;
            this.value = value;
        }

        boolean accepts(JsonNode q) {
            String qUnit = q.get("unit").isNull() ? null : q.get("unit").asText();
            if (unit != null && !unit.equals(qUnit)
                    && !(unit.equals("PERCENT") && "PERCENTAGE_POINT".equals(qUnit))) {
                return false;
            }
            if (comparator != null && !comparator.equals(q.get("comparator").asText())) {
                return false;
            }
            return value == null || valueMatches(q, value);
        }

        String describe(PeerCase.Result r) {
            return r.text() + "=" + (comparator == null ? "" : comparator + " ") + value + (unit == null ? "" : " " + unit);
        }
    }

    /** Equal in base units, or equal as written before the factor of a unit at the end of the quantity's text. */
    private boolean valueMatches(JsonNode q, double expected) {
        double actual = q.get("value").asDouble();
        if (close(actual, expected)) {
            return true;
        }
        String text = q.get("text").asText();
        for (int i = 0; i < text.length(); i++) {
            Optional<Unit> u = units.find(text.substring(i));
            if (u.isPresent() && close(actual, expected * u.get().factor())) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }
}
