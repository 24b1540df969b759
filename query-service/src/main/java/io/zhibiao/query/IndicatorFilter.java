package io.zhibiao.query;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The filters of GET /indicators and GET /stream, already validated. Null means "any". The
 * repository turns them into SQL; {@link #matches} applies the same rules to an event in memory,
 * for the live stream.
 *
 * @param region            a division code
 * @param includeDescendants with {@code region}: also everything under it
 * @param code              canonical indicator code
 * @param q                 text contained in the indicator phrase or the sentence (case-insensitive)
 * @param periodFrom        the period ends in or after this year
 * @param periodTo          the period starts in or before this year
 */
public record IndicatorFilter(String region, boolean includeDescendants, String code, String q, String kind,
                              String status, Integer periodFrom, Integer periodTo, String documentId,
                              LocalDate publishedFrom, LocalDate publishedTo) {

    public static final IndicatorFilter ALL = new IndicatorFilter(null, false, null, null, null, null, null, null, null,
            null, null);

    public boolean matches(IndicatorEvent e) {
        if (region != null) {
            if (e.region() == null) {
                return false;
            }
            if (includeDescendants ? !e.region().path().contains(region) : !region.equals(e.region().code())) {
                return false;
            }
        }
        if (code != null && (e.indicator() == null || !code.equals(e.indicator().code()))) {
            return false;
        }
        if (q != null && !(contains(e.indicator() == null ? null : e.indicator().name(), q) || contains(e.sentence(), q))) {
            return false;
        }
        if (kind != null && !kind.equals(e.kind()) || status != null && !status.equals(e.status())) {
            return false;
        }
        if (documentId != null && !documentId.equals(e.documentId())) {
            return false;
        }
        if (periodFrom != null || periodTo != null) {
            Integer start = e.period() == null ? null : e.period().start();
            Integer end = e.period() == null ? null : e.period().end();
            Integer last = end != null ? end : start;
            Integer first = start != null ? start : end;
            if (first == null || periodFrom != null && last < periodFrom || periodTo != null && first > periodTo) {
                return false;
            }
        }
        if (publishedFrom != null || publishedTo != null) {
            LocalDate published = e.publishedAt() == null || e.publishedAt().length() < 10 ? null
                    : LocalDate.parse(e.publishedAt().substring(0, 10));
            if (published == null || publishedFrom != null && published.isBefore(publishedFrom)
                    || publishedTo != null && published.isAfter(publishedTo)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
