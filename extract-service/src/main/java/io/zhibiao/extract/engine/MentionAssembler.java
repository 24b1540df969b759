package io.zhibiao.extract.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.zhibiao.extract.engine.cue.Cue;
import io.zhibiao.extract.engine.cue.CueGrammar;
import io.zhibiao.extract.engine.cue.Exclusions;
import io.zhibiao.extract.engine.cue.Meaning;
import io.zhibiao.extract.engine.cue.MeaningResolver;
import io.zhibiao.extract.engine.indicator.IndicatorFinder;
import io.zhibiao.extract.engine.indicator.IndicatorPhrase;
import io.zhibiao.extract.engine.number.Quantity;
import io.zhibiao.extract.engine.outline.Outline;
import io.zhibiao.extract.engine.outline.Scope;
import io.zhibiao.extract.engine.outline.StatusResolver;
import io.zhibiao.extract.engine.period.Period;
import io.zhibiao.extract.engine.period.PeriodExpression;
import io.zhibiao.extract.engine.period.PeriodResolver;
import io.zhibiao.extract.engine.region.DocumentRegions;
import io.zhibiao.extract.engine.region.ResolvedMention;
import io.zhibiao.extract.engine.text.Sentence;

/**
 * Reads the figures of one document sentence by sentence: which numbers are indicator values, and for each its
 * indicator phrase, meaning, status, period and region. Figures of one sentence share context: a clause that
 * names nothing (增长8%) takes the indicator of the figure before it, and 分别 hands out earlier indicators in order.
 */
final class MentionAssembler {

    private static final String CLAUSE_ENDS = "，,；;：:。！？!?\n";
    private static final Pattern CONNECTOR = Pattern.compile("^[和、及与或至到~～\\-—，,\\s]*$");
    private static final Pattern CJK_BEFORE_DIGIT_YI = Pattern.compile(".*[0-9].*[亿万]$");
    private static final Pattern URBAN_RURAL = Pattern.compile("城乡");
    private static final Pattern NUMBER_TEXT = Pattern.compile("[0-9.]+[%％]?(?:以上|以下)?");
    private static final Pattern SEVERAL = Pattern.compile("[两三四五各多]项|(?<![人年平日月])均|都");
    private static final Pattern ZERO_NAME = Pattern.compile("行动|工作|专项|计划|工程|目标");
    private static final Pattern ZERO_PERSONS = Pattern.compile("死亡|伤亡|死|亡|伤");
    private static final List<String> PHYSICAL = List.of("M2", "KM2", "MU", "HECTARE", "KM", "M", "TON");
    /**
     * Words before a number that announce the noun after it as what is counted: a relative clause (已开工的), an
     * existential (共有), or a conjunction closing an earlier item (消防站和9座小型水库).
     */
    private static final Pattern OPENS_NOUN = Pattern.compile("(?:的|共有|有|共计|拥有|包括|和|及|与|、)$");

    private final CueGrammar cues;
    private final Exclusions exclusions;
    private final IndicatorFinder indicators;
    private final MeaningResolver meanings;
    private final StatusResolver statuses;
    private final PeriodResolver periods;

    MentionAssembler(CueGrammar cues, IndicatorFinder indicators) {
        this.cues = cues;
        this.exclusions = new Exclusions(cues);
        this.indicators = indicators;
        this.meanings = new MeaningResolver(cues);
        this.statuses = new StatusResolver(cues);
        this.periods = new PeriodResolver();
    }

    /** What a figure is about, before it becomes an {@link IndicatorMention}. */
    record Draft(Quantity q, String unit, IndicatorPhrase indicator, Meaning meaning, String status, Period period,
                 boolean annualized, io.zhibiao.extract.engine.region.FactRegion region, Sentence sentence,
                 int clauseStart, String context) {

        Draft withIndicator(IndicatorPhrase phrase) {
            return new Draft(q, unit, phrase, meaning, status, period, annualized, region, sentence, clauseStart, context);
        }
    }

    /** Everything a sentence needs from its document. */
    record DocumentContext(String text, List<PeriodExpression> periods, Outline outline, DocumentRegions regions) {
    }

