package io.zhibiao.query.mapping;

/** A record that does not follow its event schema: it goes to the dead-letter topic, never retried. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
