package io.zhibiao.extract.engine.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;

/**
 * Finds the names of divisions in a text with one Aho-Corasick pass over all full and
 * short names of a {@link Gazetteer}, keeping the leftmost-longest non-overlapping hits.
 *
 * <p>Which names count:
 * <ul>
 *   <li>full names of three or more characters, at every level ({@code 萍乡市}, {@code 上埠镇},
 *       {@code 坑梓街道}), except town-level units that are not towns (farms, development zones)
 *       and a 乡 that starts the next word (平安乡 in 平安乡村);</li>
 *   <li>short names of provinces and prefectures ({@code 江西}, {@code 萍乡});</li>
 *   <li>short names of counties ({@code 芦溪}, {@code 醴陵}) only when the text also names their
 *       prefecture (or province, for counties directly under one) or the county's full name;</li>
 *   <li>short names of towns ({@code 上埠}, {@code 官桥}) and two-character full names
 *       ({@code 范县} inside 示范县) only when the text names the enclosing county;</li>
 *   <li>never the names of the ambiguous-word list ({@code 城区}, {@code 新兴}, {@code 青山}),
 *       though longer names containing them still match ({@code 新兴县}).</li>
 * </ul>
 * Names confirmed this way confirm the next level down ({@code 萍乡芦溪上埠}). Codes passed as
 * context count as named. When a short name fits a division and one inside it (坪山区 and its
 * 坪山街道), the wider one is kept.
 * A short name followed by its suffix is matched as the full name, being longer.
 *
 * <p>Immutable and thread-safe; build one per gazetteer and reuse it.
 */
public final class RegionRecognizer {

    /** Classpath location of the standard ambiguous-word list. */
    public static final String AMBIGUOUS_NAMES_RESOURCE = "/gazetteer/ambiguous-names.txt";

    /** Nature and frequency given to division names in a HanLP custom dictionary. */
    public static final String DICTIONARY_NATURE = "ns 1024";

    /** Second characters of words starting with 乡: 乡村, 乡镇, 乡土, 乡亲, 乡愁, 乡贤, 乡风. */
    private static final String WORDS_AFTER_XIANG = "村镇土亲愁贤风里";

    private static final List<String> TOWN_SUFFIXES = List.of("镇", "乡", "街道", "苏木", "办事处");

    private final Gazetteer gazetteer;
    private final AhoCorasickDoubleArrayTrie<Entry> trie;
    private final List<String> dictionaryTerms;

    /**
     * @param gazetteer      the divisions to recognize
     * @param ambiguousNames names never matched on their own
     */
    public RegionRecognizer(Gazetteer gazetteer, Collection<String> ambiguousNames) {
        this.gazetteer = gazetteer;
        Set<String> blocked = Set.copyOf(ambiguousNames);
        Map<String, Builder> keys = new HashMap<>(100_000);
        for (Division d : gazetteer.all()) {
            if (!blocked.contains(d.name()) && isRecognizable(d)) {
                keys.computeIfAbsent(d.name(), k -> new Builder()).full.add(d);
            }
            String shortName = d.shortName();
            if (d.hasShortName() && shortName.length() >= 2 && !blocked.contains(shortName)) {
                keys.computeIfAbsent(shortName, k -> new Builder()).shortNames.add(d);
            }
        }
        TreeMap<String, Entry> entries = new TreeMap<>();
        keys.forEach((key, b) -> entries.put(key, b.build(key)));
        List<String> terms = new ArrayList<>();
        entries.forEach((key, e) -> {
            if (e.isDictionaryTerm()) {
                terms.add(key);
            }
        });
        this.trie = new AhoCorasickDoubleArrayTrie<>();
        this.trie.build(entries);
        this.dictionaryTerms = List.copyOf(terms);
    }

