package io.zhibiao.extract.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Vetoed;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zhibiao.extract.config.ExtractConfig;
import io.zhibiao.extract.engine.Extraction;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.engine.event.IndicatorEvent;
import io.zhibiao.extract.mapping.ExtractionRecord;
import io.zhibiao.extract.service.ExtractionFailedException;
import io.zhibiao.extract.service.ExtractionMetrics;
import io.zhibiao.extract.service.ExtractionResult;
import io.zhibiao.extract.service.ExtractionService;

/**
 * The failure paths no real document can trigger (the engine throwing, the broker refusing), with the processor's
 * collaborators replaced; the happy path and poison records run against a real broker in DocumentProcessorTest.
 */
class DocumentProcessorFailureTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExtractionMetrics metrics = new ExtractionMetrics(registry);
    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void engineFailureGivesAFailedExtractionAndANack() {
        DocumentProcessor processor = new DocumentProcessor(new FailingService(metrics, config()), publisher, metrics, config());
        String id = UUID.randomUUID().toString();
        TestMessage message = new TestMessage(document(id));

        processor.process(message);

        assertThat(message.nacked.get()).isInstanceOf(ExtractionFailedException.class)
                .hasMessageContaining("grammar exploded");
        assertThat(message.acked).isFalse();
        assertThat(publisher.extractions).singleElement().satisfies(failed -> {
            assertThat(failed.status()).isEqualTo(ExtractionRecord.Status.FAILED);
            assertThat(failed.documentId()).isEqualTo(id);
            assertThat(failed.indicatorCount()).isZero();
            assertThat(failed.error()).contains("grammar exploded");
        });
        assertThat(registry.counter("zhibiao.extract.failures", "reason", "engine").count()).isEqualTo(1);
    }

    @Test
    void publishFailureNacksWithoutAFailedExtraction() {
        publisher.refuse = true;
        DocumentProcessor processor = new DocumentProcessor(new EmptyService(metrics, config()), publisher, metrics, config());
        TestMessage message = new TestMessage(document(UUID.randomUUID().toString()));

        processor.process(message);

        assertThat(message.nacked.get()).isInstanceOf(PublishFailedException.class);
        assertThat(publisher.extractions).as("the broker is what failed: nothing more is sent").isEmpty();
        assertThat(registry.counter("zhibiao.extract.failures", "reason", "publish").count()).isEqualTo(1);
    }

    @Test
    void extractedDocumentIsAckedAfterItsRecordsArePublished() {
        DocumentProcessor processor = new DocumentProcessor(new EmptyService(metrics, config()), publisher, metrics, config());
        TestMessage message = new TestMessage(document(UUID.randomUUID().toString()));

        processor.process(message);

        assertThat(message.acked).isTrue();
        assertThat(message.nacked.get()).isNull();
        assertThat(publisher.extractions).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ExtractionRecord.Status.EXTRACTED));
        assertThat(registry.counter("zhibiao.extract.documents", "outcome", "extracted").count()).isEqualTo(1);
    }

    private static byte[] document(String id) {
        return DocumentRecords.json(DocumentRecords.document(id, "text/plain", "全年地区生产总值738亿元。", "2024-01-20"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ExtractConfig config() {
        return new ExtractConfig() {
            @Override
            public Duration publishTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int maxContentChars() {
                return 10_000;
            }

            @Override
            public WarmUp warmUp() {
                throw new UnsupportedOperationException("no warm-up in this test");
            }
        };
    }

    /** An engine that throws, as a real one might on a grammar bug. */
    @Vetoed // not a bean: @ApplicationScoped is inherited, and the application must keep the real service
    private static final class FailingService extends ExtractionService {
        FailingService(ExtractionMetrics metrics, ExtractConfig config) {
            super(null, metrics, config);
        }

        @Override
        public ExtractionResult extract(SourceDocument doc, String contentSha256, ExtractionMetrics.Source source) {
            throw new ExtractionFailedException(doc.documentId(), new IllegalStateException("grammar exploded"));
        }
    }

    /** An engine that finds nothing: enough to exercise publishing. */
    @Vetoed // not a bean: @ApplicationScoped is inherited, and the application must keep the real service
    private static final class EmptyService extends ExtractionService {
        EmptyService(ExtractionMetrics metrics, ExtractConfig config) {
            super(null, metrics, config);
        }

        @Override
        public ExtractionResult extract(SourceDocument doc, String contentSha256, ExtractionMetrics.Source source) {
            return new ExtractionResult(doc, "x", new Extraction(doc.content(), doc.publishedAt(), null, List.of()), List.of());
        }
    }

    @Vetoed
    private static final class RecordingPublisher extends ExtractionPublisher {
        final List<ExtractionRecord> extractions = new ArrayList<>();
        boolean refuse;

        RecordingPublisher() {
            super(null, null);
        }

        @Override
        public void publish(String documentId, List<IndicatorEvent> events, ExtractionRecord extraction, Duration timeout) {
            if (refuse) {
                throw new PublishFailedException("broker refused", new IllegalStateException("not enough replicas"));
            }
            publishExtraction(documentId, extraction, timeout);
        }

        @Override
        public void publishExtraction(String documentId, ExtractionRecord extraction, Duration timeout) {
            if (refuse) {
                throw new PublishFailedException("broker refused", new IllegalStateException("not enough replicas"));
            }
            extractions.add(extraction);
        }
    }

    private static final class TestMessage implements Message<byte[]> {
        private final byte[] payload;
        boolean acked;
        final AtomicReference<Throwable> nacked = new AtomicReference<>();

        TestMessage(byte[] payload) {
            this.payload = payload;
        }

        @Override
        public byte[] getPayload() {
            return payload;
        }

        @Override
        public CompletableFuture<Void> ack() {
            acked = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> nack(Throwable reason, org.eclipse.microprofile.reactive.messaging.Metadata metadata) {
            nacked.set(reason);
            return CompletableFuture.completedFuture(null);
        }
    }
}
