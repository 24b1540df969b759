package io.zhibiao.ingest.service;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of a multipart request.
 *
 * @param fileName    the name the client gave, used to guess the type when the part has none
 * @param contentType the part's Content-Type, or null
 */
public record Upload(String fileName, String contentType, long size, Content content) {

    /** Opens the file's bytes (the framework may hold them in memory or on disk). */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
