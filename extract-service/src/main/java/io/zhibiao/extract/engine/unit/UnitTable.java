package io.zhibiao.extract.engine.unit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Immutable table of the units written after numbers, read from {@code grammar/units.tsv}. Thread-safe. */
public final class UnitTable {

    /** Classpath location of the table. */
    public static final String RESOURCE = "/grammar/units.tsv";

    private final Map<String, Unit> bySurface;

    /** Indexes the given units by surface; a surface may appear once. */
    public UnitTable(Collection<Unit> units) {
        Map<String, Unit> map = new LinkedHashMap<>();
        for (Unit u : units) {
            if (map.putIfAbsent(u.surface(), u) != null) {
                throw new IllegalArgumentException("duplicate unit surface " + u.surface());
            }
        }
        this.bySurface = Map.copyOf(map);
    }

    /** Loads {@link #RESOURCE} from the classpath. */
    public static UnitTable fromClasspath() {
        try (InputStream in = UnitTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses the TSV layout of units.tsv: surface, code, factor, measure_word; # comments and the header skipped. */
    public static UnitTable parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<Unit> units = new java.util.ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("surface\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": expected 4 columns: " + line);
            }
            units.add(new Unit(f[0], f[1], Double.parseDouble(f[2]), Boolean.parseBoolean(f[3])));
        }
        return new UnitTable(units);
    }

    /** The unit written exactly as {@code surface}. */
    public Optional<Unit> find(String surface) {
        return Optional.ofNullable(bySurface.get(surface));
    }

    /** All units. */
    public Collection<Unit> units() {
        return bySurface.values();
    }

}
