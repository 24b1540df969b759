package io.zhibiao.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.zhibiao.query.repository.IndicatorSql;

/**
 * The region+descendants page is served by an index on a prefix of region_code (V2 migration);
 * that is exact only if, over the whole gazetteer, the divisions under a region are exactly the
 * codes that share its prefix. These tests check that against divisions.tsv.
 */
class DescendantPrefixTest {

    private static final Map<String, String> PARENT = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DescendantPrefixTest.class.getClassLoader().getResourceAsStream("gazetteer/divisions.tsv")) {
            assertThat(in).as("gazetteer/divisions.tsv on the classpath").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                PARENT.put(cols[0], cols[4].isEmpty() ? null : cols[4]);
            }
        }
    }

    @ParameterizedTest(name = "{0}: prefix of {1} digits")
    @CsvSource({"430000, 2", "110000, 2", "430200, 4", "441900, 4", "430281, 6", "429004, 6", "430281004, 0", "43, 0"})
    void prefixLength(String region, int digits) {
        assertThat(IndicatorSql.descendantPrefix(region)).isEqualTo(digits);
    }

    @Test
    void everyDivisionSharesThePrefixOfEachAncestor() {
        List<String> broken = new ArrayList<>();
        for (String code : PARENT.keySet()) {
            for (String up = PARENT.get(code); up != null; up = PARENT.get(up)) {
                int digits = IndicatorSql.descendantPrefix(up);
                if (digits == 0 || !code.startsWith(up.substring(0, digits))) {
                    broken.add(code + " under " + up);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyCodeWithThePrefixOfARegionIsUnderIt() {
        Map<String, Set<String>> byPrefix = new HashMap<>();
        for (String code : PARENT.keySet()) {
            for (int digits : new int[] {2, 4, 6}) {
                byPrefix.computeIfAbsent(code.substring(0, digits), k -> new HashSet<>()).add(code);
            }
        }
        List<String> strays = new ArrayList<>();
        for (String region : PARENT.keySet()) {
            int digits = IndicatorSql.descendantPrefix(region);
            if (digits == 0) {
                continue;
            }
            for (String code : byPrefix.get(region.substring(0, digits))) {
                if (!code.equals(region) && !ancestors(code).contains(region)) {
                    strays.add(code + " is not under " + region);
                }
            }
        }
        assertThat(strays).isEmpty();
    }

    private static Set<String> ancestors(String code) {
        Set<String> up = new HashSet<>();
        for (String p = PARENT.get(code); p != null; p = PARENT.get(p)) {
            up.add(p);
        }
        return up;
    }
}
