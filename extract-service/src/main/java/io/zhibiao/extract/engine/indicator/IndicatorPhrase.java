package io.zhibiao.extract.engine.indicator;

/**
 * The indicator of one number: the phrase naming what is measured and its canonical code (or null).
 *
 * @param inherited true when the number's own clause named nothing and the phrase was taken from an earlier figure
 */
public record IndicatorPhrase(String name, String code, boolean inherited) {

    public boolean isEmpty() {
        return name == null || name.isEmpty();
    }
}
