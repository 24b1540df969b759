package io.zhibiao.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas of the Kafka records ({@code docs/events/*.schema.json}, copied onto the
 * classpath under {@code events/}), for producer tests that validate what they actually serialize.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventSchemas() {
    }

    /**
     * Validates one serialized record against {@code events/<record>.schema.json}.
     *
     * @return the violations, empty when the record conforms
     */
    public static Set<String> violations(String record, String json) {
        JsonSchema schema = load(record);
        try {
            JsonNode node = MAPPER.readTree(json);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    private static JsonSchema load(String record) {
        String path = "events/" + record + ".schema.json";
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema on the classpath: " + path);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
