package io.zhibiao.ingest.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.zhibiao.ingest.DocumentRequest;
import io.zhibiao.ingest.IncomingDocument;
import io.zhibiao.ingest.Metadata;
import io.zhibiao.ingest.config.IngestConfig;
import io.zhibiao.ingest.mapping.DocumentMapper;

/**
 * From what arrived over HTTP (bytes with a media type, NDJSON lines, uploaded files) to accepted
 * documents: size limit, decoding, parsing and validation, then {@link IngestService}. Batches
 * answer per item; one bad item never sinks the others.
 */
@ApplicationScoped
public class DocumentIntake {

    public static final String APPLICATION_JSON = "application/json";
    public static final String APPLICATION_NDJSON = "application/x-ndjson";

    private final TextDecoder decoder;
    private final DocumentMapper mapper;
    private final IngestService ingest;
    private final IngestConfig config;

    public DocumentIntake(TextDecoder decoder, DocumentMapper mapper, IngestService ingest, IngestConfig config) {
        this.decoder = decoder;
        this.mapper = mapper;
        this.ingest = ingest;
        this.config = config;
    }

    /** Reads a body up to the size limit. */
    public byte[] read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxDocumentBytes() + 1));
        if (bytes.length > config.maxDocumentBytes()) {
            throw tooLarge("body", "the body");
        }
        return bytes;
    }

    /**
     * One document: {@code application/json}, {@code text/plain} or {@code text/html}.
     *
     * @param mediaType the media type without parameters, lower case
     * @param charset   the charset parameter, or null
     * @param metadata  query parameters (ignored for JSON, which carries its own)
     */
    public IngestResult single(byte[] body, String mediaType, String charset, Metadata metadata, String key,
            boolean reextract) {
        return ingest.ingest(document(body, mediaType, charset, metadata), key, reextract);
    }

    /** A batch, one JSON document a line. An idempotency key applies to each line as KEY#LINE. */
    public List<BatchItem> ndjson(byte[] body, String charset, String key, boolean reextract) {
        DecodedText decoded = decoder.decode(body, charset, false);
        String[] lines = decoded.text().split("\r?\n", -1);
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String name = "line " + (i + 1);
            try {
                DocumentRequest request = mapper.parse(lines[i]);
                IncomingDocument doc = mapper.fromRequest(request, decoded.charset());
                items.add(BatchItem.of(i, name, ingest.ingest(doc, itemKey(key, i + 1), reextract)));
            } catch (IngestProblem problem) {
                items.add(BatchItem.refused(i, name, problem));
            }
        }
        if (items.isEmpty()) {
            throw IngestProblem.field(422, "empty-batch", "Empty batch", "body",
                    "the batch has no documents: put one JSON document on each line");
        }
        return items;
    }

    /** Uploaded files, each one document (JSON, text or HTML by its type or its extension). */
    public List<BatchItem> files(List<Upload> uploads, Metadata metadata, String key, boolean reextract) {
        if (uploads.isEmpty()) {
            throw IngestProblem.field(422, "missing-file", "No file", "file",
                    "the multipart request has no file part");
        }
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String name = upload.fileName() == null ? "file " + (i + 1) : upload.fileName();
            try {
                if (upload.size() > config.maxDocumentBytes()) {
                    throw tooLarge(name, "file " + name);
                }
                byte[] bytes;
                try (InputStream in = upload.content().open()) {
                    bytes = in.readAllBytes();
                }
                MediaType type = typeOf(upload);
                IncomingDocument doc = document(bytes, type.name(), type.charset(), metadata);
                items.add(BatchItem.of(i, name, ingest.ingest(doc, itemKey(key, i + 1), reextract)));
            } catch (IngestProblem problem) {
                items.add(BatchItem.refused(i, name, problem));
            } catch (IOException e) {
                items.add(BatchItem.refused(i, name, IngestProblem.field(400, "unreadable-file", "Unreadable file",
                        name, "the uploaded file could not be read: " + e.getMessage())));
            }
        }
        return items;
    }

    private IncomingDocument document(byte[] body, String mediaType, String charset, Metadata metadata) {
        return switch (mediaType) {
            case APPLICATION_JSON -> {
                DecodedText json = decoder.decode(body, charset, false);
                yield mapper.fromRequest(mapper.parse(json.text()), json.charset());
            }
            case ContentAnalyzer.TEXT_PLAIN -> mapper.fromBody(metadata, decoder.decode(body, charset, false),
                    ContentAnalyzer.TEXT_PLAIN);
            case ContentAnalyzer.TEXT_HTML -> mapper.fromBody(metadata, decoder.decode(body, charset, true),
                    ContentAnalyzer.TEXT_HTML);
            default -> throw IngestProblem.parameter(415, "unsupported-media-type", "Unsupported media type",
                    "Content-Type", "'" + mediaType + "' is not accepted; use application/json, "
                            + "application/x-ndjson, text/plain, text/html or multipart/form-data");
        };
    }

    /** The type of an uploaded file: its own Content-Type when specific, else its extension. */
    static MediaType typeOf(Upload upload) {
        MediaType declared = MediaType.parse(upload.contentType());
        if (declared != null && !declared.name().equals("application/octet-stream")) {
            return declared;
        }
        String name = upload.fileName() == null ? "" : upload.fileName().toLowerCase(Locale.ROOT);
        String charset = declared == null ? null : declared.charset();
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return new MediaType(ContentAnalyzer.TEXT_HTML, charset);
        }
        if (name.endsWith(".ndjson")) {
            // refused per item by document(): a batch inside a batch is not supported
            return new MediaType(APPLICATION_NDJSON, charset);
        }
        if (name.endsWith(".json")) {
            return new MediaType(APPLICATION_JSON, charset);
        }
        return new MediaType(ContentAnalyzer.TEXT_PLAIN, charset);
    }

    private static String itemKey(String key, int position) {
        return key == null ? null : key + "#" + position;
    }

    private IngestProblem tooLarge(String field, String what) {
        return IngestProblem.field(413, "too-large", "Document too large", field,
                what + " exceeds the limit of " + config.maxDocumentBytes() + " bytes (zhibiao.ingest.max-document-bytes)");
    }

    /** A media type without parameters (lower case) and its charset parameter. */
    public record MediaType(String name, String charset) {

        /** Parses a Content-Type header value; null for null or blank. */
        public static MediaType parse(String header) {
            if (header == null || header.isBlank()) {
                return null;
            }
            String[] parts = header.split(";");
            String charset = null;
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                    charset = pair[1].trim().replace("\"", "");
                }
            }
            return new MediaType(parts[0].trim().toLowerCase(Locale.ROOT), charset);
        }
    }
}
