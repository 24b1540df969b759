package io.zhibiao.query.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.zhibiao.query.DocumentView;
import io.zhibiao.query.service.DocumentService;
import io.zhibiao.query.service.Page;

@Path("/documents")
@Tag(name = "documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    /** A page of GET /documents (a concrete type, so that OpenAPI shows the item schema). */
    @Schema(name = "DocumentPage")
    public record DocumentPage(List<DocumentView> items,
                               @Schema(description = "Opaque cursor of the next page; null on the last page.",
                                       nullable = true) String nextCursor) {
    }

    private final DocumentService service;

    public DocumentResource(DocumentService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List documents", description = "Documents newest first (by when the read model first saw them), "
            + "without their indicators.")
    @APIResponse(responseCode = "200", description = "A page of documents.",
            content = @Content(schema = @Schema(implementation = DocumentPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    public DocumentPage list(
            @QueryParam("status") @Parameter(description = "Only documents in this state.",
                    schema = @Schema(enumeration = {"PENDING", "EXTRACTED", "FAILED"})) String status,
            @QueryParam("q") @Parameter(description = "Text contained in the title (case-insensitive).", example = "政府工作报告")
            String q,
            @QueryParam("limit") @Parameter(description = "Page size, 1 to 1000 (default 50).",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page.") String cursor) {
        Page<DocumentView> page = service.list(status, q, limit, cursor);
        return new DocumentPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a document", description = "Its metadata, status and the indicators of its current extraction.")
    @APIResponse(responseCode = "200", description = "The document.",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "No such document.",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = Problems.Problem.class)))
    public DocumentView get(@PathParam("id") @Parameter(description = "The document id.") String id) {
        return service.get(id);
    }
}
