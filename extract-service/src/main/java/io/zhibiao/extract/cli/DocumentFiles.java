package io.zhibiao.extract.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.extract.engine.SourceDocument;

/**
 * Reads documents from files for the CLI: .txt (plain text), .html/.htm (HTML) and .json (an object with
 * {@code text} or {@code content}, and optionally externalId, title, url, publishedAt, regionHint, contentType).
 * The document id is the JSON's externalId, else the file name without its extension.
 */
final class DocumentFiles {

    private static final List<String> EXTENSIONS = List.of(".txt", ".html", ".htm", ".json");

    private final ObjectMapper mapper;

    DocumentFiles(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The readable files under the given paths (folders walked, sorted by path), in argument order. */
    List<Path> expand(List<String> args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(DocumentFiles::supported).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    static boolean supported(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    SourceDocument read(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        return switch (ext) {
            case ".json" -> fromJson(base, raw);
            case ".html", ".htm" -> new SourceDocument(base, null, null, null, null, null, "text/html", raw);
            default -> new SourceDocument(base, null, null, null, null, null, "text/plain", raw);
        };
    }

    private SourceDocument fromJson(String base, String raw) throws IOException {
        JsonNode n = mapper.readTree(raw);
        if (n == null || !n.isObject()) {
            throw new IOException("not a JSON object");
        }
        String externalId = text(n, "externalId");
        String content = text(n, "text") != null ? text(n, "text") : text(n, "content");
        if (content == null) {
            throw new IOException("JSON document has neither text nor content");
        }
        String contentType = text(n, "contentType") != null ? text(n, "contentType") : "text/plain";
        return new SourceDocument(externalId != null ? externalId : base, externalId, text(n, "title"), text(n, "url"),
                text(n, "publishedAt"), text(n, "regionHint"), contentType, content);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
