package io.zhibiao.extract.engine.number;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.zhibiao.extract.engine.unit.UnitTable;

/**
 * The compiled number grammar of {@code grammar/numbers.yaml}: named regex fragments that reference each other, and an
 * ordered list of alternatives joined into one master regex. Immutable, thread-safe (Patterns are).
 */
public final class NumberGrammar {

    /** Classpath location of the grammar. */
    public static final String RESOURCE = "/grammar/numbers.yaml";

    /** What an alternative yields. */
    public enum Kind { SKIP, RANGE, RANK, PERCENT_WORDS, FRACTION, ZERO, DOUBLING, QUANTITY }

    /** One alternative: its own pattern keeps the named groups the recognizer reads. */
    public record Alternative(String name, Kind kind, Pattern pattern, Set<String> groups) {

        /** The text of a named group of a match of {@link #pattern()}, or null when absent or not in this pattern. */
        public String group(Matcher m, String group) {
            return groups.contains(group) ? m.group(group) : null;
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("(?<!\\\\[pP])\\{(@?[A-Za-z][A-Za-z0-9]*)\\}");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>");

    private final List<Alternative> alternatives;
    private final Pattern master;

    private final List<String> groupNames;

    private NumberGrammar(List<Alternative> alternatives, Pattern master) {
        this.alternatives = List.copyOf(alternatives);
        this.master = master;
        this.groupNames = java.util.stream.IntStream.range(0, alternatives.size()).mapToObj(i -> "a" + i).toList();
    }

    /** Loads {@link #RESOURCE} from the classpath, with the table fragments of the numerals, units and cues. */
    public static NumberGrammar fromClasspath(Numerals numerals, UnitTable units, ComparatorCues cues) {
        try (InputStream in = NumberGrammar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(in, numerals, units, cues);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses and compiles a grammar in the layout of numbers.yaml. */
    @SuppressWarnings("unchecked")
    public static NumberGrammar parse(InputStream in, Numerals numerals, UnitTable units, ComparatorCues cues) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        Map<String, String> raw = new LinkedHashMap<>();
        ((Map<String, Object>) root.get("fragments")).forEach((k, v) -> raw.put(k, String.valueOf(v)));
        raw.put("@digits", numerals.characterClass(Numerals.Kind.DIGIT));
        raw.put("@scales", numerals.characterClass(Numerals.Kind.SCALE));
        raw.put("@leadScales", numerals.leadScales());
        raw.put("@points", numerals.characterClass(Numerals.Kind.POINT));
        raw.put("@signs", numerals.characterClass(Numerals.Kind.SIGN));
        raw.put("@units", trie(units.units().stream().map(io.zhibiao.extract.engine.unit.Unit::surface).toList()));
        raw.put("@prefixCues", trie(cues.prefixCues()));

        Resolver resolver = new Resolver(raw);
        List<Alternative> alternatives = new ArrayList<>();
        StringBuilder master = new StringBuilder();
        for (Map<String, Object> alt : (List<Map<String, Object>>) root.get("alternatives")) {
            String name = String.valueOf(alt.get("name"));
            Kind kind = kindOf(String.valueOf(alt.get("kind")));
            String regex = resolver.resolve(String.valueOf(alt.get("pattern")), new HashSet<>());
            Pattern own;
            try {
                own = Pattern.compile(regex);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("alternative " + name + " of " + RESOURCE + " does not compile: " + regex, e);
            }
            Set<String> groups = new HashSet<>();
            Matcher named = NAMED_GROUP.matcher(regex);
            while (named.find()) {
                groups.add(named.group(1));
            }
            alternatives.add(new Alternative(name, kind, own, Set.copyOf(groups)));
            if (!master.isEmpty()) {
                master.append('|');
            }
            master.append("(?<a").append(alternatives.size() - 1).append('>')
                    .append(NAMED_GROUP.matcher(regex).replaceAll("(?:")).append(')');
        }
        String start = resolver.resolve(String.valueOf(root.get("start")), new HashSet<>());
        return new NumberGrammar(alternatives, Pattern.compile("(?=" + start + ")(?:" + master + ")"));
    }

    private static Kind kindOf(String kind) {
        return switch (kind) {
            case "skip" -> Kind.SKIP;
            case "range" -> Kind.RANGE;
            case "rank" -> Kind.RANK;
            case "percentWords" -> Kind.PERCENT_WORDS;
            case "fraction" -> Kind.FRACTION;
            case "zero" -> Kind.ZERO;
            case "doubling" -> Kind.DOUBLING;
            case "quantity" -> Kind.QUANTITY;
            default -> throw new IllegalArgumentException("unknown alternative kind " + kind + " in " + RESOURCE);
        };
    }

    /** The alternatives, in grammar order; alternative i is group {@code "a" + i} of {@link #master()}. */
    public List<Alternative> alternatives() {
        return alternatives;
    }

    /**
     * All alternatives joined, in order, each a named group a0, a1… without inner named groups, behind a lookahead for
     * the characters that can start one (the {@code start} class of the grammar).
     */
    public Pattern master() {
        return master;
    }

    /** The index of the alternative that produced the current match of a {@link #master()} matcher. */
    public int alternativeOf(Matcher masterMatch) {
        for (int i = 0; i < alternatives.size(); i++) {
            if (masterMatch.start(groupNames.get(i)) >= 0) {
                return i;
            }
        }
        throw new IllegalStateException("master matched no alternative");
    }

    /**
     * A regex matching any of {@code words}, the longest first, written as a character trie: 万(?:元|亩|人(?:次)?)…
     * A trie tests each character once where a flat alternation of 150 units would test every word in turn.
     */
    static String trie(java.util.Collection<String> words) {
        java.util.TreeMap<Character, java.util.List<String>> byFirst = new java.util.TreeMap<>();
        boolean terminal = false;
        for (String w : words) {
            if (w.isEmpty()) {
                terminal = true;
            } else {
                byFirst.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w.substring(1));
            }
        }
        if (byFirst.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(?:");
        boolean first = true;
        for (Map.Entry<Character, java.util.List<String>> e : byFirst.entrySet()) {
            if (!first) {
                sb.append('|');
            }
            first = false;
            sb.append(Pattern.quote(String.valueOf(e.getKey()))).append(trie(e.getValue()));
        }
        // an optional group is greedy: the longer words are tried before the word that ends here
        return sb.append(terminal ? ")?" : ")").toString();
    }

    /** Expands {name} references recursively; a reference cycle is an error. */
    private static final class Resolver {
        private final Map<String, String> raw;
        private final Map<String, String> resolved = new HashMap<>();

        Resolver(Map<String, String> raw) {
            this.raw = raw;
        }

        String resolve(String regex, Set<String> path) {
            Matcher m = REFERENCE.matcher(regex);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String body = raw.get(name);
                if (body == null) {
                    throw new IllegalArgumentException("unknown fragment {" + name + "} in " + RESOURCE);
                }
                String value;
                if (name.startsWith("@")) {
                    value = body; // table fragments are inserted verbatim (character class bodies, alternations)
                } else {
                    if (!path.add(name)) {
                        throw new IllegalArgumentException("fragment cycle through {" + name + "} in " + RESOURCE);
                    }
                    value = resolved.get(name);
                    if (value == null) {
                        value = "(?:" + resolve(body, path) + ")";
                        resolved.put(name, value);
                    }
                    path.remove(name);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }
}
