package io.zhibiao.extract.service;

import java.util.List;

import io.zhibiao.extract.engine.Extraction;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.engine.event.IndicatorEvent;

/** One extraction of one document: the engine's result and the indicator events built from it, in mention order. */
public record ExtractionResult(SourceDocument document, String extractionId, Extraction extraction,
                               List<IndicatorEvent> events) {

    public ExtractionResult {
        events = List.copyOf(events);
    }

    /** The publication date used: the one the engine found or kept, else the document's metadata. */
    public String publishedAt() {
        return extraction.publishedAt() != null ? extraction.publishedAt() : document.publishedAt();
    }
}
