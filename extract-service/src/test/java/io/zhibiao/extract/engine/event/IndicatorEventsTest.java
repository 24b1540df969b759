package io.zhibiao.extract.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.zhibiao.extract.engine.Extraction;
import io.zhibiao.extract.engine.ExtractionEngine;
import io.zhibiao.extract.engine.IndicatorMention;
import io.zhibiao.extract.engine.RegionRef;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.testkit.EventSchemas;

class IndicatorEventsTest {

    private static final SourceDocument DOC = new SourceDocument("doc-1", "ext-1", "标题", null, "2024-01-23", null,
            "text/plain", "地区生产总值达738亿元。");
    private static final RegionRef LILING = new RegionRef("醴陵市", "430281", "COUNTY",
            List.of(new RegionRef("株洲市", "430200", "PREFECTURE", List.of()), new RegionRef("湖南省", "430000", "PROVINCE", List.of())));
    private static final Extraction EXTRACTION = new Extraction(DOC.content(), "2024-01-23", LILING, List.of(
            new IndicatorMention(0, "738亿元", 7, 12, "地区生产总值达738亿元。", "地区生产总值", "GDP", 7.38e10, "CNY", null,
                    "LEVEL", "EQ", "ACTUAL", 2023, 2023, false, LILING),
            new IndicatorMention(1, "8%", 0, 2, "x", "未知", null, 8, "PERCENT", null, "GROWTH_RATE", "GE", "TARGET",
                    null, null, true, null)));

    @Test
    void extractionIdIsStableAndDependsOnContent() {
        String a = IndicatorEvents.extractionId(DOC, null);
        assertThat(IndicatorEvents.extractionId(DOC, null)).isEqualTo(a);
        SourceDocument changed = new SourceDocument("doc-1", "ext-1", "标题", null, "2024-01-23", null, "text/plain", "别的内容");
        assertThat(IndicatorEvents.extractionId(changed, null)).isNotEqualTo(a);
        assertThat(IndicatorEvents.extractionId(DOC, "abc")).isNotEqualTo(a).isEqualTo(IndicatorEvents.extractionId(DOC, "abc"));
    }

    @Test
    void eventsFollowTheSchemaWithNullsWritten() throws Exception {
        List<IndicatorEvent> events = IndicatorEvents.events(DOC, EXTRACTION, "x-1");
        assertThat(events).extracting(IndicatorEvent::eventId).containsExactly("x-1-0", "x-1-1");
        for (IndicatorEvent e : events) {
            String json = IndicatorEvents.mapper().writeValueAsString(e);
            assertThat(EventSchemas.violations("indicator", json)).as(json).isEmpty();
        }
        JsonNode second = IndicatorEvents.mapper().readTree(IndicatorEvents.mapper().writeValueAsString(events.get(1)));
        assertThat(second.get("indicator").has("code")).isTrue();
        assertThat(second.get("indicator").get("code").isNull()).isTrue();
        assertThat(second.get("region").get("name").isNull()).isTrue();
        assertThat(second.get("period").get("start").isNull()).isTrue();
        assertThat(second.get("measureWord").isNull()).isTrue();
        JsonNode first = IndicatorEvents.mapper().readTree(IndicatorEvents.mapper().writeValueAsString(events.get(0)));
        assertThat(first.get("value").asDouble()).isEqualTo(7.38e10);
        assertThat(first.get("region").get("parents").get(0).get("code").asText()).isEqualTo("430200");
        assertThat(first.get("extractorVersion").asText()).isEqualTo(ExtractionEngine.version());
        assertThat(first.get("publishedAt").asText()).isEqualTo("2024-01-23");
    }
}
