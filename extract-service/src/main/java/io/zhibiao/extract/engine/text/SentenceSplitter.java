package io.zhibiao.extract.engine.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits cleaned text into sentences at 。！？；!?; and line breaks, keeping offsets; the closing mark
 * belongs to its sentence. A closing quote or bracket right after the mark stays with the sentence.
 */
public final class SentenceSplitter {

    private static final String ENDS = "。！？；!?;";
    private static final String CLOSERS = "”’」』）)】";

    public List<Sentence> split(CleanText clean) {
        String text = clean.text();
        List<Sentence> out = new ArrayList<>();
        int paragraph = 0;
        for (CleanText.Span p : clean.paragraphs()) {
            int start = p.start();
            for (int i = p.start(); i < p.end(); i++) {
                if (ENDS.indexOf(text.charAt(i)) >= 0) {
                    int end = i + 1;
                    while (end < p.end() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                        end++;
                    }
                    add(out, text, start, end, paragraph);
                    start = end;
                    i = end - 1;
                }
            }
            add(out, text, start, p.end(), paragraph);
            paragraph++;
        }
        return List.copyOf(out);
    }

    private static void add(List<Sentence> out, String text, int start, int end, int paragraph) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start < end) {
            out.add(new Sentence(out.size(), start, end, text.substring(start, end), paragraph));
        }
    }
}
