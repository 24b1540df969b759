package io.zhibiao.extract.engine.outline;

import java.util.List;

import io.zhibiao.extract.engine.period.Period;

/**
 * The sections of a document as they bear on its figures: per paragraph, the status scope, the topic period
 * (the year a section or paragraph is about: 一、2023年工作回顾, 2022年以来，…) and where a sentence announcing
 * goals (主要预期目标是：) starts.
 *
 * @param anchorYear the publication year, or the report year found in the title or headings; null if unknown
 */
public record Outline(List<Paragraph> paragraphs, Integer anchorYear) {

    public Outline {
        paragraphs = List.copyOf(paragraphs);
    }

    /**
     * @param planLeadAt offset in the text after which the paragraph states goals, or -1
     * @param topic      the period the paragraph is about when a figure names none, or null
     */
    public record Paragraph(int start, int end, boolean heading, Scope scope, Period topic, int planLeadAt) {
    }

    public Paragraph paragraph(int index) {
        return paragraphs.get(index);
    }

    /** The topic year used by relative expressions (一年来, 连续六年): the end of the topic, else the anchor year. */
    public Integer topicYear(int paragraph) {
        Period t = paragraphs.get(paragraph).topic();
        return t != null ? Integer.valueOf(t.end()) : anchorYear;
    }
}
