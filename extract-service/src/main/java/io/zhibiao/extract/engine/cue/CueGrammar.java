package io.zhibiao.extract.engine.cue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cue words of grammar/cues.tsv, one compiled pattern per {@link Cue} (rows of a category OR-ed).
 * Immutable and thread-safe.
 */
public final class CueGrammar {

    public static final String RESOURCE = "/grammar/cues.tsv";

    private final Map<Cue, Pattern> patterns;

    public CueGrammar(Map<Cue, Pattern> patterns) {
        for (Cue c : Cue.values()) {
            if (!patterns.containsKey(c)) {
                throw new IllegalArgumentException("cue grammar has no row for " + c);
            }
        }
        this.patterns = Map.copyOf(patterns);
    }

    public static CueGrammar fromClasspath() {
        return parse(TsvTable.read(RESOURCE));
    }

    static CueGrammar parse(List<String[]> rows) {
        Map<Cue, List<String>> alternatives = new EnumMap<>(Cue.class);
        for (String[] row : rows) {
            if (row.length < 2) {
                throw new IllegalArgumentException("cues.tsv row needs a category and a regex: " + String.join("\\t", row));
            }
            alternatives.computeIfAbsent(Cue.valueOf(row[0].trim()), k -> new ArrayList<>()).add(row[1]);
        }
        Map<Cue, Pattern> compiled = new EnumMap<>(Cue.class);
        alternatives.forEach((cue, regexes) -> compiled.put(cue, Pattern.compile(
                regexes.size() == 1 ? regexes.get(0) : "(?:" + String.join(")|(?:", regexes) + ")")));
        return new CueGrammar(compiled);
    }

    public Pattern pattern(Cue cue) {
        return patterns.get(cue);
    }

    /** True when the cue occurs anywhere in {@code text} (for _BEFORE cues anchored with $: at its end). */
    public boolean matches(Cue cue, CharSequence text) {
        return patterns.get(cue).matcher(text).find();
    }

    /** The first match of the cue in {@code text}, or null. */
    public Matcher find(Cue cue, CharSequence text) {
        Matcher m = patterns.get(cue).matcher(text);
        return m.find() ? m : null;
    }

    /** Removes the cue repeatedly from the start (TRIM_HEAD) or end (TRIM_TAIL, RANK_TAIL) of {@code text}. */
    public String strip(Cue cue, String text) {
        String before;
        String s = text;
        do {
            before = s;
            Matcher m = patterns.get(cue).matcher(s);
            if (m.find() && m.end() > m.start()) {
                s = m.start() == 0 ? s.substring(m.end()) : s.substring(0, m.start());
            }
        } while (!s.equals(before) && !s.isEmpty());
        return s;
    }
}
