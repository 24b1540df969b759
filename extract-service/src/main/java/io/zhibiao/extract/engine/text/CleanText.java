package io.zhibiao.extract.engine.text;

import java.util.List;

/**
 * A document's text without markup and page boilerplate: one paragraph a line. All offsets of an
 * extraction refer to {@link #text()}.
 *
 * @param paragraphs the non-empty lines, in order, as spans of {@code text}
 */
public record CleanText(String text, List<Span> paragraphs) {

    public CleanText {
        paragraphs = List.copyOf(paragraphs);
    }

    /** A span [start, end) of the cleaned text. */
    public record Span(int start, int end) {
    }
}
