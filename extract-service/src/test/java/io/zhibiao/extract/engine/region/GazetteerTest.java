package io.zhibiao.extract.engine.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class GazetteerTest {

    private static final Gazetteer GAZETTEER = Gazetteer.fromClasspath();

    @Test
    void loadsAllLevels() {
        assertTrue(GAZETTEER.size() > 40_000, "size " + GAZETTEER.size());
        for (DivisionLevel level : DivisionLevel.values()) {
            assertTrue(GAZETTEER.all().stream().anyMatch(d -> d.level() == level), level.name());
        }
    }

    @Test
    void loadsTheSameDivisionsFromAStream() {
        // load time is a benchmark figure (docs/benchmarks.md), never a timed unit test
        Gazetteer g = Gazetteer.load(Gazetteer.class.getResourceAsStream(Gazetteer.RESOURCE));
        assertEquals(GAZETTEER.size(), g.size());
        assertEquals(GAZETTEER.byCode("430281"), g.byCode("430281"));
    }

    @Test
    void codesAndShortNames() {
        Division town = GAZETTEER.byCode("360323103").orElseThrow();
        assertEquals(new Division("360323103", "上埠镇", "上埠", DivisionLevel.TOWN, "360323"), town);
        assertEquals("镇", town.suffix());
        assertEquals("萍乡", GAZETTEER.byCode("360300").orElseThrow().shortName());
        assertEquals("内蒙古", GAZETTEER.byCode("150000").orElseThrow().shortName());
        assertEquals("恩施", GAZETTEER.byCode("422800").orElseThrow().shortName());
        assertEquals("和县", GAZETTEER.byCode("340523").orElseThrow().shortName(), "one char left: keep the name");
        assertEquals("坑梓", GAZETTEER.byCode("440310005").orElseThrow().shortName());
    }

    @Test
    void ancestorsNearestFirst() {
        List<String> names = GAZETTEER.ancestors("360323103").stream().map(Division::name).toList();
        assertEquals(List.of("芦溪县", "萍乡市", "江西省"), names);
        assertEquals(List.of(), GAZETTEER.ancestors("360000"));
        assertEquals(List.of(), GAZETTEER.ancestors("999999"));
    }

    @Test
    void municipalitiesHaveNoPlaceholderLevel() {
        assertEquals("110000", GAZETTEER.byCode("110105").orElseThrow().parentCode(), "北京市朝阳区");
        assertTrue(GAZETTEER.byName("市辖区").isEmpty());
        assertEquals("420000", GAZETTEER.byCode("429004").orElseThrow().parentCode(), "仙桃市");
        assertEquals("441900", GAZETTEER.byCode("441900003").orElseThrow().parentCode(), "东莞 streets");
    }

    @Test
    void namesAreMultiValued() {
        assertTrue(GAZETTEER.byName("城关镇").size() > 50);
        assertEquals(7, GAZETTEER.byName("官桥镇").size());
        assertTrue(GAZETTEER.byShortName("官桥").size() >= 7);
        assertEquals(2, GAZETTEER.byName("朝阳区").size());
        assertFalse(GAZETTEER.byAnyName("萍乡").isEmpty());
    }

    @Test
    void withinAndChildren() {
        assertTrue(GAZETTEER.isWithin("430181130", "430100"));
        assertTrue(GAZETTEER.isWithin("430181", "430181"));
        assertFalse(GAZETTEER.isWithin("430281", "430100"));
        assertFalse(GAZETTEER.isWithin(null, "430100"));
        assertTrue(GAZETTEER.children("360300").stream().anyMatch(d -> d.name().equals("湘东区")));
    }

    @Test
    void rejectsUnknownParents() {
        String tsv = "# test\n100000\t甲省\t甲\tPROVINCE\t\n100100\t乙市\t乙\tPREFECTURE\t990000\n";
        assertThrows(IllegalArgumentException.class,
                () -> Gazetteer.load(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8))));
    }
}
