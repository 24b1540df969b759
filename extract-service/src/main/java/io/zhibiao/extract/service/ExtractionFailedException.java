package io.zhibiao.extract.service;

/** The engine threw on a document. Redelivery would fail the same way, so the document is dead-lettered. */
public class ExtractionFailedException extends RuntimeException {

    private final String documentId;

    public ExtractionFailedException(String documentId, Throwable cause) {
        super("extraction failed for document " + documentId + ": " + cause, cause);
        this.documentId = documentId;
    }

    public String documentId() {
        return documentId;
    }
}
