package io.zhibiao.extract.engine;

import java.util.List;

/** The result of one extraction: the cleaned text all offsets refer to, the publication date found, and the mentions in text order. */
public record Extraction(String cleanedText, String publishedAt, RegionRef documentRegion, List<IndicatorMention> mentions) {

    public Extraction {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
