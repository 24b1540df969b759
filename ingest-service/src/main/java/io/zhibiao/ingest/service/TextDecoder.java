package io.zhibiao.ingest.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns the bytes people actually have (UTF-8, GBK, GB18030, Big5, with or without BOM) into text.
 * Order, as browsers do it: a byte order mark, then the charset the request declares
 * ({@code Content-Type}), then for HTML a {@code <meta charset>} / {@code http-equiv} declaration,
 * then detection (juniversalchardet). Every decoding is strict: text is never silently mangled
 * with replacement characters.
 */
@ApplicationScoped
public class TextDecoder {

    /** The charsets ingest understands, by the label reported on the topic. */
    private static final Map<String, Charset> SUPPORTED = Map.of(
            "UTF-8", StandardCharsets.UTF_8,
            // GBK and GB2312 pages routinely contain characters of the superset, as browsers know:
            // decode them with GB18030 and still report what was declared.
            "GBK", Charset.forName("GB18030"),
            "GB18030", Charset.forName("GB18030"),
            "Big5", Charset.forName("Big5-HKSCS"),
            "UTF-16LE", StandardCharsets.UTF_16LE,
            "UTF-16BE", StandardCharsets.UTF_16BE);

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("utf-8", "UTF-8"), Map.entry("utf8", "UTF-8"),
            Map.entry("gbk", "GBK"), Map.entry("x-gbk", "GBK"), Map.entry("gb2312", "GBK"),
            Map.entry("gb_2312-80", "GBK"), Map.entry("cp936", "GBK"), Map.entry("windows-936", "GBK"),
            Map.entry("euc-cn", "GBK"), Map.entry("csgb2312", "GBK"),
            Map.entry("gb18030", "GB18030"),
            Map.entry("big5", "Big5"), Map.entry("big5-hkscs", "Big5"), Map.entry("cn-big5", "Big5"),
            Map.entry("x-x-big5", "Big5"), Map.entry("csbig5", "Big5"),
            Map.entry("utf-16le", "UTF-16LE"), Map.entry("utf-16be", "UTF-16BE"));

    /**
     * Charsets that HTTP clients put on text bodies by default (curl, many libraries): they say
     * nothing about a Chinese document, so they count as "not declared".
     */
    private static final Set<String> CLIENT_DEFAULTS = Set.of("iso-8859-1", "iso8859-1", "latin1", "us-ascii", "ascii");

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);

    /** Browsers look for the declaration in the first 1024 bytes; real pages put it a bit later. */
    private static final int META_SCAN_BYTES = 4096;

    /**
     * Decodes a body.
     *
     * @param declared the charset parameter of the request's Content-Type, or null
     * @param html     whether to look for a {@code <meta charset>} declaration
     * @throws IngestProblem 415 for a declared charset ingest does not support, 400 when the body is
     *                       not valid in its declared charset, 422 when no supported charset fits
     */
    public DecodedText decode(byte[] bytes, String declared, boolean html) {
        DecodedText withBom = fromBom(bytes);
        if (withBom != null) {
            return withBom;
        }
        if (declared != null && !declared.isBlank() && !CLIENT_DEFAULTS.contains(declared.trim().toLowerCase(Locale.ROOT))) {
            String label = label(declared);
            if (label == null) {
                throw IngestProblem.parameter(415, "unsupported-charset", "Unsupported charset", "charset",
                        "charset '" + declared + "' is not supported; use UTF-8, GBK, GB18030 or Big5");
            }
            String text = strict(bytes, 0, label);
            if (text == null) {
                throw IngestProblem.parameter(400, "invalid-encoding", "Body not in its declared charset", "charset",
                        "the body is not valid " + label + " text, although the request declares it");
            }
            return new DecodedText(text, label, "declared");
        }
        if (html) {
            String metaLabel = metaCharset(bytes);
            // a page re-saved as UTF-8 often keeps its old <meta charset=gbk>; multi-byte UTF-8 that
            // decodes strictly is practically never GBK, so it wins over the stale declaration
            if (metaLabel != null && !"UTF-8".equals(metaLabel) && isMultiByteUtf8(bytes)) {
                return new DecodedText(strict(bytes, 0, "UTF-8"), "UTF-8", "detected");
            }
            if (metaLabel != null) {
                String text = strict(bytes, 0, metaLabel);
                // a wrong <meta> is common on saved pages: fall through to detection then
                if (text != null) {
                    return new DecodedText(text, metaLabel, "meta");
                }
            }
        }
        return detect(bytes);
    }

    /** The label reported for a charset name, or null when ingest does not support it. */
    static String label(String name) {
        return LABELS.get(name.trim().toLowerCase(Locale.ROOT).replace("\"", ""));
    }

    private DecodedText fromBom(byte[] b) {
        String label = null;
        int skip = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            label = "UTF-8";
            skip = 3;
        } else if (b.length >= 4 && (b[0] & 0xff) == 0x84 && (b[1] & 0xff) == 0x31 && (b[2] & 0xff) == 0x95
                && (b[3] & 0xff) == 0x33) {
            label = "GB18030";
            skip = 4;
        } else if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            label = "UTF-16LE";
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            label = "UTF-16BE";
            skip = 2;
        }
        if (label == null) {
            return null;
        }
        String text = strict(b, skip, label);
        if (text == null) {
            throw IngestProblem.field(400, "invalid-encoding", "Body not in the charset of its byte order mark", "body",
                    "the body starts with a " + label + " byte order mark but is not valid " + label);
        }
        return new DecodedText(text, label, "bom");
    }

    private String metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? label(m.group(1)) : null;
    }

    private static boolean isMultiByteUtf8(byte[] bytes) {
        boolean nonAscii = false;
        for (byte b : bytes) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        return nonAscii && decodes(bytes, StandardCharsets.UTF_8);
    }

    private DecodedText detect(byte[] bytes) {
        Set<String> candidates = new LinkedHashSet<>();
        // valid UTF-8 with non-ASCII bytes is practically never anything else
        candidates.add("UTF-8");
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        if (detected != null && label(detected) != null) {
            candidates.add(label(detected));
        }
        candidates.add("GB18030");
        candidates.add("Big5");
        for (String candidate : candidates) {
            String text = strict(bytes, 0, candidate);
            if (text != null) {
                return new DecodedText(text, refine(bytes, candidate), "detected");
            }
        }
        throw IngestProblem.parameter(422, "undecodable", "Undecodable body", "charset",
                "the body is not UTF-8, GBK, GB18030 or Big5 text; declare its charset in Content-Type");
    }

    /** Reports GBK rather than GB18030 when the bytes stay within GBK, as most GB pages do. */
    private String refine(byte[] bytes, String label) {
        if ("GB18030".equals(label) && decodes(bytes, Charset.forName("GBK"))) {
            return "GBK";
        }
        return label;
    }

    private static String strict(byte[] bytes, int offset, String label) {
        Charset charset = SUPPORTED.get(label);
        String text = decodeStrictly(bytes, offset, charset);
        if (text == null && "Big5".equals(label)) {
            text = decodeStrictly(bytes, offset, Charset.forName("Big5"));
        }
        return text;
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        return decodeStrictly(bytes, 0, charset) != null;
    }

    private static String decodeStrictly(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            // not this charset: the caller tries the next candidate or refuses with a problem
            return null;
        }
    }
}
