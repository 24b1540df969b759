package io.zhibiao.extract.engine.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication date of a document: its metadata when given, else a date the page states near its
 * top (发稿时间:2023-03-26, 发布时间 : 2022-06-06, 发表于 2021-9-4, 2022-07-20 11:04:16 来源, a report's
 * 2024年1月23日在…会议上), else none.
 */
public final class PublicationDateFinder {

    private static final String DATE = "([0-9]{4})\\s*[-/.年]\\s*([0-9]{1,2})\\s*[-/.月]\\s*([0-9]{1,2})\\s*日?";
    /** Tried in order: the first pattern that matches anywhere in the head wins. */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?U)(?:发稿时间|发布时间|发布日期|发表时间|发表于|发文日期|成文日期|印发日期|更新时间|日期)\\s*[:：]?\\s*" + DATE),
            Pattern.compile("(?U)" + DATE + "\\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\\s*(?:来源|作者|编辑|$)", Pattern.MULTILINE),
            Pattern.compile("(?U)" + DATE + "\\s*在[^。\\n]{0,40}(?:会议|大会|会)上"),
            Pattern.compile("(?U)(?:^|\\n)\\s*(?:时间)\\s*[:：]\\s*" + DATE));
    /** Only the head of a page states its date; later dates are content. */
    private static final int HEAD = 3000;

    /** The ISO date (yyyy-MM-dd) of publication, or empty. */
    public Optional<String> find(String metadataDate, String rawText) {
        if (metadataDate != null && metadataDate.length() >= 10) {
            Optional<LocalDate> meta = parseIso(metadataDate.substring(0, 10));
            if (meta.isPresent()) {
                return meta.map(LocalDate::toString);
            }
        }
        if (rawText == null) {
            return Optional.empty();
        }
        String head = rawText.substring(0, Math.min(HEAD, rawText.length()));
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(head);
            while (m.find()) {
                Optional<LocalDate> d = date(m.group(1), m.group(2), m.group(3));
                if (d.isPresent()) {
                    return d.map(LocalDate::toString);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parseIso(String s) {
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeException e) {
            return Optional.empty(); // metadata that is no date: fall back to the text
        }
    }

    private static Optional<LocalDate> date(String y, String m, String d) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)));
        } catch (DateTimeException e) {
            return Optional.empty(); // 2023-13-45 is no date; try the next match
        }
    }
}
