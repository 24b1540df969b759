package io.zhibiao.extract.engine.outline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zhibiao.extract.engine.cue.Cue;
import io.zhibiao.extract.engine.cue.CueGrammar;
import io.zhibiao.extract.engine.period.Period;
import io.zhibiao.extract.engine.period.PeriodExpression;
import io.zhibiao.extract.engine.text.CleanText;

/**
 * Reads the sections of a document. A heading (a short line, or one led by 一、 (一) 【…】) opens a
 * section: goals when it names a plan (grammar cue PLAN_HEADING), results when it names a review
 * (REVIEW_HEADING), definitions when it is an appendix; its time expression becomes the topic period.
 * A body paragraph that opens with a time expression (2022年以来，… 今年以来，…) sets the topic period
 * for what follows. Thread-safe.
 */
public final class OutlineBuilder {

    private static final int HEADING_MAX = 40;
    private static final Pattern ENUMERATED = Pattern.compile(
            "^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|【|第[一二三四五六七八九十]+[章部分节篇]|关键词)");
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("(20[0-9]{2})\\s*年");
    /** What may stand before a time expression that opens a paragraph. */
    private static final Pattern LEAD_IN = Pattern.compile("^(?:[\\s—\\-－·•]|在|自|截至|截止|到|至|从|于)*");

    private final CueGrammar cues;

    public OutlineBuilder(CueGrammar cues) {
        this.cues = cues;
    }

    /**
     * @param periods    the time expressions of the text, in order
     * @param publishedYear the year of publication, or null
     * @param title      the document title, or null
     */
    public Outline build(CleanText clean, List<PeriodExpression> periods, Integer publishedYear, String title) {
        String text = clean.text();
        Integer anchor = publishedYear != null ? publishedYear : reportYear(clean, title);
        List<Outline.Paragraph> out = new ArrayList<>();
        Scope scope = Scope.NEUTRAL;
        Period topic = null;
        int p = 0;
        for (CleanText.Span span : clean.paragraphs()) {
            String line = text.substring(span.start(), span.end());
            boolean heading = isHeading(line);
            PeriodExpression first = firstExpression(periods, span.start(), span.end());
            if (heading) {
                Scope s = headingScope(line);
                if (s != null) {
                    scope = s;
                    if (first != null) {
                        Period period = first.resolve(anchor, topic == null ? anchor : Integer.valueOf(topic.end()));
                        topic = period != null ? period : topic;
                    }
                }
            } else if (first != null && opens(text, span.start(), first)) {
                Period period = first.resolve(anchor, topic == null ? anchor : Integer.valueOf(topic.end()));
                topic = period != null ? period : topic;
            }
            Matcher lead = cues.pattern(Cue.PLAN_LEAD).matcher(line);
            int planLeadAt = lead.find() ? span.start() + lead.end() : -1;
            out.add(new Outline.Paragraph(span.start(), span.end(), heading, scope, topic, planLeadAt));
            p++;
        }
        return new Outline(out, anchor);
    }

    boolean isHeading(String line) {
        if (ENUMERATED.matcher(line).find() && line.length() <= 2 * HEADING_MAX) {
            return true;
        }
        return line.length() <= HEADING_MAX && line.indexOf('。') < 0;
    }

    private Scope headingScope(String line) {
        if (cues.matches(Cue.APPENDIX_HEADING, line)) {
            return Scope.EXCLUDED;
        }
        if (cues.matches(Cue.PLAN_HEADING, line)) {
            return Scope.TARGET;
        }
        if (cues.matches(Cue.REVIEW_HEADING, line)) {
            return Scope.ACTUAL;
        }
        return null;
    }

    private static PeriodExpression firstExpression(List<PeriodExpression> periods, int start, int end) {
        for (PeriodExpression e : periods) {
            if (e.start() >= start && e.start() < end) {
                return e;
            }
        }
        return null;
    }

    /** True when only lead-in words stand between the paragraph start and the expression. */
    private static boolean opens(String text, int paragraphStart, PeriodExpression e) {
        Matcher m = LEAD_IN.matcher(text).region(paragraphStart, e.start());
        return m.lookingAt() && m.end() == e.start();
    }

    /** The year of a report found in its title (2023年坪山区政府工作报告) or the first heading that names one. */
    private Integer reportYear(CleanText clean, String title) {
        if (title != null) {
            Matcher m = YEAR_IN_TITLE.matcher(title);
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        String text = clean.text();
        for (CleanText.Span span : clean.paragraphs()) {
            String line = text.substring(span.start(), span.end());
            if (!isHeading(line)) {
                continue;
            }
            Matcher m = YEAR_IN_TITLE.matcher(line);
            if (m.find()) {
                int year = Integer.parseInt(m.group(1));
                if (cues.matches(Cue.PLAN_HEADING, line)) {
                    return year;
                }
                if (cues.matches(Cue.REVIEW_HEADING, line)) {
                    return year + 1;
                }
            }
        }
        return null;
    }
}
