package io.zhibiao.extract.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.zhibiao.extract.engine.SourceDocument;
import io.zhibiao.extract.mapping.EventRegions;
import io.zhibiao.extract.mapping.ExtractRequestMapper;
import io.zhibiao.extract.service.ExtractionMetrics;
import io.zhibiao.extract.service.ExtractionResult;
import io.zhibiao.extract.service.ExtractionService;

/** Synchronous extraction of one document, without Kafka: for trying the engine and for tests. */
@Path("/extract")
@Tag(name = "extract", description = "Synchronous extraction")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ExtractResource {

    static final String JSON_EXAMPLE = """
            {"externalId": "demo-1", "title": "醴陵市2023年经济运行情况", "publishedAt": "2024-01-20",
             "text": "2023年,醴陵市实现地区生产总值738亿元,同比增长6.5%;规模以上工业企业达到37家。"}""";
    static final String HTML_EXAMPLE = """
            {"externalId": "demo-2", "html": "<html><body><h1>湘东区</h1><p>2022年,湘东区一般公共预算收入15.3亿元,增长8%。</p></body></html>"}""";
    static final String TEXT_EXAMPLE = "2023年,醴陵市实现地区生产总值738亿元,同比增长6.5%。";
    static final String RESPONSE_EXAMPLE = """
            {"documentId": "0f6c…", "extractionId": "5b1e…", "extractorVersion": "0.1.0", "publishedAt": "2024-01-20",
             "region": {"name": "醴陵市", "code": "430281", "level": "COUNTY", "parents": [{"code": "430200", "name": "株洲市", "level": "PREFECTURE"}, {"code": "430000", "name": "湖南省", "level": "PROVINCE"}]},
             "indicators": [{"schemaVersion": 1, "eventId": "5b1e…-0", "documentId": "0f6c…", "externalId": "demo-1", "extractionId": "5b1e…",
               "extractorVersion": "0.1.0", "mentionIndex": 0, "quote": "738亿元", "span": {"start": 15, "end": 21},
               "sentence": "2023年,醴陵市实现地区生产总值738亿元,同比增长6.5%;", "indicator": {"name": "地区生产总值", "code": "GDP"},
               "value": 73800000000, "unit": "CNY", "measureWord": null, "kind": "LEVEL", "comparator": "EQ", "status": "ACTUAL",
               "period": {"start": 2023, "end": 2023}, "annualized": false,
               "region": {"name": "醴陵市", "code": "430281", "level": "COUNTY", "parents": []},
               "title": "醴陵市2023年经济运行情况", "publishedAt": "2024-01-20"}]}""";
    static final String PROBLEM_EXAMPLE = """
            {"type": "https://zhibiao.io/problems/invalid-document", "title": "Invalid document", "status": 400,
             "detail": "text or html is required", "field": "text"}""";

    private final ExtractionService service;

    public ExtractResource(ExtractionService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extract indicators from a JSON document",
            description = "Runs the engine on the document and answers the indicator events the Kafka pipeline would publish for it. Nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExtractRequest.class),
            examples = {@ExampleObject(name = "text", value = JSON_EXAMPLE), @ExampleObject(name = "html", value = HTML_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The extraction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExtractResponse.class),
                    examples = @ExampleObject(name = "extraction", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not JSON, neither or both of text and html, blank content, or an unreadable publishedAt",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing text", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "413", description = "Content longer than zhibiao.extract.max-content-chars",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither application/json nor text/plain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExtractResponse extractJson(ExtractRequest request) {
        return extract(ExtractRequestMapper.toSourceDocument(request, service.maxContentChars()));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Extract indicators from plain text",
            description = "The body is the UTF-8 text; title, publication date and region hint may be given as query parameters.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            examples = @ExampleObject(name = "text", value = TEXT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The extraction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExtractResponse.class)))
    @APIResponse(responseCode = "400", description = "Blank body or an unreadable publishedAt",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Content longer than zhibiao.extract.max-content-chars",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExtractResponse extractText(String text,
                                       @Parameter(description = "Title, copied into every event") @QueryParam("title") String title,
                                       @Parameter(description = "ISO date of publication", example = "2024-01-20") @QueryParam("publishedAt") String publishedAt,
                                       @Parameter(description = "A division name or code the text is about", example = "醴陵市") @QueryParam("regionHint") String regionHint) {
        return extract(ExtractRequestMapper.toSourceDocument(text, title, publishedAt, regionHint, service.maxContentChars()));
    }

    private ExtractResponse extract(SourceDocument doc) {
        ExtractionResult result = service.extract(doc, null, ExtractionMetrics.Source.REST);
        return new ExtractResponse(doc.documentId(), result.extractionId(), service.extractorVersion(),
                result.publishedAt(), EventRegions.of(result.extraction().documentRegion()), result.events());
    }
}
