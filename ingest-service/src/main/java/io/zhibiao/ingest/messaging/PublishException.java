package io.zhibiao.ingest.messaging;

/** Kafka did not acknowledge a record in time; the record is not on the topic. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
