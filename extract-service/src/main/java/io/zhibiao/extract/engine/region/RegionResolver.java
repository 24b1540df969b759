package io.zhibiao.extract.engine.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which divisions a document is about.
 *
 * <p>{@link #resolve(String, String, String)} finds the document's own region (the division
 * a report, plan or article is about) and narrows every ambiguous mention to one division;
 * the returned {@link DocumentRegions} then tells, for any offset, which region a fact is
 * about. Order of work:
 * <ol>
 *   <li>recognize names in the hint, the title and the text, each confirming the weak names
 *       (town short names) of the others;</li>
 *   <li>narrow shared names by the enclosing divisions the text names (官桥 with 浏阳 named →
 *       浏阳市官桥镇);</li>
 *   <li>score each division: one point a mention, more in the title, at the start, before a
 *       government cue (人民政府, 政府工作报告, 第十六届), half the score of its enclosing
 *       divisions, and the text's self-references (我区, 本镇, 全镇) for its kind;
 *       the best is the document's region;</li>
 *   <li>narrow shared names again, now preferring candidates inside or near that region.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class RegionResolver {

    private static final Pattern GOVERNMENT_CUE = Pattern.compile(
            "^\\s*(?:[0-9０-９]{4}\\s*年度?)?\\s*(?:人民政府|政府|人民代表大会|人大|党委|党工委|委员会|第[一二三四五六七八九十百零〇0-9]{1,4}届)");
    /** 我区, 本镇, 全县… naming the document's own kind of division. */
    private static final Pattern SELF_REFERENCE = Pattern.compile("([我本全])(省|市|县|区|镇|乡|街道|旗)");
    private static final int START_ZONE = 300;

    private final Gazetteer gazetteer;
    private final RegionRecognizer recognizer;

    public RegionResolver(RegionRecognizer recognizer) {
        this.recognizer = recognizer;
        this.gazetteer = recognizer.gazetteer();
    }

    /** A resolver over the classpath gazetteer and the standard ambiguous-word list. */
    public static RegionResolver standard() {
        return new RegionResolver(RegionRecognizer.standard(Gazetteer.fromClasspath()));
    }

    public RegionRecognizer recognizer() {
        return recognizer;
    }

    /**
     * Resolves the regions of one document.
     *
     * @param text         the document text; offsets of the result refer to it
     * @param titleOrNull  the document title when known apart from the text
     * @param hintOrNull   a division code ({@code 360313}) or a name ({@code 萍乡市湘东区}) known
     *                     from metadata, e.g. the publishing site; it weighs more than the text
     * @return the document's region and the resolved mentions, to query per offset
     */
    public DocumentRegions resolve(String text, String titleOrNull, String hintOrNull) {
        String body = text == null ? "" : text;
        String title = titleOrNull == null ? "" : titleOrNull;

        List<Division> hinted = hintDivisions(hintOrNull);
        Set<String> context = new HashSet<>();
        hinted.forEach(d -> context.add(d.code()));
        List<RegionMention> titleFirst = recognizer.recognize(title, context);
        Set<String> withTitle = new HashSet<>(context);
        titleFirst.forEach(m -> addIfUnambiguous(m, withTitle));
        List<RegionMention> textMentions = recognizer.recognize(body, withTitle);
        Set<String> withText = new HashSet<>(context);
        textMentions.forEach(m -> addIfUnambiguous(m, withText));
        List<RegionMention> titleMentions = recognizer.recognize(title, withText);

        Set<String> named = new HashSet<>(context);
        titleMentions.forEach(m -> addIfUnambiguous(m, named));
        textMentions.forEach(m -> addIfUnambiguous(m, named));

        Map<String, Double> own = new HashMap<>();
        hinted.forEach(d -> own.merge(d.code(), 10.0, Double::sum));
        score(titleMentions, title, named, 5.0, own);
        score(textMentions, body, named, 0.0, own);

        Division documentRegion = best(own, selfReferences(body + "\n" + title));
        List<ResolvedMention> resolved = new ArrayList<>(textMentions.size());
        for (RegionMention m : textMentions) {
            Division d = choose(m, named, documentRegion);
            if (isStrayTown(m, d, documentRegion)) {
                continue;
            }
            resolved.add(new ResolvedMention(m, d));
        }
        return new DocumentRegions(body, documentRegion, resolved, gazetteer);
    }

    /**
     * A town named by its short name far from the document's region is more likely a word
     * (民生, 化工) confirmed by a county named in passing than a place the text is about.
     */
    private boolean isStrayTown(RegionMention m, Division d, Division documentRegion) {
        if (m.kind() != RegionMention.Kind.SHORT_NAME || d.level() != DivisionLevel.TOWN || documentRegion == null) {
            return false;
        }
        Division scope = documentRegion;
        for (Division a : gazetteer.ancestors(documentRegion.code())) {
            if (a.level() == DivisionLevel.PROVINCE) {
                break;
            }
            scope = a; // the prefecture of a county or town, or the region itself
        }
        return !gazetteer.isWithin(d.code(), scope.code());
    }

    private List<Division> hintDivisions(String hint) {
        if (hint == null || hint.isBlank()) {
            return List.of();
        }
        Optional<Division> byCode = gazetteer.byCode(hint.strip());
        if (byCode.isPresent()) {
            return List.of(byCode.get());
        }
        List<RegionMention> mentions = recognizer.recognize(hint);
        Set<String> named = new HashSet<>();
        mentions.forEach(m -> addIfUnambiguous(m, named));
        List<Division> out = new ArrayList<>();
        for (RegionMention m : mentions) {
            out.add(choose(m, named, null));
        }
        return out;
    }

    private void score(List<RegionMention> mentions, String text, Set<String> named, double bonus,
            Map<String, Double> own) {
        for (RegionMention m : mentions) {
            Division d = choose(m, named, null);
            double w = 1.0 + bonus;
            if (m.start() < START_ZONE) {
                w += 1.0;
            }
            if (GOVERNMENT_CUE.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 16))).find()) {
                w += 5.0;
            }
            if (!m.isUnambiguous() && support(d, named) == 0) {
                w *= 0.3; // a shared name nothing else in the text supports
            }
            own.merge(d.code(), w, Double::sum);
        }
    }

    private Division best(Map<String, Double> own, Map<String, Integer> selfRefs) {
        Division best = null;
        double bestScore = 0;
        for (Map.Entry<String, Double> e : own.entrySet()) {
            Division d = gazetteer.byCode(e.getKey()).orElseThrow();
            double score = e.getValue();
            for (Division a : gazetteer.ancestors(d.code())) {
                score += 0.5 * own.getOrDefault(a.code(), 0.0);
            }
            score += Math.min(5, selfRefs.getOrDefault(kindOf(d), 0));
            if (best == null || score > bestScore
                    || score == bestScore && best.level().isWiderThan(d.level())) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /** Counts 我区/本区 twice, 全区 once, by kind (区, 镇…); halves are rounded down. */
    private static Map<String, Integer> selfReferences(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = SELF_REFERENCE.matcher(text);
        while (m.find()) {
            counts.merge(m.group(2), "全".equals(m.group(1)) ? 1 : 2, Integer::sum);
        }
        counts.replaceAll((k, v) -> v / 2);
        return counts;
    }

    /** The kind a self-reference uses for {@code d}: 市 for 醴陵市, 区 for 宝安区, 街道 for 坑梓街道. */
    static String kindOf(Division d) {
        String name = d.name();
        if (d.level() == DivisionLevel.PROVINCE) {
            return name.endsWith("市") ? "市" : "省";
        }
        if (name.endsWith("街道") || name.endsWith("办事处")) {
            return "街道";
        }
        return name.substring(name.length() - 1);
    }

    private void addIfUnambiguous(RegionMention m, Set<String> codes) {
        if (m.isUnambiguous()) {
            codes.add(m.candidates().get(0).code());
        }
    }

    /** How many of the divisions enclosing {@code d} the document names. */
    private int support(Division d, Set<String> named) {
        int n = 0;
        for (Division a : gazetteer.ancestors(d.code())) {
            if (named.contains(a.code())) {
                n++;
            }
        }
        return n;
    }

    /**
     * The candidate of a mention that fits the document best: inside or around its region,
     * then sharing its prefecture or province, then with enclosing divisions named in the
     * text; ties go to the wider division, then to the first listed.
     */
    private Division choose(RegionMention m, Set<String> named, Division documentRegion) {
        if (m.isUnambiguous()) {
            return m.candidates().get(0);
        }
        Collection<String> regionChain = documentRegion == null ? List.of() : chain(documentRegion);
        Division best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Division c : m.candidates()) {
            int score = 2 * support(c, named);
            if (documentRegion != null) {
                if (gazetteer.isWithin(c.code(), documentRegion.code())) {
                    score += 8;
                } else if (regionChain.contains(c.code())) {
                    score += 6;
                } else {
                    for (Division a : gazetteer.ancestors(c.code())) {
                        if (regionChain.contains(a.code())) {
                            score += a.level() == DivisionLevel.PROVINCE ? 1 : 3;
                            break;
                        }
                    }
                }
            }
            if (best == null || score > bestScore || score == bestScore && c.level().isWiderThan(best.level())) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private Set<String> chain(Division d) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(d.code());
        gazetteer.ancestors(d.code()).forEach(a -> codes.add(a.code()));
        return codes;
    }
}
