package io.zhibiao.extract.engine.text;

/** A sentence of the cleaned text: [start, end) and its text (without the closing punctuation's successor). */
public record Sentence(int index, int start, int end, String text, int paragraph) {

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
