package io.zhibiao.extract.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.zhibiao.extract.engine.event.IndicatorEvents;
import io.zhibiao.extract.mapping.DocumentRecord;
import io.zhibiao.extract.mapping.DocumentRecordReader;
import io.zhibiao.extract.mapping.InvalidDocumentException;
import io.zhibiao.testkit.EventSchemas;

/** Which documents-topic values the processor accepts, and what it says about the others. */
class DocumentRecordReaderTest {

    private static final String ID = "3f1c2e9a-0000-4000-8000-000000000001";

    private final DocumentRecordReader reader = new DocumentRecordReader(IndicatorEvents.mapper());

    @Test
    void readsASchemaValidRecord() {
        Map<String, Object> doc = DocumentRecords.document(ID, "text/html", "<p>增长8%</p>", "2024-01-20T08:00:00+08:00");
        String json = DocumentRecords.json(doc);
        assertThat(EventSchemas.violations("document", json)).isEmpty();

        DocumentRecord record = reader.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(record).isEqualTo(new DocumentRecord(ID, "ext-" + ID, "测试文档", null, "2024-01-20T08:00:00+08:00",
                null, "text/html", "<p>增长8%</p>", DocumentRecords.sha256("<p>增长8%</p>")));
    }

    @Test
    void toleratesPropertiesAddedByANewerIngest() {
        Map<String, Object> doc = DocumentRecords.document(ID, "text/plain", "增长8%", null);
        doc.put("language", "zh");
        assertThat(reader.read(DocumentRecords.json(doc).getBytes(StandardCharsets.UTF_8)).documentId()).isEqualTo(ID);
    }

    static Stream<Arguments> invalidRecords() {
        return Stream.of(
                raw("not JSON", "这不是JSON", null, false),
                raw("empty value", "", null, false),
                raw("JSON array", "[1, 2]", null, false),
                changed("documentId missing", d -> d.remove("documentId"), "documentId", false),
                changed("documentId blank", d -> d.put("documentId", " "), "documentId", false),
                changed("schemaVersion 2", d -> d.put("schemaVersion", 2), "schemaVersion", true),
                changed("content missing", d -> d.remove("content"), "content", true),
                changed("content not a string", d -> d.put("content", 42), "content", true),
                changed("contentType missing", d -> d.remove("contentType"), "contentType", true),
                changed("contentSha256 upper-case", d -> d.put("contentSha256", "A".repeat(64)), "contentSha256", true),
                changed("receivedAt not a date-time", d -> d.put("receivedAt", "yesterday"), "receivedAt", true),
                changed("reextract missing", d -> d.remove("reextract"), "reextract", true),
                changed("title a number", d -> d.put("title", 7), "title", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void rejectsWithTheOffendingField(String name, byte[] value, String field, boolean idKnown) {
        InvalidDocumentException e = catchThrowableOfType(InvalidDocumentException.class, () -> reader.read(value));

        assertThat(e).as(name).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.documentId()).isEqualTo(idKnown ? ID : null);
        assertThat(e.getMessage()).isNotBlank();
    }

    private static Arguments raw(String name, String value, String field, boolean idKnown) {
        return Arguments.of(name, value.getBytes(StandardCharsets.UTF_8), field, idKnown);
    }

    private static Arguments changed(String name, Consumer<Map<String, Object>> change, String field, boolean idKnown) {
        Map<String, Object> doc = DocumentRecords.document(ID, "text/plain", "增长8%", null);
        change.accept(doc);
        return Arguments.of(name, DocumentRecords.json(doc).getBytes(StandardCharsets.UTF_8), field, idKnown);
    }
}
