package io.zhibiao.extract.engine.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regions of one document, as resolved by {@link RegionResolver}: its own region, the
 * divisions it names, and for any offset the region a fact there is about.
 *
 * <p>A fact is about the region that is the subject of its clause: a division, 全国, or a
 * self-reference (全区, 我市, 本镇…) named at the start of the clause, after nothing but
 * time phrases and connectives (其中, 2023年, 截至目前); not after 在 (在全省…会上 is an adverbial). A clause without one takes the
 * subject of the nearest earlier clause of its sentence, and failing that the document's
 * region. After a 、 a new subject may start ({@code 通过评审、全市仅6家}) unless the 、 joins
 * names of regions ({@code 湖北、贵州均超过7%} is about 湖北). A town named without its suffix
 * is a subject of its own clause only. Names inside a clause are not subjects: in {@code 增速列全省第三}, {@code 占全市22.1%}
 * or {@code 比全市高2.5个百分点} the fact stays with the document. A name followed by a rank or
 * comparison ({@code 全市第一}, {@code 全国百强}, {@code 全市平均水平}) or an institution
 * ({@code 深圳实验学校}, {@code 瀑河水库}) is never a subject, and a rank fact is never about
 * a 全X scope ({@code 全市生态文明建设考核排名第二}).
 *
 * <p>Self-references resolve against the document's region: the region itself when the kind
 * matches (全区 in a district report), else its nearest enclosing division of that kind
 * (全市 in 宝安区's report is 深圳市, 全省 is 广东省).
 *
 * <p>Immutable and thread-safe.
 */
public final class DocumentRegions {

    private static final Pattern SELF_REFERENCE =
            Pattern.compile("(?:全国)|[全我本该](?:省|市|县|区|镇|乡|街道|旗)(?![域场级镇份])");
    /** What may stand before the subject of a clause. */
    private static final Pattern SUBJECT_PREFIX = Pattern.compile(
            "(?:[\\s\\u3000“”\"‘’'（）()【】\\[\\]·—-]|其中|同时|此外|另外|而且|并且|特别是|尤其是|全年|今年|去年|当年|上年|"
                    + "目前|当前|截至|截止|到|至|自|从|以来|期间|[0-9０-９.]+|[一二三四五六七八九十〇零百]+|年度|年底|年末|年初|"
                    + "年|月份|月|日|季度|上半年|下半年|前三季度|底|末|初)*");
    /** After a name: a rank or a comparison, so the name is a yardstick, not a subject. */
    private static final Pattern YARDSTICK = Pattern.compile(
            "^(?:各[^，。；]{0,3})?(?:第|前[一二三四五六七八九十0-9]|排名|排位|排第|位列|位居|居|之首|首位|首家|首个|首批|首创|"
                    + "率先|平均|水平|同类|同级|同期|百强|十强|五十强|前列|唯一|最|领先|仅次)");
    /** After a name: an institution or a landmark named after the place (深圳实验学校, 瀑河水库). */
    private static final Pattern NOT_A_PLACE = Pattern.compile(
            "^(?:实验|大学|学院|中学|小学|学校|医院|机场|日报|晚报|电视台|银行|集团|公司|水库|公园|景区|大道|大桥|路|街|站|港)");
    private static final Pattern RANK_VERB = Pattern.compile("排名|排位|排第|位列|位居|跃居|居|列");
    private static final String SENTENCE_ENDS = "。！？!?；;\n\r";
    private static final String CLAUSE_ENDS = "，,：:" + SENTENCE_ENDS;

    private final String text;
    private final Division documentRegion;
    private final List<ResolvedMention> mentions;
    private final List<Reference> references;
    private final Gazetteer gazetteer;

    DocumentRegions(String text, Division documentRegion, List<ResolvedMention> mentions, Gazetteer gazetteer) {
        this.text = text;
        this.documentRegion = documentRegion;
        this.mentions = List.copyOf(mentions);
        this.gazetteer = gazetteer;
        this.references = references(text, this.mentions);
    }

    /** The division the document is about, if any could be found. */
    public Optional<Division> documentRegion() {
        return Optional.ofNullable(documentRegion);
    }

    /** The mentions of divisions in the text, in order, each narrowed to one division. */
    public List<ResolvedMention> mentions() {
        return mentions;
    }

    /**
     * The region of a fact at {@code offset} (the start of its number, say), taking as its
     * sentence the text between the nearest sentence ends (。！？；and line breaks) around it.
     *
     * @return the region, empty when the clause has no subject and the document no region
     */
    public Optional<FactRegion> regionAt(int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int start = at;
        while (start > 0 && SENTENCE_ENDS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = at;
        while (end < text.length() && SENTENCE_ENDS.indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return regionForSpan(start, end, at);
    }

    /**
     * The region of a fact found at {@code mentionStart} inside the sentence
     * {@code [sentenceStart, sentenceEnd)} of the text.
     *
     * @return the subject region of the clause (or of an earlier clause of the sentence),
     *         else the document's region; empty when neither exists
     */
    public Optional<FactRegion> regionForSpan(int sentenceStart, int sentenceEnd, int mentionStart) {
        int from = Math.max(0, sentenceStart);
        int limit = Math.max(from, Math.min(mentionStart, Math.min(sentenceEnd, text.length())));
        Optional<FactRegion> listed = enumeratedSubject(from, limit, mentionStart);
        if (listed.isPresent()) {
            return listed;
        }
        int clauseEnd = limit;
        while (clauseEnd > from) {
            int clauseStart = clauseEnd;
            while (clauseStart > from && CLAUSE_ENDS.indexOf(text.charAt(clauseStart - 1)) < 0) {
                clauseStart--;
            }
            Optional<FactRegion> subject = subject(clauseStart, clauseEnd, mentionStart, clauseEnd == limit);
            if (subject.isPresent()) {
                return subject;
            }
            clauseEnd = clauseStart - 1;
        }
        return documentRegion().map(FactRegion::of);
    }

    /**
     * The subject of the clause starting at {@code clauseStart}, looking no further than
     * {@code limit}, for a fact at {@code factStart}; {@code ownClause} is false when the
     * clause is an earlier one of the fact's sentence.
     */
    private Optional<FactRegion> subject(int clauseStart, int limit, int factStart, boolean ownClause) {
        Matcher prefix = SUBJECT_PREFIX.matcher(text).region(clauseStart, limit);
        int pos = prefix.lookingAt() ? prefix.end() : clauseStart;
        Reference subject = null;
        for (Reference r : references) {
            if (r.end() > limit) {
                break;
            }
            if (subject == null) {
                if (r.start() == pos) {
                    subject = r;
                }
            } else if (r.start() == subject.end() && within(r, subject)) {
                subject = r; // 保定市清苑区: the narrower name of a chain
            } else if (r.start() >= subject.end()) {
                break;
            }
        }
        if (subject == null || subject.target() == null || followedBy(YARDSTICK, subject.end())
                || followedBy(NOT_A_PLACE, subject.end())) {
            return Optional.empty();
        }
        if (subject.kind() == Reference.Kind.SCOPE && isRank(subject.end(), factStart)) {
            return Optional.empty(); // 全市生态文明建设工作考核排名第二: ranked within the city
        }
        if (!ownClause && subject.kind() == Reference.Kind.TOWN_SHORT_NAME) {
            return Optional.empty(); // 东闾德康老年公寓…，每千人口…: a bare town name rarely carries on
        }
        return Optional.of(subject.target());
    }

    /**
     * The subject after the last 、 before the fact ({@code 5家社康机构通过评审、全市仅6家}),
     * unless the 、 joins names of regions ({@code 湖北、贵州均超过7%} is about the first).
     */
    private Optional<FactRegion> enumeratedSubject(int from, int limit, int factStart) {
        int comma = limit - 1;
        while (comma >= from && text.charAt(comma) != '、' && CLAUSE_ENDS.indexOf(text.charAt(comma)) < 0) {
            comma--;
        }
        if (comma < from || text.charAt(comma) != '、') {
            return Optional.empty();
        }
        for (Reference r : references) {
            if (r.end() == comma) {
                return Optional.empty();
            }
        }
        return subject(comma + 1, limit, factStart, false); // a bare town name here is a locality of a list
    }

    /** True when the fact at {@code factStart} is a rank: 第二, or after 排名/位列/居. */
    private boolean isRank(int from, int factStart) {
        int at = Math.max(from, Math.min(factStart, text.length()));
        if (at < text.length() && (text.charAt(at) == '第' || text.charAt(at) == '前')) {
            return true;
        }
        return RANK_VERB.matcher(text.substring(from, at)).find();
    }

    private boolean followedBy(Pattern pattern, int end) {
        return pattern.matcher(text.substring(end, Math.min(text.length(), end + 12))).find();
    }

    private boolean within(Reference inner, Reference outer) {
        return inner.target() != null && outer.target() != null && !inner.target().isNationwide()
                && !outer.target().isNationwide() && gazetteer.isWithin(inner.target().code(), outer.target().code());
    }

    private List<Reference> references(String body, List<ResolvedMention> resolved) {
        List<Reference> refs = new ArrayList<>();
        for (ResolvedMention m : resolved) {
            boolean townShort = m.mention().kind() == RegionMention.Kind.SHORT_NAME
                    && m.division().level() == DivisionLevel.TOWN;
            refs.add(new Reference(m.start(), m.end(), FactRegion.of(m.division()),
                    townShort ? Reference.Kind.TOWN_SHORT_NAME : Reference.Kind.DIVISION));
        }
        Matcher m = SELF_REFERENCE.matcher(body);
        while (m.find()) {
            if (!overlaps(m.start(), m.end(), resolved)) {
                String word = m.group();
                Reference.Kind kind = word.charAt(0) == '全' ? Reference.Kind.SCOPE : Reference.Kind.SELF;
                refs.add(new Reference(m.start(), m.end(), selfReference(word), kind));
            }
        }
        refs.sort(Comparator.comparingInt(Reference::start));
        return List.copyOf(refs);
    }

    private static boolean overlaps(int start, int end, List<ResolvedMention> resolved) {
        for (ResolvedMention m : resolved) {
            if (m.start() < end && start < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** 全国 → the nation; 全区, 本镇… → the document region or its nearest enclosing division of that kind. */
    private FactRegion selfReference(String word) {
        if ("全国".equals(word)) {
            return FactRegion.NATIONWIDE;
        }
        if (documentRegion == null) {
            return null;
        }
        String kind = word.substring(1);
        if (RegionResolver.kindOf(documentRegion).equals(kind)) {
            return FactRegion.of(documentRegion);
        }
        for (Division a : gazetteer.ancestors(documentRegion.code())) {
            if (RegionResolver.kindOf(a).equals(kind)) {
                return FactRegion.of(a);
            }
        }
        return null;
    }

    /** A place in the text that may name the subject region; {@code target} null when unresolvable. */
    private record Reference(int start, int end, FactRegion target, Kind kind) {

        enum Kind {
            /** A division named in full, or a county or wider named short. */
            DIVISION,
            /** A town named without its suffix (上埠, 东闾). */
            TOWN_SHORT_NAME,
            /** 我市, 本镇, 该区: the document's own region or one enclosing it. */
            SELF,
            /** 全市, 全省, 全国: a whole region, often the yardstick of a rank. */
            SCOPE
        }
    }
}
