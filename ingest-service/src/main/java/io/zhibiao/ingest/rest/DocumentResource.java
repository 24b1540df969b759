package io.zhibiao.ingest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import io.zhibiao.ingest.DocumentRequest;
import io.zhibiao.ingest.Metadata;
import io.zhibiao.ingest.service.DocumentIntake;
import io.zhibiao.ingest.service.IngestProblem;
import io.zhibiao.ingest.service.Upload;

/** {@code POST /documents}: the door for documents, in every form people have them. */
@Path("/documents")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Authorization: Bearer KEY (zhibiao.ingest.api-keys; locally $ZHIBIAO_API_KEY or local-dev-key)")
public class DocumentResource {

    static final String NDJSON = "application/x-ndjson";

    private static final String JSON_EXAMPLE = """
            {"externalId": "gov-2024-001", "title": "2023年国民经济和社会发展统计公报", \
            "url": "https://tjj.example.gov.cn/2024/0301.html", "publishedAt": "2024-03-01", \
            "source": "市统计局", "regionHint": "杭州市", \
            "text": "全年实现地区生产总值20059亿元，按可比价格计算，比上年增长5.6%。"}""";
    private static final String HTML_JSON_EXAMPLE = """
            {"externalId": "news-7", "html": "<html><head><title>一季度经济运行情况</title></head>\
            <body><p>一季度全市规模以上工业增加值同比增长6.1%。</p></body></html>"}""";
    private static final String NDJSON_EXAMPLE = """
            {"externalId": "a-1", "text": "2023年全市粮食产量达到120万吨。"}
            {"externalId": "a-2", "html": "<p>城镇居民人均可支配收入52000元，增长4.8%。</p>"}
            """;
    private static final String TEXT_EXAMPLE = "2023年，全县实现地区生产总值356.8亿元，同比增长6.2%。";
    private static final String HTML_EXAMPLE = """
            <!DOCTYPE html><html><head><meta charset="gbk"><title>县政府工作报告</title></head>\
            <body><h1>政府工作报告</h1><p>一般公共预算收入完成28.6亿元。</p></body></html>""";

    private final DocumentIntake intake;
    private final DocumentAnswers answers;

