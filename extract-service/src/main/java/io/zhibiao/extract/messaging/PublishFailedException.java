package io.zhibiao.extract.messaging;

/** The broker did not acknowledge a document's records in time, or refused them. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
