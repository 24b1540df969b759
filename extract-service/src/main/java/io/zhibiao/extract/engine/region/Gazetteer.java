package io.zhibiao.extract.engine.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable table of the administrative divisions of mainland China, read from
 * {@code gazetteer/divisions.tsv} (see {@code extract-service/scripts/build-gazetteer.sh}).
 *
 * <p>Lookups by code are unique; lookups by name are multi-valued because names repeat
 * (129 towns are called 城关镇, two districts 朝阳区). Thread-safe.
 */
public final class Gazetteer {

    /** Classpath location of the generated table. */
    public static final String RESOURCE = "/gazetteer/divisions.tsv";

    private final List<Division> divisions;
    private final Map<String, Division> byCode;
    private final Map<String, List<Division>> byName;
    private final Map<String, List<Division>> byShortName;
    private final Map<String, List<Division>> children;

    /** Builds the indexes over the given divisions; parents must be among them. */
    public Gazetteer(Collection<Division> divisions) {
        this.divisions = List.copyOf(divisions);
        Map<String, Division> codes = new HashMap<>(divisions.size() * 2);
        Map<String, List<Division>> names = new HashMap<>(divisions.size() * 2);
        Map<String, List<Division>> shortNames = new HashMap<>(divisions.size() * 2);
        Map<String, List<Division>> kids = new HashMap<>(divisions.size());
        for (Division d : this.divisions) {
            if (codes.putIfAbsent(d.code(), d) != null) {
                throw new IllegalArgumentException("duplicate division code " + d.code());
            }
            names.computeIfAbsent(d.name(), k -> new ArrayList<>(1)).add(d);
            if (d.hasShortName()) {
                shortNames.computeIfAbsent(d.shortName(), k -> new ArrayList<>(1)).add(d);
            }
            if (d.parentCode() != null) {
                kids.computeIfAbsent(d.parentCode(), k -> new ArrayList<>()).add(d);
            }
        }
        for (Division d : this.divisions) {
            if (d.parentCode() != null && !codes.containsKey(d.parentCode())) {
                throw new IllegalArgumentException("unknown parent " + d.parentCode() + " of " + d);
            }
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.byName = freeze(names);
        this.byShortName = freeze(shortNames);
        this.children = freeze(kids);
    }

    /**
     * Reads a gazetteer TSV: lines starting with {@code #} are comments; columns are
     * {@code code name shortName level parentCode}, tab-separated, UTF-8.
     *
     * @throws UncheckedIOException when the stream cannot be read
     * @throws IllegalArgumentException on a malformed line
     */
    public static Gazetteer load(InputStream in) {
        List<Division> rows = new ArrayList<>(50_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < 4) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected 5 columns: " + line);
                }
                String parent = cols.length > 4 ? cols[4] : "";
                rows.add(new Division(cols[0], cols[1], cols[2], DivisionLevel.valueOf(cols[3]), parent));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer", e);
        }
        return new Gazetteer(rows);
    }

    /**
     * The gazetteer shipped on the classpath ({@value #RESOURCE}), loaded once on first
     * use and shared: it is immutable.
     */
    public static Gazetteer fromClasspath() {
        return ClasspathHolder.INSTANCE;
    }

    /** All divisions, in file order (provinces, prefectures, counties, towns). */
    public List<Division> all() {
        return divisions;
    }

    public int size() {
        return divisions.size();
    }

    public Optional<Division> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Divisions whose official full name is {@code name} (城关镇 gives 129). */
    public List<Division> byName(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /** Divisions whose short name is {@code shortName}; those without a short name are not listed. */
    public List<Division> byShortName(String shortName) {
        return byShortName.getOrDefault(shortName, List.of());
    }

    /** Divisions named {@code name} either in full or in short form, full-name matches first. */
    public List<Division> byAnyName(String name) {
        List<Division> full = byName(name);
        List<Division> shortOnes = byShortName(name);
        if (shortOnes.isEmpty()) {
            return full;
        }
        if (full.isEmpty()) {
            return shortOnes;
        }
        List<Division> both = new ArrayList<>(full);
        both.addAll(shortOnes);
        return List.copyOf(both);
    }

    public Optional<Division> parent(Division division) {
        return byCode(division.parentCode());
    }

    /** The enclosing divisions of {@code code}, nearest first (上埠镇 → 芦溪县, 萍乡市, 江西省); empty if unknown. */
    public List<Division> ancestors(String code) {
        Division d = byCode.get(code);
        if (d == null) {
            return List.of();
        }
        List<Division> chain = new ArrayList<>(3);
        for (Division p = lookup(d.parentCode()); p != null; p = lookup(p.parentCode())) {
            chain.add(p);
        }
        return Collections.unmodifiableList(chain);
    }

    /** Direct sub-divisions of {@code code}. */
    public List<Division> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /**
     * True when {@code code} is {@code ancestorCode} itself or lies inside it.
     * Unknown codes are within nothing.
     */
    public boolean isWithin(String code, String ancestorCode) {
        if (code == null || ancestorCode == null) {
            return false;
        }
        for (Division d = byCode.get(code); d != null; d = lookup(d.parentCode())) {
            if (d.code().equals(ancestorCode)) {
                return true;
            }
        }
        return false;
    }

    private Division lookup(String code) {
        return code == null ? null : byCode.get(code);
    }

    private static Map<String, List<Division>> freeze(Map<String, List<Division>> map) {
        Map<String, List<Division>> copy = new HashMap<>(map.size() * 2);
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static final class ClasspathHolder {
        static final Gazetteer INSTANCE = loadResource();

        private static Gazetteer loadResource() {
            InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return load(in);
        }
    }
}
