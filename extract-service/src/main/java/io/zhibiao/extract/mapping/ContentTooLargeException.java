package io.zhibiao.extract.mapping;

/** A document whose content is longer than {@code zhibiao.extract.max-content-chars}. */
public class ContentTooLargeException extends InvalidDocumentException {

    public ContentTooLargeException(String field, String documentId, int length, int max) {
        super(field, documentId, "content has " + length + " characters, more than the limit of " + max);
    }
}
