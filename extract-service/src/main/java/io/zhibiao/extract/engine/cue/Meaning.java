package io.zhibiao.extract.engine.cue;

/** What a number states: kind (LEVEL, GROWTH_RATE, CHANGE, RANK), signed value, unit and comparator. */
public record Meaning(String kind, double value, String unit, String comparator) {
}
