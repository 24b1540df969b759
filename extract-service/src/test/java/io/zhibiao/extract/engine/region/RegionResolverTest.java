package io.zhibiao.extract.engine.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class RegionResolverTest {

    private static final RegionResolver RESOLVER = RegionResolver.standard();

    @Test
    void titleOutweighsText() {
        DocumentRegions regions = RESOLVER.resolve("我代表区人民政府向大会报告工作。深圳经济稳步增长。",
                "深圳市宝安区第七届人民代表大会第四次会议政府工作报告", null);
        assertEquals("440306", regions.documentRegion().orElseThrow().code());
    }

    @Test
    void hintByCodeOrName() {
        String text = "官桥镇2022年度政府工作规划。全镇完成投资5亿元。";
        assertEquals("430181130", RESOLVER.resolve(text, null, "430181").documentRegion().orElseThrow().code());
        assertEquals("421221102", RESOLVER.resolve(text, null, "咸宁市嘉鱼县").documentRegion().orElseThrow().code());
    }

    @Test
    void mentionsNarrowedByDocumentRegion() {
        DocumentRegions regions = RESOLVER.resolve("浏阳市官桥镇2022年度政府工作规划。官桥全镇经济向好。", null, null);
        assertTrue(regions.mentions().stream().allMatch(m -> m.division().code().startsWith("4301")),
                regions.mentions().toString());
    }

    @Test
    void regionForSpanUsesTheGivenSentence() {
        String text = "醴陵市政府工作报告。株洲市GDP增长5%，醴陵GDP增长8%。";
        DocumentRegions regions = RESOLVER.resolve(text, null, null);
        int eight = text.indexOf("8%");
        int sentence = text.indexOf("株洲");
        assertEquals("醴陵市", regions.regionForSpan(sentence, text.length(), eight).orElseThrow().name());
        assertEquals("株洲市", regions.regionForSpan(sentence, text.length(), text.indexOf("5%")).orElseThrow().name());
    }

    @Test
    void nationwideHasNoCode() {
        String text = "醴陵市政府工作报告。全国GDP增长5.2%。";
        Optional<FactRegion> region = RESOLVER.resolve(text, null, null).regionAt(text.indexOf("5.2"));
        assertEquals(FactRegion.NATIONWIDE, region.orElseThrow());
        assertEquals(null, region.get().code());
    }

    @Test
    void nothingToResolve() {
        DocumentRegions regions = RESOLVER.resolve("", null, null);
        assertTrue(regions.documentRegion().isEmpty());
        assertTrue(regions.regionAt(0).isEmpty());
    }
}
