package io.zhibiao.query.rest;

import java.io.IOException;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.zhibiao.query.IndicatorEvent;
import io.zhibiao.query.service.Page;

/** A page of GET /indicators (a concrete type, so that OpenAPI shows the item schema). */
@Schema(name = "IndicatorPage", description = "A page of indicators; pass nextCursor back as cursor for the next one.")
public record IndicatorPage(
        @Schema(type = SchemaType.ARRAY, implementation = IndicatorEvent.class)
        List<StoredJson> items,
        @Schema(description = "Opaque cursor of the next page; null on the last page.", nullable = true,
                example = "eyJzIjoiLXB1Ymxpc2hlZEF0IiwidiI6IjIwMjMtMDEtMTUiLCJkIjoiZG9jLTEiLCJtIjozLCJlIjoiZXYtMyJ9")
        String nextCursor) {

    static IndicatorPage of(Page<String> page) {
        return new IndicatorPage(page.items().stream().map(StoredJson::new).toList(), page.nextCursor());
    }

    /**
     * An indicator as the read model stored it: JSON written by this service's own mapper when the
     * event was consumed, copied into the answer as it is rather than parsed and written again.
     */
    @JsonSerialize(using = StoredJson.Writer.class)
    public record StoredJson(String json) {

        public static final class Writer extends JsonSerializer<StoredJson> {
            @Override
            public void serialize(StoredJson value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeRawValue(value.json());
            }
        }
    }
}
