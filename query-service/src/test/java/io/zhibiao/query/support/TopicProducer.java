package io.zhibiao.query.support;

import org.eclipse.microprofile.config.ConfigProvider;

import io.zhibiao.testkit.TopicWriter;

/**
 * Sends the read model's fixtures on the test broker with a plain producer, each checked against
 * its event schema before sending (except records meant to be poison).
 */
public final class TopicProducer implements AutoCloseable {

    private final TopicWriter writer =
            new TopicWriter(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    public void document(DocumentFixture doc) {
        writer.sendChecked("documents", "document", doc.documentId(), doc.toJson());
    }

    public void indicator(IndicatorFixture indicator) {
        writer.sendChecked("indicators", "indicator", indicator.documentId(), indicator.toJson());
    }

    public void extraction(ExtractionFixture extraction) {
        writer.sendChecked("extractions", "extraction", extraction.documentId(), extraction.toJson());
    }

    /** Sends a record as is, without schema validation: for poison-record tests. */
    public void raw(String topic, String key, String value) {
        writer.send(topic, key, value);
    }

    @Override
    public void close() {
        writer.close();
    }
}
