package io.zhibiao.extract.engine.period;

/** The years a fact covers, inclusive. */
public record Period(int start, int end) {

    public static Period year(int year) {
        return new Period(year, year);
    }
}
