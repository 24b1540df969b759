package io.zhibiao.query.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.zhibiao.query.DocumentEvent;
import io.zhibiao.query.DocumentStatus;
import io.zhibiao.query.ExtractionEvent;
import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.IndicatorsPromoted;
import io.zhibiao.query.PromotedIndicator;
import io.zhibiao.query.mapping.EventReader;
import io.zhibiao.query.repository.DocumentStateRepository;
import io.zhibiao.query.repository.DocumentStateRepository.DocumentState;
import io.zhibiao.query.repository.ExtractionRepository;
import io.zhibiao.query.repository.ExtractionRepository.ExtractionState;
import io.zhibiao.query.repository.IndicatorRepository;

/**
 * The rules that keep the read model equal to each document's latest complete extraction.
 * <p>
 * Indicator events are staged under their extraction id. An extraction becomes the document's
 * current one when its completion record is there, all its events are there (checked whichever of
 * the two arrives last), and it completed after the current one. Promotion happens in one
 * transaction: the document switches, the new rows become current, the superseded rows go. A
 * FAILED extraction is promoted the same way, with no indicators. Every path that may promote first
 * takes the promotion lock (so stream numbers commit in order); every path then locks the document
 * row, so concurrent consumers of the three topics see each other's committed work.
 */
@ApplicationScoped
public class ReadModelService {

    private static final Logger LOG = Logger.getLogger(ReadModelService.class);

    private final DocumentStateRepository documents;
    private final ExtractionRepository extractions;
    private final IndicatorRepository indicators;
    private final Event<IndicatorsPromoted> promoted;

    public ReadModelService(DocumentStateRepository documents, ExtractionRepository extractions,
                            IndicatorRepository indicators, Event<IndicatorsPromoted> promoted) {
        this.documents = documents;
        this.extractions = extractions;
        this.indicators = indicators;
        this.promoted = promoted;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onDocument(DocumentEvent e) {
        documents.upsertMetadata(e);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onIndicator(IndicatorEvent e) {
        indicators.orderPromotions();
        documents.ensureExists(e.documentId(), e.externalId(), e.title(), EventReader.date(e.publishedAt()));
        DocumentState doc = documents.lock(e.documentId());
        boolean inserted = indicators.insert(e, e.extractionId().equals(doc.currentExtractionId()));
        if (inserted) {
            settle(doc, e.extractionId());
        }
    }

    /**
     * Stores the indicator events of one consumer batch in the caller's transaction: the same
     * rules as {@link #onIndicator} once per event, but each document is created and locked once
     * (in id order, so two batches cannot deadlock), the rows go in one JDBC batch, and each
     * extraction that received rows is settled once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onIndicators(List<IndicatorEvent> events) {
        indicators.orderPromotions();
        Map<String, IndicatorEvent> firstOfDocument = new TreeMap<>();
        for (IndicatorEvent e : events) {
            firstOfDocument.putIfAbsent(e.documentId(), e);
        }
        Map<String, DocumentState> locked = new HashMap<>();
        for (IndicatorEvent e : firstOfDocument.values()) {
            documents.ensureExists(e.documentId(), e.externalId(), e.title(), EventReader.date(e.publishedAt()));
            locked.put(e.documentId(), documents.lock(e.documentId()));
        }
        List<Boolean> current = events.stream()
                .map(e -> e.extractionId().equals(locked.get(e.documentId()).currentExtractionId())).toList();
        boolean[] inserted = indicators.insertAll(events, current);
        Map<String, String> toSettle = new LinkedHashMap<>(); // extraction id -> document id
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                toSettle.putIfAbsent(events.get(i).extractionId(), events.get(i).documentId());
            }
        }
        // re-read the (already locked) document before each settle: an earlier one may have promoted
        toSettle.forEach((extractionId, documentId) -> settle(documents.lock(documentId), extractionId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onExtraction(ExtractionEvent e) {
        indicators.orderPromotions();
        documents.ensureExists(e.documentId(), e.externalId(), e.title(), EventReader.date(e.publishedAt()));
        DocumentState doc = documents.lock(e.documentId());
        extractions.insertIfAbsent(e);
        settle(doc, e.extractionId());
        if ("FAILED".equals(e.status())) {
            LOG.infof("extraction %s of document %s failed: %s", e.extractionId(), e.documentId(), e.error());
        }
    }

    /** Promotes the extraction if it is complete and newest; drops its rows if it can never be. */
    private void settle(DocumentState doc, String extractionId) {
        Optional<ExtractionState> found = extractions.find(extractionId);
        if (found.isEmpty()) {
            return; // its completion record has not arrived yet: stay staged
        }
        ExtractionState ex = found.get();
        if (ex.promoted() && extractionId.equals(doc.currentExtractionId())) {
            return;
        }
        if (doc.currentExtractionId() != null && !ex.isAfter(doc.currentCompletedAt(), doc.currentExtractionId())) {
            // an older run that completed late: it must not replace the newer one, nor linger
            int dropped = indicators.deleteExtraction(extractionId);
            LOG.debugf("extraction %s of %s is older than %s: dropped %d rows", extractionId, doc.id(),
                    doc.currentExtractionId(), dropped);
            return;
        }
        boolean failed = "FAILED".equals(ex.status());
        int received = indicators.countExtraction(extractionId);
        if (!failed && received < ex.expectedCount()) {
            extractions.updateReceived(extractionId, received, false);
            return;
        }
        indicators.deleteSuperseded(doc.id(), extractionId, ex.completedAt());
        List<PromotedIndicator> current;
        if (failed) {
            indicators.deleteExtraction(extractionId);
            current = List.of();
        } else {
            current = indicators.markCurrent(extractionId);
        }
        extractions.updateReceived(extractionId, received, true);
        documents.promote(doc.id(), extractionId, ex.completedAt(), failed ? DocumentStatus.FAILED : DocumentStatus.EXTRACTED,
                ex.extractorVersion(), current.size(), ex.error(), ex.title(), ex.publishedAt(), ex.regionCode(),
                ex.regionName());
        if (!current.isEmpty()) {
            promoted.fire(new IndicatorsPromoted(current));
        }
    }
}
