package io.zhibiao.extract.messaging;

/** Channel and topic names, shared with the tests. Channels carry the name of their topic. */
public final class Channels {

    /** Incoming documents (docs/events/document.schema.json), key documentId. */
    public static final String DOCUMENTS = "documents";
    /** Outgoing indicator events (docs/events/indicator.schema.json), key documentId. */
    public static final String INDICATORS = "indicators";
    /** Outgoing extraction records (docs/events/extraction.schema.json), key documentId. */
    public static final String EXTRACTIONS = "extractions";
    /** Dead letters of {@link #DOCUMENTS}, written by SmallRye's dead-letter-queue failure strategy. */
    public static final String DOCUMENTS_DLQ = "documents-dlq";

    private Channels() {
    }
}
