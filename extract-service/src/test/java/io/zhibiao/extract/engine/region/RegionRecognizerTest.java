package io.zhibiao.extract.engine.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RegionRecognizerTest {

    private static final RegionRecognizer RECOGNIZER = RegionRecognizer.standard(Gazetteer.fromClasspath());

    @Test
    void spansAndKinds() {
        List<RegionMention> mentions = RECOGNIZER.recognize("萍乡湘东区");
        assertEquals(2, mentions.size());
        assertEquals(new RegionMention(0, 2, "萍乡", mentions.get(0).candidates(), RegionMention.Kind.SHORT_NAME),
                mentions.get(0));
        assertEquals(RegionMention.Kind.FULL_NAME, mentions.get(1).kind());
        assertEquals("360313", mentions.get(1).candidates().get(0).code());
    }

    @Test
    void sharedFullNamesKeepAllCandidates() {
        RegionMention m = RECOGNIZER.recognize("城关镇").get(0);
        assertFalse(m.isUnambiguous());
        assertTrue(m.candidates().size() > 50);
    }

    @Test
    void contextCodesConfirmTownShortNames() {
        assertTrue(RECOGNIZER.recognize("官桥").isEmpty());
        List<RegionMention> m = RECOGNIZER.recognize("官桥", Set.of("430181"));
        assertEquals("430181130", m.get(0).candidates().get(0).code());
        assertEquals(1, m.get(0).candidates().size());
    }

    @Test
    void dictionaryTermsLeaveOutWordsAndTownShortNames() {
        List<String> terms = RECOGNIZER.dictionaryTerms();
        assertTrue(terms.contains("萍乡市"));
        assertTrue(terms.contains("萍乡"));
        assertTrue(terms.contains("上埠镇"));
        assertFalse(terms.contains("上埠"));
        assertFalse(terms.contains("新兴"));
        assertFalse(terms.contains("城区"));
    }

    @Test
    void emptyText() {
        assertEquals(List.of(), RECOGNIZER.recognize(""));
        assertEquals(List.of(), RECOGNIZER.recognize(null));
    }
}