    public DocumentResource(DocumentIntake intake, DocumentAnswers answers) {
        this.intake = intake;
        this.answers = answers;
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, NDJSON, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a document (JSON, text, HTML) or a batch (NDJSON)",
            description = "Answers 202 once Kafka has acknowledged the document, 200 with the existing id for "
                    + "content already posted (unless reextract=true). Bodies in UTF-8, GBK, GB18030 or Big5, "
                    + "with or without BOM; a declared charset wins, otherwise it is detected. NDJSON batches "
                    + "answer 200 with a result per line.")
    @SecurityRequirement(name = "apiKey")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentRequest.class),
                    examples = {
                            @ExampleObject(name = "text", summary = "A text document with metadata", value = JSON_EXAMPLE),
                            @ExampleObject(name = "html", summary = "An HTML document; its title comes from <title>",
                                    value = HTML_JSON_EXAMPLE) }),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "batch", summary = "One JSON document a line", value = NDJSON_EXAMPLE)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "text", summary = "Plain text; metadata as query parameters",
                            value = TEXT_EXAMPLE)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "page", summary = "A saved web page, any supported charset",
                            value = HTML_EXAMPLE)) })
    @APIResponse(responseCode = "202", description = "Accepted: Kafka acknowledged the document; Location points to it on query-service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "accepted", value = """
                    {"id": "6f1c2b1e-8f7a-4c1e-9a55-0c1f1f7d2a10", "status": "PENDING", \
                    "contentSha256": "9b0c...", "reextract": false, \
                    "location": "http://127.0.0.1:8083/documents/6f1c2b1e-8f7a-4c1e-9a55-0c1f1f7d2a10"}""")))
    @APIResponse(responseCode = "200", description = "Duplicate content (existing id, nothing published), or an NDJSON batch answered per line")
    @APIResponse(responseCode = "400", description = "Malformed JSON or a body not in its declared charset (problem JSON)")
    @APIResponse(responseCode = "401", description = "No API key")
    @APIResponse(responseCode = "403", description = "Wrong API key")
    @APIResponse(responseCode = "413", description = "Over zhibiao.ingest.max-document-bytes")
    @APIResponse(responseCode = "415", description = "Unsupported media type or charset")
    @APIResponse(responseCode = "422", description = "Missing text, text without Chinese or digits, invalid field or date, reused Idempotency-Key",
            content = @Content(mediaType = Problems.PROBLEM_JSON, examples = @ExampleObject(name = "invalid-date", value = """
                    {"type": "https://zhibiao.io/problems/invalid-date", "title": "Invalid date", "status": 422, \
                    "detail": "publishedAt '2024-13-01' is not a date", "field": "publishedAt"}""")))
    @APIResponse(responseCode = "503", description = "Kafka unavailable or index still rebuilding; see Retry-After")
    public Response post(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Makes retries safe: the same key and request give the same answer, nothing is published twice")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "Publish again under the existing id to replace the document's indicators")
            @RestQuery String reextract,
            @Parameter(description = "Caller's own id (text/plain and text/html bodies)") @RestQuery String externalId,
            @Parameter(description = "Title; for HTML taken from <title> or <h1> when absent") @RestQuery String title,
            @Parameter(description = "Where the document is published (absolute http(s) URL)") @RestQuery String url,
            @Parameter(description = "ISO-8601 date or date-time, e.g. 2024-03-01") @RestQuery String publishedAt,
            @Parameter(description = "Free text: where the document came from") @RestQuery String source,
            @Parameter(description = "A division name or code the document is about") @RestQuery String regionHint)
            throws IOException {
        DocumentIntake.MediaType type = DocumentIntake.MediaType.parse(contentType);
        if (type == null) {
            throw IngestProblem.parameter(415, "unsupported-media-type", "Unsupported media type", "Content-Type",
                    "the request has no Content-Type");
        }
        String key = idempotencyKey(idempotencyKey);
        boolean again = reextract(reextract);
        byte[] bytes = intake.read(body);
        if (NDJSON.equals(type.name())) {
            return answers.batch(intake.ndjson(bytes, type.charset(), key, again));
        }
        Metadata metadata = new Metadata(externalId, title, url, publishedAt, source, regionHint);
        return answers.single(intake.single(bytes, type.name(), type.charset(), metadata, key, again));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload one or many files",
            description = "Each file part is one document: its type from the part's Content-Type, else from its "
                    + "extension (.json, .txt, .html/.htm). Text fields externalId, title, url, publishedAt, source, "
                    + "regionHint apply to every file (query parameters work too). Answers 200 with a result per file.")
    @SecurityRequirement(name = "apiKey")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "file",
                            type = SchemaType.ARRAY, description = "One or many files (any part name works)"),
                    @org.eclipse.microprofile.openapi.annotations.media.SchemaProperty(name = "source", type = SchemaType.STRING) }),
            examples = @ExampleObject(name = "files", summary = "Two files",
                    value = "curl -F file=@report.html -F file=@notes.txt -F source=crawler ...")))
    @APIResponse(responseCode = "200", description = "Per-file results", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "results", value = """
                    {"accepted": 1, "duplicates": 0, "refused": 1, "items": [\
                    {"index": 0, "name": "report.html", "httpStatus": 202, "id": "6f1c...", "status": "PENDING"}, \
                    {"index": 1, "name": "empty.txt", "httpStatus": 422, "status": "REFUSED", \
                    "problem": {"type": "https://zhibiao.io/problems/missing-text", "title": "Missing text", \
                    "status": 422, "detail": "the document has no text", "field": "body"}}]}""")))
    public Response upload(MultipartFormDataInput form,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RestQuery String reextract,
            @RestQuery String externalId, @RestQuery String title, @RestQuery String url,
            @RestQuery String publishedAt, @RestQuery String source, @RestQuery String regionHint) {
        String key = idempotencyKey(idempotencyKey);
        boolean again = reextract(reextract);
        List<Upload> uploads = new ArrayList<>();
        Map<String, Collection<FormValue>> values = form.getValues();
        for (Collection<FormValue> parts : values.values()) {
            for (FormValue part : parts) {
                if (part.isFileItem()) {
                    uploads.add(upload(part));
                }
            }
        }
        Metadata metadata = new Metadata(
                field(values, "externalId", externalId), field(values, "title", title), field(values, "url", url),
                field(values, "publishedAt", publishedAt), field(values, "source", source),
                field(values, "regionHint", regionHint));
        return answers.batch(intake.files(uploads, metadata, key, again));
    }

    private static Upload upload(FormValue part) {
        long size;
        try {
            size = part.getFileItem().getFileSize();
        } catch (IOException e) {
            throw IngestProblem.field(400, "unreadable-file", "Unreadable file", part.getFileName(),
                    "the uploaded file could not be read: " + e.getMessage());
        }
        return new Upload(part.getFileName(), part.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE), size,
                () -> part.getFileItem().getInputStream());
    }

    private static String field(Map<String, Collection<FormValue>> values, String name, String fallback) {
        Collection<FormValue> parts = values.get(name);
        if (parts == null) {
            return fallback;
        }
        return parts.stream().filter(p -> !p.isFileItem()).map(FormValue::getValue).findFirst().orElse(fallback);
    }

    private static String idempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        String stripped = key.strip();
        if (stripped.isEmpty() || stripped.length() > 255 || !stripped.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw IngestProblem.parameter(400, "invalid-idempotency-key", "Invalid Idempotency-Key", "Idempotency-Key",
                    "an Idempotency-Key is 1 to 255 visible ASCII characters, for example a UUID");
        }
        return stripped;
    }

    private static boolean reextract(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw IngestProblem.parameter(400, "invalid-parameter", "Invalid parameter", "reextract",
                    "reextract must be true or false");
        };
    }
}