    /** A recognizer over {@code gazetteer} with the ambiguous-word list shipped on the classpath. */
    public static RegionRecognizer standard(Gazetteer gazetteer) {
        InputStream in = RegionRecognizer.class.getResourceAsStream(AMBIGUOUS_NAMES_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + AMBIGUOUS_NAMES_RESOURCE);
        }
        return new RegionRecognizer(gazetteer, readWordList(in));
    }

    /** Reads a UTF-8 word list, one word a line, {@code #} comments and blank lines skipped. */
    public static List<String> readWordList(InputStream in) {
        List<String> words = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list", e);
        }
        return words;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The mentions of divisions in {@code text}, in text order, non-overlapping. */
    public List<RegionMention> recognize(String text) {
        return recognize(text, Set.of());
    }

    /**
     * The mentions of divisions in {@code text}, in text order, non-overlapping.
     *
     * @param contextCodes codes of divisions known to be relevant though perhaps not named in
     *                     the text (the document's region from its title or metadata); they
     *                     confirm weak names within them as the text's own mentions do
     */
    public List<RegionMention> recognize(String text, Collection<String> contextCodes) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<AhoCorasickDoubleArrayTrie<Entry>.Hit<Entry>> hits = trie.parseText(text);
        // Names that need no context come first; each round may confirm names below them
        // (萍乡 confirms 芦溪, which confirms 上埠).
        Set<String> named = new HashSet<>(contextCodes);
        boolean grew = true;
        for (int round = 0; round < 3 && grew; round++) {
            int before = named.size();
            for (var hit : hits) {
                for (Division d : candidates(hit.value, named)) {
                    named.add(d.code());
                }
            }
            grew = named.size() > before;
        }
        List<RegionMention> admissible = new ArrayList<>(hits.size());
        for (var hit : hits) {
            List<Division> candidates = candidates(hit.value, named);
            if (!candidates.isEmpty() && !isPartOfWord(text, hit.end, candidates)) {
                RegionMention.Kind kind = candidates.get(0).name().equals(hit.value.key())
                        ? RegionMention.Kind.FULL_NAME : RegionMention.Kind.SHORT_NAME;
                admissible.add(new RegionMention(hit.begin, hit.end, text.substring(hit.begin, hit.end), candidates, kind));
            }
        }
        admissible.sort(Comparator.comparingInt(RegionMention::start)
                .thenComparing(Comparator.comparingInt(RegionMention::length).reversed()));
        List<RegionMention> chosen = new ArrayList<>();
        int covered = 0;
        for (RegionMention m : admissible) {
            if (m.start() >= covered) {
                chosen.add(m);
                covered = m.end();
            }
        }
        return List.copyOf(chosen);
    }

    /**
     * Division names fit for a segmenter's custom dictionary: every full and short name the
     * recognizer matches without context, sorted. Town short names are left out: too many of
     * them are ordinary words.
     */
    public List<String> dictionaryTerms() {
        return dictionaryTerms;
    }

    /**
     * Adds {@link #dictionaryTerms()} to a HanLP dictionary as place names
     * ({@value #DICTIONARY_NATURE}), so that a segmenter keeps them whole. Takes a few tens
     * of milliseconds; the dictionary is the caller's, this recognizer keeps no reference.
     */
    public void registerWith(DynamicCustomDictionary dictionary) {
        for (String term : dictionaryTerms) {
            dictionary.insert(term, DICTIONARY_NATURE);
        }
    }

    /** The divisions a key may denote given the codes named so far; full names win. */
    private List<Division> candidates(Entry e, Set<String> named) {
        List<Division> full = confirmed(e.full(), true, e.key(), named);
        return full.isEmpty() ? widest(confirmed(e.shortNames(), false, e.key(), named)) : full;
    }

    /**
     * Drops candidates inside another candidate: a bare 坪山 is 坪山区, not its 坪山街道,
     * and 清苑 is 清苑区, not 清苑镇 (towns named after their county).
     */
    private List<Division> widest(List<Division> candidates) {
        if (candidates.size() < 2) {
            return candidates;
        }
        List<Division> out = new ArrayList<>(candidates.size());
        for (Division d : candidates) {
            boolean inner = false;
            for (Division other : candidates) {
                if (other != d && gazetteer.isWithin(d.code(), other.code())) {
                    inner = true;
                    break;
                }
            }
            if (!inner) {
                out.add(d);
            }
        }
        return out;
    }

    private List<Division> confirmed(List<Division> divisions, boolean fullName, String key, Set<String> named) {
        List<Division> out = null;
        for (Division d : divisions) {
            if (needsNoContext(d, fullName, key) || named.contains(d.parentCode())
                    || !fullName && d.level() == DivisionLevel.COUNTY && named.contains(d.code())) {
                if (out == null) {
                    out = new ArrayList<>(divisions.size());
                }
                out.add(d);
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * Full names of three or more characters and short names of provinces and prefectures
     * stand on their own. A county's short name needs its prefecture (or its own full name)
     * named; a town's short name or a two-character full name needs the enclosing county:
     * 资源 alone is the word, not 资源县, and 建设 is not one of the twenty 建设街道.
     */
    private static boolean needsNoContext(Division d, boolean fullName, String key) {
        if (fullName) {
            return key.length() > 2;
        }
        return d.level() == DivisionLevel.PROVINCE || d.level() == DivisionLevel.PREFECTURE;
    }

    /** 平安乡 in 平安乡村, 文明乡 in 文明乡镇: the 乡 belongs to the next word. */
    private static boolean isPartOfWord(String text, int end, List<Division> candidates) {
        if (end >= text.length() || !candidates.get(0).name().endsWith("乡")
                || text.charAt(end - 1) != '乡') {
            return false;
        }
        return WORDS_AFTER_XIANG.indexOf(text.charAt(end)) >= 0;
    }

    /** Towns, districts and above; not farms, parks and development zones of town level. */
    private static boolean isRecognizable(Division d) {
        if (d.level() != DivisionLevel.TOWN) {
            return true;
        }
        for (String suffix : TOWN_SUFFIXES) {
            if (d.name().endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one key of the automaton stands for.
     *
     * @param key        the name
     * @param full       divisions whose full name is the key
     * @param shortNames divisions whose short name is the key
     */
    private record Entry(String key, List<Division> full, List<Division> shortNames) {

        /** Names that stand without context make safe dictionary words. */
        boolean isDictionaryTerm() {
            for (Division d : full) {
                if (needsNoContext(d, true, key)) {
                    return true;
                }
            }
            for (Division d : shortNames) {
                if (d.level() != DivisionLevel.TOWN) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Builder {
        final List<Division> full = new ArrayList<>(1);
        final List<Division> shortNames = new ArrayList<>(1);

        Entry build(String key) {
            return new Entry(key, List.copyOf(full), List.copyOf(shortNames));
        }
    }
}
