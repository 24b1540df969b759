package io.zhibiao.extract.messaging;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.zhibiao.extract.config.ExtractConfig;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.engine.event.IndicatorEvents;
import io.zhibiao.extract.mapping.DocumentRecord;
import io.zhibiao.extract.mapping.DocumentRecordReader;
import io.zhibiao.extract.mapping.EventRegions;
import io.zhibiao.extract.mapping.ExtractionRecord;
import io.zhibiao.extract.mapping.InvalidDocumentException;
import io.zhibiao.extract.mapping.SourceDocuments;
import io.zhibiao.extract.service.ExtractionFailedException;
import io.zhibiao.extract.service.ExtractionMetrics;
import io.zhibiao.extract.service.ExtractionMetrics.FailureReason;
import io.zhibiao.extract.service.ExtractionResult;
import io.zhibiao.extract.service.ExtractionService;

/**
 * Consumes the documents topic: extracts each document, publishes its indicator events and then its extraction
 * record, and only then acknowledges the document. A document that cannot be extracted is nacked and lands on
 * documents-dlq (failure-strategy=dead-letter-queue) with the error as reason; when its id is known a FAILED
 * extraction record tells the read model. Either way the next record is processed: one bad record never blocks
 * the partition.
 */
@ApplicationScoped
public class DocumentProcessor {

    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class);

    private final ExtractionService service;
    private final ExtractionPublisher publisher;
    private final ExtractionMetrics metrics;
    private final ExtractConfig config;
    private final DocumentRecordReader reader = new DocumentRecordReader(IndicatorEvents.mapper());

    public DocumentProcessor(ExtractionService service, ExtractionPublisher publisher, ExtractionMetrics metrics,
                             ExtractConfig config) {
        this.service = service;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
    }

    /** Ordered blocking: one document at a time, so a document's records are never interleaved with another's. */
    @Incoming(Channels.DOCUMENTS)
    @Blocking
    public CompletionStage<Void> process(Message<byte[]> message) {
        DocumentRecord record = null;
        try {
            record = reader.read(message.getPayload());
            SourceDocument doc = SourceDocuments.of(record.documentId(), record.externalId(), record.title(),
                    record.url(), record.publishedAt(), record.regionHint(), record.contentType(), "content",
                    record.content(), config.maxContentChars());
            ExtractionResult result = service.extract(doc, record.contentSha256(), ExtractionMetrics.Source.KAFKA);
            ExtractionRecord extraction = ExtractionRecord.extracted(doc.documentId(), doc.externalId(),
                    result.extractionId(), service.extractorVersion(), result.events().size(), doc.title(),
                    result.publishedAt(), EventRegions.of(result.extraction().documentRegion()), Instant.now());
            publisher.publish(doc.documentId(), result.events(), extraction, config.publishTimeout());
            metrics.documentExtracted(result.events().size());
            LOG.debugf("Document %s: %d indicator events, extraction %s", doc.documentId(), result.events().size(),
                    result.extractionId());
            return message.ack();
        } catch (InvalidDocumentException e) {
            DocumentRecord known = record != null ? record : idOnly(e.documentId());
            return fail(message, FailureReason.INVALID, e, known, true);
        } catch (ExtractionFailedException e) {
            return fail(message, FailureReason.ENGINE, e, record, true);
        } catch (PublishFailedException e) {
            // no FAILED record: the broker is what failed, and the dead letter keeps the document for a replay
            return fail(message, FailureReason.PUBLISH, e, record, false);
        }
    }

    /**
     * Publishes a FAILED extraction when the document's id is known, then nacks, which sends the original record to
     * documents-dlq with the error message as dead-letter-reason.
     */
    private CompletionStage<Void> fail(Message<byte[]> message, FailureReason reason, RuntimeException error,
                                       DocumentRecord record, boolean publishFailedRecord) {
        metrics.documentFailed(reason);
        if (record != null && publishFailedRecord) {
            publishFailed(record, error);
        }
        LOG.warnf("Document %s dead-lettered to %s (%s): %s", record == null ? "?" : record.documentId(),
                Channels.DOCUMENTS_DLQ, reason, error.getMessage());
        return message.nack(error);
    }

    /** A failure to publish the FAILED record must not hide the original error, which still goes to the dead letter. */
    private void publishFailed(DocumentRecord record, RuntimeException error) {
        SourceDocument doc = new SourceDocument(record.documentId(), record.externalId(), record.title(), record.url(),
                record.publishedAt(), record.regionHint(), record.contentType(), record.content());
        // an invalid record's publishedAt may be what is wrong with it
        String publishedAt = error instanceof InvalidDocumentException ? null : record.publishedAt();
        ExtractionRecord failed = ExtractionRecord.failed(record.documentId(), record.externalId(),
                IndicatorEvents.extractionId(doc, record.contentSha256()), service.extractorVersion(), record.title(),
                publishedAt, error.getMessage(), Instant.now());
        try {
            publisher.publishExtraction(record.documentId(), failed, config.publishTimeout());
        } catch (PublishFailedException e) {
            error.addSuppressed(e);
            LOG.errorf(e, "Could not publish the FAILED extraction of document %s", record.documentId());
        }
    }

    private static DocumentRecord idOnly(String documentId) {
        return documentId == null ? null : new DocumentRecord(documentId, null, null, null, null, null, null, null, null);
    }
}
