package io.zhibiao.extract.engine.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import io.zhibiao.extract.engine.cue.Cue;
import io.zhibiao.extract.engine.cue.CueGrammar;

/**
 * Finds the phrase naming what a number measures: the shortest phrase of its clause, usually the noun
 * phrase before the verb or cue (达, 为, 增长…) — {@code 规模以上企业达37家} → 规模以上企业 — or, when the
 * number is a count that modifies a noun ({@code 新增10000个城区停车位}), the noun phrase after it with the
 * verb before it (新增城区停车位). Noun phrases after a number are found with HanLP's segmenter and its
 * part-of-speech tags. Thread-safe.
 */
public final class IndicatorFinder {

    /** Longest noun phrase read after a number. */
    private static final int AFTER_WINDOW = 32;
    /** A verb before a following noun phrase is kept when at most this long (新增, 完成, 签署). */
    private static final int VERB_PREFIX_MAX = 6;
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff“]");
    private static final Pattern PARENTHESES = Pattern.compile("[（(][^（）()]{0,12}[）)]");
    private static final Pattern BRACKETS = Pattern.compile("[（(][^）)]{0,12}[）)]$");

    private final CueGrammar cues;
    private final IndicatorLexicon lexicon;
    private final Segment segment;

    public IndicatorFinder(CueGrammar cues, IndicatorLexicon lexicon, Segment segment) {
        this.cues = cues;
        this.lexicon = lexicon;
        this.segment = segment;
    }

    /** A segmenter with offsets and the core dictionary's part-of-speech tags; no custom dictionary needed here. */
    public static Segment defaultSegment() {
        return HanLP.newSegment().enableOffset(true).enableNameRecognize(false).enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false);
    }

    public IndicatorLexicon lexicon() {
        return lexicon;
    }

    /**
     * The phrase before a number: {@code before} is the clause text between the previous figure (or the clause
     * start) and the number, with time expressions already blanked out.
     *
     * @param rank true for ranks, whose ranking words (排名全省, 位列) are trimmed too
     */
    public String beforePhrase(String before, boolean rank) {
        String s = PARENTHESES.matcher(before.replace(" ", "").replace("\u0000", "")).replaceAll("");
        if (s.isEmpty()) {
            return s;
        }
        List<Term> terms = new ArrayList<>(segment.seg(s));
        boolean changed = true;
        while (changed && !terms.isEmpty()) {
            changed = false;
            boolean afterNumber = false;
            while (!terms.isEmpty() && trimsHead(terms.get(0), afterNumber)) {
                afterNumber = pos(terms.remove(0)).startsWith("m");
                changed = true;
            }
            while (!terms.isEmpty() && trimsTail(terms, rank)) {
                terms.remove(terms.size() - 1);
                changed = true;
            }
        }
        StringBuilder b = new StringBuilder();
        terms.forEach(t -> b.append(t.word));
        String r = BRACKETS.matcher(b.toString()).replaceAll("");
        return unbalancedQuotes(r);
    }

    /** Leading words that are not part of what is measured: connectives, time and place words, adverbs, cues. */
    private boolean trimsHead(Term t, boolean afterNumber) {
        String pos = pos(t);
        if (pos.startsWith("q")) {
            return afterNumber; // 一年: the measure word of a dropped number, not 道 of 碧道
        }
        return cues.pattern(Cue.TRIM_HEAD).matcher(t.word).matches()
                || pos.startsWith("t") || pos.equals("d") || pos.equals("p") || pos.equals("c") || pos.equals("w")
                || pos.equals("r") || pos.equals("u") || pos.equals("y") || pos.equals("f") || pos.startsWith("m");
    }

    private boolean trimsTail(List<Term> terms, boolean rank) {
        Term t = terms.get(terms.size() - 1);
        String pos = pos(t);
        if (pos.startsWith("q")) {
            return terms.size() > 1 && pos(terms.get(terms.size() - 2)).startsWith("m"); // 六个, not 碧道
        }
        return cues.pattern(Cue.TRIM_TAIL).matcher(t.word).matches()
                || (rank && cues.pattern(Cue.RANK_TAIL).matcher(t.word).matches())
                || pos.equals("d") || pos.equals("p") || pos.equals("c") || pos.equals("w") || pos.equals("y")
                || pos.equals("ule") || pos.equals("uguo") || pos.equals("uzhe") || pos.startsWith("m")
                || (pos.equals("f") && !t.word.equals("内")) || pos.startsWith("t");
    }

    private static String pos(Term t) {
        return t.nature == null ? "x" : t.nature.toString();
    }

    /**
     * The noun phrase right after a number ({@code 个城区停车位}: 城区停车位), or "" when what follows is a
     * verb, punctuation or another number. {@code text} is read from {@code from} up to {@code limit}.
     */
    public String afterPhrase(String text, int from, int limit, boolean verbMayLead) {
        int end = Math.min(limit, Math.min(text.length(), from + AFTER_WINDOW));
        if (from >= end) {
            return "";
        }
        String window = text.substring(from, end);
        if (window.startsWith("的")) {
            window = window.substring(1);
        }
        if (window.isEmpty() || !CJK.matcher(window.substring(0, 1)).matches()) {
            return "";
        }
        List<Term> terms = segment.seg(window);
        StringBuilder phrase = new StringBuilder();
        boolean noun = false;
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            String pos = t.nature == null ? "x" : t.nature.toString();
            boolean verb = pos.equals("v") || pos.equals("vi");
            if (i == 0 && ((verb && !verbMayLead) || pos.equals("p") || pos.equals("c")
                    || pos.startsWith("m") || pos.startsWith("q") || pos.equals("f") || pos.startsWith("t")
                    || pos.equals("r") || pos.equals("y") || pos.equals("vshi") || pos.equals("vyou"))) {
                return "";
            }
            if (t.word.equals("、") && i + 1 < terms.size() && !pos(terms.get(i + 1)).startsWith("m")) {
                phrase.append(t.word); // 低成本、优质、定制化厂房空间: one phrase
                continue;
            }
            if (stops(t, pos, i, noun)) {
                break;
            }
            if (pos.startsWith("n") || pos.equals("vn") || pos.equals("gi") || pos.equals("gm") || pos.equals("nz")) {
                noun = true;
            }
            phrase.append(t.word);
        }
        String s = phrase.toString();
        return noun ? unbalancedQuotes(cues.strip(Cue.TRIM_TAIL, s)) : "";
    }

    private static boolean stops(Term t, String pos, int i, boolean noun) {
        if (pos.equals("w") && !t.word.equals("“") && !t.word.equals("”")) {
            return true;
        }
        if (t.word.equals("等") || t.word.equals("以及") || t.word.equals("和") || t.word.equals("及")) {
            return true;
        }
        if (pos.startsWith("t") || pos.equals("f") || pos.equals("p") || pos.equals("c") || pos.startsWith("m")
                || pos.equals("r") || pos.equals("y") || pos.equals("e")) {
            return true;
        }
        // an adverb may open the phrase (已开工的项目) but ends it after a noun (项目全部不停工)
        return pos.equals("d") && (i > 0 && noun);
    }

    /**
     * The indicator of a number from its before and after phrases; code from the lexicon. A following noun phrase
     * wins when it is what is counted ({@code nounFollows}: a count with its measure word, 541项审批事项, or a number
     * after 的/共有/和), when the phrase before is only a verb (新增10000个城区停车位 → 新增城区停车位) or ends an
     * enumeration of examples (新宙邦、深福保科技生态园等16个产业项目 → 产业项目); a longer phrase before wins otherwise.
     */
    public IndicatorPhrase combine(String before, String after, boolean nounFollows) {
        String a = cues.matches(Cue.AFTER_STOP, after) ? "" : after;
        String name;
        if (a.isEmpty()) {
            name = before;
        } else if (before.endsWith("等") || isGeneric(before)) {
            name = a;
        } else if (before.length() <= VERB_PREFIX_MAX) {
            name = before + a;
        } else {
            name = nounFollows ? a : before;
        }
        return new IndicatorPhrase(name, lexicon.code(name).orElse(null), false);
    }

    /** A phrase that cannot stand alone (增速, 同比): the indicator is an earlier one. */
    public boolean isGeneric(String phrase) {
        return phrase.isEmpty() || cues.pattern(Cue.GENERIC_PHRASE).matcher(phrase).matches();
    }

    /** The phrase with the code the lexicon gives it. */
    public IndicatorPhrase of(String name, boolean inherited) {
        return new IndicatorPhrase(name, lexicon.code(name).orElse(null), inherited);
    }

    /** Drops a dangling opening or closing quote: “5020 → 5020. */
    private static String unbalancedQuotes(String s) {
        long open = s.chars().filter(c -> c == '“').count();
        long close = s.chars().filter(c -> c == '”').count();
        String r = s;
        if (open > close && r.endsWith("“")) {
            r = r.substring(0, r.length() - 1);
        }
        if (close > open && r.startsWith("”")) {
            r = r.substring(1);
        }
        return r;
    }
}
