package io.zhibiao.extract.mapping;

/**
 * A document that cannot be extracted because of its own content: not JSON, not following
 * docs/events/document.schema.json, or failing a rule such as a readable publication date.
 * Redelivering it would fail the same way, so the processor dead-letters it and REST answers 400.
 */
public class InvalidDocumentException extends RuntimeException {

    private final String field;
    private final String documentId;

    /**
     * @param field      the offending field (JSON property name), or null when the record as a whole is unreadable
     * @param documentId the document's id when it could be read, so a FAILED extraction can be published; else null
     */
    public InvalidDocumentException(String field, String documentId, String message) {
        super(message);
        this.field = field;
        this.documentId = documentId;
    }

    public InvalidDocumentException(String field, String documentId, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.documentId = documentId;
    }

    public String field() {
        return field;
    }

    public String documentId() {
        return documentId;
    }
}
