package io.zhibiao.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What ingest needs to know about a document's content: its normalized text and the SHA-256 of it
 * (the deduplication key), a title for HTML, and whether it is a document at all.
 */
@ApplicationScoped
public class ContentAnalyzer {

    public static final String TEXT_PLAIN = "text/plain";
    public static final String TEXT_HTML = "text/html";

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Share of control characters above which a "text" is really binary data. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    /**
     * The normalized text, its hash and, for HTML, the title found in the markup.
     *
     * @param field the request field the content came from, named in problems
     * @throws IngestProblem 422 when the content is empty, binary, or has no Chinese and no digits
     */
    public Analysis analyze(String content, String contentType, String field) {
        rejectBinary(content, field);
        String text;
        String title = null;
        if (TEXT_HTML.equals(contentType)) {
            Document page = Jsoup.parse(content);
            text = page.text();
            title = titleOf(page);
        } else {
            text = content;
        }
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            throw IngestProblem.field(422, "missing-text", "Missing text", field, "the document has no text");
        }
        if (normalized.codePoints().noneMatch(ContentAnalyzer::isChineseOrDigit)) {
            throw IngestProblem.field(422, "no-chinese-text", "Not a Chinese document", field,
                    "the text contains neither Chinese characters nor digits, so no indicator can be extracted");
        }
        return new Analysis(normalized, sha256(normalized), title);
    }

    /** NFKC (full-width digits and letters become ASCII) and whitespace collapsed to single spaces. */
    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(nfkc).replaceAll(" ").strip();
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String titleOf(Document page) {
        String title = page.title().strip();
        if (!title.isEmpty()) {
            return title;
        }
        Element h1 = page.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        return null;
    }

    private static boolean isChineseOrDigit(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN || Character.isDigit(codePoint);
    }

    private static void rejectBinary(String content, String field) {
        long controls = content.chars()
                .filter(c -> Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                .count();
        if (content.indexOf('\0') >= 0 || controls > content.length() * MAX_CONTROL_SHARE) {
            throw IngestProblem.field(422, "binary-content", "Binary content", field,
                    "the content contains control characters: it looks like binary data, not text");
        }
    }

    /** The normalized text, its SHA-256 (hex) and the title found in HTML (or null). */
    public record Analysis(String normalizedText, String contentSha256, String title) {
    }
}