    /** The figures of one sentence; {@code previous} is the sentence before it in its paragraph, or null. */
    List<Draft> sentence(DocumentContext doc, Sentence s, Sentence previous, List<Quantity> all, List<Draft> earlier) {
        String text = doc.text();
        Outline.Paragraph paragraph = doc.outline().paragraph(s.paragraph());
        if (paragraph.scope() == Scope.EXCLUDED) {
            return List.of();
        }
        List<Quantity> kept = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Quantity q = all.get(i);
            String unit = admissibleUnit(doc, s, q, all, i);
            if (unit != null) {
                kept.add(q);
                units.add(unit);
            }
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Quantity q = kept.get(i);
            int clauseStart = clauseStart(text, s.start(), q.start());
            int from = clauseStart;
            for (Quantity other : all) {
                int otherEnd = Math.max(other.end(), other.comparatorStart() >= other.end() ? other.comparatorEnd() : -1);
                if (other.start() < q.start() && otherEnd <= q.start() && otherEnd > from) {
                    from = otherEnd;
                }
            }
            int cut = q.comparatorStart() >= from && q.comparatorStart() < q.start() ? q.comparatorStart() : q.start();
            String context = text.substring(from, cut);
            String clause = text.substring(clauseStart, q.start());
            Draft previousInClause = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
            if (previousInClause != null && previousInClause.clauseStart() == clauseStart
                    && CONNECTOR.matcher(context).matches()) {
                context = previousInClause.context(); // 分别增长16.6%和30.0%: the second shares the first one's verb
            }
            Meaning meaning = meanings.resolve(context, clause, q.text(), q.value(), units.get(i), q.comparator().name());
            IndicatorPhrase phrase = phrase(doc, s, q, all, from > clauseStart ? afterLastItem(text, from, cut) : from,
                    cut, meaning);
            if (phrase.inherited() && !"RANK".equals(meaning.kind()) && excludedBefore(all, kept, clauseStart, q.start())) {
                // 工业产品中占全市比重100%达14种: the threshold before the count is no figure; its clause names the thing
                String whole = indicators.beforePhrase(withoutNumbers(blank(doc, clauseStart, cut)), false);
                if (!whole.isEmpty() && !indicators.isGeneric(whole)) {
                    phrase = indicators.of(whole, false);
                }
            }
            String status = statuses.resolve(text.substring(s.start(), q.start()), paragraph, q.start(),
                    doc.outline().anchorYear());
            Period period = periods.resolve(text, doc.periods(), q.start(), clauseStart, s.start(),
                    previous == null ? -1 : previous.start(), paragraph.topic(), doc.outline().anchorYear());
            var region = doc.regions().regionForSpan(s.start(), s.end(), q.start()).orElse(null);
            drafts.add(new Draft(q, meaning.unit(), phrase, meaning, status, period, meanings.annualized(clause),
                    region, s, clauseStart, context));
        }
        return inheritIndicators(text, drafts, earlier);
    }

    /** A percentage before the figure in its clause that was dropped as a threshold (占比80%以上达29种). */
    private static boolean excludedBefore(List<Quantity> all, List<Quantity> kept, int from, int to) {
        for (Quantity o : all) {
            if (o.start() >= from && o.end() <= to && !kept.contains(o) && "PERCENT".equals(o.unit())) {
                return true;
            }
        }
        return false;
    }

    private static String withoutNumbers(String s) {
        return NUMBER_TEXT.matcher(s).replaceAll("");
    }

    /** After an earlier figure of the clause, the phrase of this one starts after the last 、/和: 36个X、234个Y. */
    private static int afterLastItem(String text, int from, int cut) {
        for (int i = cut - 1; i >= from; i--) {
            if ("、和及与".indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return from;
    }

    /** The unit of a figure worth extracting, or null when the number is no indicator value. */
    private String admissibleUnit(DocumentContext doc, Sentence s, Quantity q, List<Quantity> all, int index) {
        String text = doc.text();
        String unit = q.unit();
        int afterAt = Math.max(q.end(), q.comparatorStart() >= q.end() ? q.comparatorEnd() : q.end());
        String after = text.substring(q.end(), Math.min(text.length(), q.end() + 12));
        int clauseStart = clauseStart(text, s.start(), q.start());
        int clauseEnd = clauseEnd(text, afterAt, s.end());
        String clauseBefore = text.substring(clauseStart, q.start());
        String clauseAfter = text.substring(afterAt, clauseEnd);
        boolean zero = unit == null && q.value() == 0 && q.text().contains("零");
        if (zero && (clauseBefore.endsWith("一") || ZERO_NAME.matcher(after).lookingAt())) {
            return null; // 一年一清零行动: the name of a campaign
        }
        if (zero) {
            unit = zeroUnit(q, clauseBefore, all, index, text.substring(s.start(), s.end()));
        } else if (unit == null) {
            unit = bareMoney(q, clauseBefore, clauseAfter);
            if (unit == null) {
                return null;
            }
        }
        if ((!zero && exclusions.inLabel(text, q.start(), q.end(), s.start())) || exclusions.isSpecification(after)
                || exclusions.isSlogan(q.text(), after)) {
            return null;
        }
        if (unit.equals("RANK") && exclusions.isRankWithoutContext(q.text(), clauseBefore, after)) {
            return null;
        }
        if (unit.equals("COUNT") && exclusions.isComparisonGroup(text.substring(q.end(), clauseEnd), clauseAfter)) {
            return null;
        }
        String afterComparator = text.substring(afterAt, Math.min(text.length(), afterAt + 12));
        if (exclusions.isNotAFigure(q, unit, clauseBefore, after, afterComparator)) {
            return null;
        }
        return unit;
    }

    /**
     * 零死亡, 零就业家庭动态归零, 违法建筑“零增量”: a zero counts deaths (PERSON), households (家庭, 户), the unit of a
     * figure beside it in the sentence (零增量、减存量109万平方米 → M2), else things (COUNT).
     */
    private static String zeroUnit(Quantity q, String clauseBefore, List<Quantity> all, int index, String sentence) {
        if (ZERO_PERSONS.matcher(q.text()).find()) {
            return "PERSON";
        }
        if (clauseBefore.contains("家庭") || clauseBefore.endsWith("户")) {
            return "HOUSEHOLD";
        }
        for (int j = 0; j < all.size(); j++) {
            String u = all.get(j).unit();
            if (j != index && u != null && PHYSICAL.contains(u)) {
                return u;
            }
        }
        return "COUNT";
    }

    /**
     * 20亿 after 产值, 1000亿 before 产业集群: a bare 亿 with digits is yuan, a bare 万 is yuan after a money word; a bare
     * 万 or 亿 after or before a word for people (实有人口…42万, 500多万人民) counts persons.
     */
    private String bareMoney(Quantity q, String clauseBefore, String clauseAfter) {
        String t = q.text().replaceAll("[余多]", "");
        if (!CJK_BEFORE_DIGIT_YI.matcher(t).matches()) {
            return null;
        }
        String head = clauseAfter.substring(0, Math.min(8, clauseAfter.length()));
        if (cues.matches(Cue.PEOPLE_HEAD, clauseBefore) || cues.matches(Cue.PEOPLE_HEAD, head)) {
            return "PERSON"; // 实有人口一年增加42万
        }
        boolean money = cues.matches(Cue.MONEY_HEAD, clauseBefore) || cues.matches(Cue.MONEY_HEAD, head);
        return t.endsWith("亿") || money ? "CNY" : null;
    }

    private IndicatorPhrase phrase(DocumentContext doc, Sentence s, Quantity q, List<Quantity> all, int from, int cut,
                                   Meaning meaning) {
        String text = doc.text();
        String raw = text.substring(from, cut).strip();
        String before = indicators.beforePhrase(blank(doc, from, cut), "RANK".equals(meaning.kind()));
        String after = "";
        if (!List.of("PERCENT", "PERCENTAGE_POINT", "RANK", "RATIO").contains(meaning.unit())) {
            int afterAt = afterOf(q);
            for (Quantity next : all) {
                if (next.start() == afterAt) {
                    afterAt = afterOf(next); // 11057户36519名贫困人口: both count the same noun
                }
            }
            int clauseEnd = clauseEnd(text, afterAt, s.end());
            boolean money = meaning.unit().equals("CNY") || meaning.unit().equals("USD");
            after = indicators.afterPhrase(text, afterAt, clauseEnd, !money);
        }
        if (q.value() == 0 && q.text().startsWith("零") && q.text().length() > 1) {
            before = before + q.text().substring(1); // 交通事故…零死亡 → …死亡
            after = "";
        }
        IndicatorPhrase p = indicators.combine(before, after, "COUNT".equals(meaning.unit()) || OPENS_NOUN.matcher(raw).find());
        if (p.isEmpty() || indicators.isGeneric(p.name())) {
            return new IndicatorPhrase(p.name(), p.code(), true);
        }
        return p;
    }

    private static int afterOf(Quantity q) {
        return Math.max(q.end(), q.comparatorStart() >= q.end() ? q.comparatorEnd() : q.end());
    }

    /** The text of [from, to) without time expressions and division names, which are not part of an indicator. */
    private static String blank(DocumentContext doc, int from, int to) {
        StringBuilder b = new StringBuilder(doc.text().substring(from, to));
        List<PeriodExpression> periods = doc.periods();
        // expressions never overlap, so none starting before the one just before `from` can reach into [from, to)
        for (int k = Math.max(0, PeriodResolver.firstStartingAtOrAfter(periods, from) - 1); k < periods.size(); k++) {
            PeriodExpression e = periods.get(k);
            if (e.start() >= to) {
                break;
            }
            if (e.end() <= from) {
                continue;
            }
            int start = Math.max(e.start(), from);
            if (start > from && "在于到至从截".indexOf(b.charAt(start - 1 - from)) >= 0) {
                start--; // 在2022年: the preposition goes with the time
            }
            for (int i = start; i < Math.min(e.end(), to); i++) {
                b.setCharAt(i - from, '\u0000');
            }
        }
        for (ResolvedMention m : doc.regions().mentions()) {
            if (m.end() <= from || m.start() >= to) {
                continue;
            }
            for (int i = Math.max(m.start(), from); i < Math.min(m.end(), to); i++) {
                b.setCharAt(i - from, '\u0000');
            }
        }
        return b.toString().replace("\u0000", "");
    }

    /**
     * Figures whose clause named nothing take an earlier indicator: with 分别, the earlier figures of the sentence in
     * order (or the items of an enumeration 节能环保、电子信息…); else the figure just before, or the phrase of the
     * previous clause (在2021年全国文明城市年度测评中，我市位列全国第四名).
     */
    private List<Draft> inheritIndicators(String text, List<Draft> drafts, List<Draft> earlier) {
        List<Draft> out = new ArrayList<>(drafts);
        int i = 0;
        while (i < out.size()) {
            Draft d = out.get(i);
            int clauseStart = d.clauseStart();
            int j = i;
            while (j < out.size() && out.get(j).clauseStart() == clauseStart) {
                j++;
            }
            List<Draft> clause = out.subList(i, j);
            String lead = text.substring(clauseStart, d.q().start());
            if (clause.size() >= 2 && lead.contains("分别")) {
                distribute(text, out, i, j, lead);
            }
            i = j;
        }
        IndicatorPhrase subject = null;
        IndicatorPhrase first = null;
        IndicatorPhrase before = lastSubject(earlier);
        for (int k = 0; k < out.size(); k++) {
            Draft d = out.get(k);
            if (!d.indicator().inherited()) {
                IndicatorPhrase owner = subject != null ? subject : before;
                if (first != null && SEVERAL.matcher(text.substring(d.clauseStart(), d.q().start())).find()) {
                    owner = first; // 两项指标增速均排名全市第一: one figure for several indicators goes to the first named
                }
                if (isGrowthOfSubject(d.indicator().name()) && owner != null) {
                    // 增速排名第一, 总量、增量均全市第一: the growth or total of the figure named before
                    out.set(k, d.withIndicator(indicators.of(owner.name() + d.indicator().name(), false)));
                } else if (isShare(d.indicator().name()) && subject != null) {
                    // 占全市28.3%: a share of the figure named before
                    out.set(k, d.withIndicator(indicators.of(subject.name() + d.indicator().name(), false)));
                } else {
                    subject = d.indicator();
                    first = first == null ? subject : first;
                }
                continue;
            }
            IndicatorPhrase previous = subject;
            if (first != null && SEVERAL.matcher(text.substring(d.clauseStart(), d.q().start())).find()) {
                previous = first; // 两项指标增速均排名全市第一: one figure for several indicators goes to the first named
            }
            if (previous == null) {
                String prevClause = previousClause(text, d.sentence().start(), d.clauseStart());
                String phrase = indicators.beforePhrase(prevClause, false);
                if (!phrase.isEmpty() && !indicators.isGeneric(phrase)) {
                    previous = indicators.of(phrase, true);
                } else {
                    previous = lastSubject(earlier);
                }
            }
            if (previous != null && !previous.isEmpty()) {
                out.set(k, d.withIndicator(new IndicatorPhrase(previous.name(), previous.code(), true)));
                subject = previous;
            } else if (d.indicator().isEmpty()) {
                out.set(k, d.withIndicator(indicators.of(text.substring(d.clauseStart(), d.q().start()).strip(), true)));
            }
        }
        return out;
    }

    /** The indicator the previous sentence was about: its last figure that named its own indicator. */
    private static IndicatorPhrase lastSubject(List<Draft> earlier) {
        if (earlier.isEmpty()) {
            return null;
        }
        Sentence last = earlier.get(earlier.size() - 1).sentence();
        for (int i = earlier.size() - 1; i >= 0 && earlier.get(i).sentence() == last; i--) {
            if (!earlier.get(i).indicator().inherited()) {
                return earlier.get(i).indicator();
            }
        }
        return earlier.get(earlier.size() - 1).indicator();
    }

    private static boolean isGrowthOfSubject(String phrase) {
        return phrase.startsWith("增速") || phrase.startsWith("增幅") || phrase.startsWith("总量");
    }

    private static boolean isShare(String phrase) {
        return phrase.startsWith("占") || phrase.startsWith("比") || phrase.startsWith("较");
    }

    private void distribute(String text, List<Draft> out, int from, int to, String lead) {
        int n = to - from;
        String head = lead.substring(0, lead.indexOf("分别"));
        String own = indicators.beforePhrase(head, false);
        if (own.isEmpty() && from >= n) {
            for (int k = 0; k < n; k++) {
                IndicatorPhrase p = out.get(from - n + k).indicator();
                out.set(from + k, out.get(from + k).withIndicator(new IndicatorPhrase(p.name(), p.code(), false)));
            }
            return;
        }
        String[] items = own.split("[、和及与]");
        String last = items[items.length - 1];
        for (int k = 0; k < items.length - 1; k++) {
            if (items[k].length() < last.length() && !items[k].isEmpty()) {
                // 城镇居民和农村居民人均可支配收入: the earlier items share the head of the last one
                items[k] = items[k] + last.substring(items[k].length());
            }
        }
        if (items.length == n) {
            for (int k = 0; k < n; k++) {
                out.set(from + k, out.get(from + k).withIndicator(indicators.of(items[k], false)));
            }
        } else if (n == 2 && URBAN_RURAL.matcher(own).find()) {
            out.set(from, out.get(from).withIndicator(indicators.of(own.replaceFirst("城乡", "城镇"), false)));
            out.set(from + 1, out.get(from + 1).withIndicator(indicators.of(own.replaceFirst("城乡", "农村"), false)));
        }
    }

    private static String previousClause(String text, int sentenceStart, int clauseStart) {
        if (clauseStart <= sentenceStart) {
            return "";
        }
        int end = clauseStart - 1;
        int start = end;
        while (start > sentenceStart && CLAUSE_ENDS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        return text.substring(start, end);
    }

    static int clauseStart(String text, int sentenceStart, int at) {
        int i = at;
        while (i > sentenceStart && CLAUSE_ENDS.indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    static int clauseEnd(String text, int at, int sentenceEnd) {
        int i = at;
        while (i < sentenceEnd && CLAUSE_ENDS.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

}
