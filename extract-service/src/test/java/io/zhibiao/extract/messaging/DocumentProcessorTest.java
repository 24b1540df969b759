package io.zhibiao.extract.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.testkit.EventSchemas;
import io.zhibiao.testkit.InjectKafkaCluster;
import io.zhibiao.testkit.KafkaKraftResource;

/** The processor against a real broker: documents in, indicator events then an extraction record out. */
@QuarkusTest
@QuarkusTestResource(value = KafkaKraftResource.class, restrictToAnnotatedClass = false)
class DocumentProcessorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "fixtures/liling-synthetic.txt";
    private static final String SEED = "seeds/002_8dd0f41d2bd9aac4.txt";

    @InjectKafkaCluster
    KafkaClusterTestKit cluster;

    private KafkaTestClients clients;
    private KafkaTestClients.TopicReader indicators;
    private KafkaTestClients.TopicReader extractions;
    private KafkaTestClients.TopicReader deadLetters;

    @BeforeEach
    void openClients() {
        clients = new KafkaTestClients(cluster.bootstrapServers());
        indicators = clients.reader(Channels.INDICATORS);
        extractions = clients.reader(Channels.EXTRACTIONS);
        deadLetters = clients.reader(Channels.DOCUMENTS_DLQ);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void fixtureDocumentGivesOrderedEventsThenTheExtraction() {
        String id = UUID.randomUUID().toString();
        Published published = publishAndCollect(id, DocumentRecords.document(id, "text/plain",
                DocumentRecords.resource(FIXTURE), "2024-01-20"));

        assertThat(published.extraction().get("status").asText()).isEqualTo("EXTRACTED");
        assertThat(published.events()).as("the fixture states several figures (GDP, revenue, companies, jobs…)")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(published.events()).extracting(e -> e.get("quote").asText()).contains("738.6亿元");
    }

    @Test
    void seedDocumentGivesOrderedEventsThenTheExtraction() throws IOException {
        Path seed = sharedDir().resolve(SEED);
        assumeTrue(Files.isReadable(seed), "skipped: " + seed + " is absent (the shared seeds are not checked out)");
        String id = UUID.randomUUID().toString();
        Published published = publishAndCollect(id, DocumentRecords.document(id, "text/plain",
                Files.readString(seed, StandardCharsets.UTF_8), null));

        assertThat(published.extraction().get("status").asText()).isEqualTo("EXTRACTED");
        assertThat(published.events()).as("the seed is a report full of figures").hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void htmlDocumentIsExtractedFromItsText() {
        String id = UUID.randomUUID().toString();
        String html = "<html><head><title>醴陵</title><script>var n = 999;</script></head><body><p>"
                + DocumentRecords.resource(FIXTURE).replace("\n", "</p><p>") + "</p></body></html>";
        Published published = publishAndCollect(id, DocumentRecords.document(id, "text/html", html, "2024-01-20"));

        assertThat(published.events()).isNotEmpty();
        assertThat(published.events()).extracting(e -> e.get("sentence").asText()).noneMatch(s -> s.contains("<p>"));
    }

    @Test
    void redeliveredDocumentGivesIdenticalEvents() {
        String id = UUID.randomUUID().toString();
        String record = DocumentRecords.json(DocumentRecords.document(id, "text/plain",
                DocumentRecords.resource(FIXTURE), "2024-01-20"));
        clients.send(Channels.DOCUMENTS, id, record.getBytes(StandardCharsets.UTF_8));
        clients.send(Channels.DOCUMENTS, id, record.getBytes(StandardCharsets.UTF_8));

        List<JsonNode> done = extractions.await(id, r -> r.size() == 2).stream().map(DocumentProcessorTest::json).toList();
        assertThat(done.get(0).get("extractionId")).isEqualTo(done.get(1).get("extractionId"));
        int count = done.get(0).get("indicatorCount").asInt();
        List<JsonNode> events = indicators.await(id, r -> r.size() >= 2 * count).stream()
                .map(DocumentProcessorTest::json).toList();
        assertThat(events).hasSize(2 * count);
        // identical apart from nothing: same ids, same values, same order
        assertThat(events.subList(count, 2 * count)).isEqualTo(events.subList(0, count));
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextDocumentIsStillProcessed() {
        byte[] garbage = new byte[64];
        new Random(7).nextBytes(garbage);
        String garbageKey = "garbage-" + UUID.randomUUID();
        clients.send(Channels.DOCUMENTS, garbageKey, garbage);

        String noContentId = UUID.randomUUID().toString();
        Map<String, Object> noContent = DocumentRecords.document(noContentId, "text/plain", "x", null);
        noContent.remove("content");
        byte[] noContentValue = DocumentRecords.json(noContent).getBytes(StandardCharsets.UTF_8);
        clients.send(Channels.DOCUMENTS, noContentId, noContentValue);

        String goodId = UUID.randomUUID().toString();
        Published good = publishAndCollect(goodId, DocumentRecords.document(goodId, "text/plain",
                DocumentRecords.resource(FIXTURE), "2024-01-20"));
        assertThat(good.extraction().get("status").asText()).isEqualTo("EXTRACTED");

        ConsumerRecord<String, byte[]> garbageLetter = deadLetters.await(garbageKey, r -> !r.isEmpty()).get(0);
        assertThat(garbageLetter.value()).as("the original bytes, for a replay").isEqualTo(garbage);
        assertThat(header(garbageLetter, "dead-letter-reason")).contains("not JSON");
        assertThat(header(garbageLetter, "dead-letter-topic")).isEqualTo(Channels.DOCUMENTS);

        ConsumerRecord<String, byte[]> noContentLetter = deadLetters.await(noContentId, r -> !r.isEmpty()).get(0);
        assertThat(noContentLetter.value()).isEqualTo(noContentValue);
        assertThat(header(noContentLetter, "dead-letter-reason")).contains("content");

        JsonNode failed = json(extractions.await(noContentId, r -> !r.isEmpty()).get(0));
        assertThat(EventSchemas.violations("extraction", failed.toString())).isEmpty();
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("indicatorCount").asInt()).isZero();
        assertThat(failed.get("error").asText()).contains("content");
        assertThat(indicators.current(noContentId)).isEmpty();
        assertThat(extractions.current(garbageKey)).as("no document id, no extraction record").isEmpty();
    }

    @Test
    void documentWithImpossibleDateIsDeadLetteredWithAFailedExtraction() {
        String id = UUID.randomUUID().toString();
        clients.send(Channels.DOCUMENTS, id, DocumentRecords.json(DocumentRecords.document(id, "text/plain",
                DocumentRecords.resource(FIXTURE), "2023-02-30")).getBytes(StandardCharsets.UTF_8));

        JsonNode failed = json(extractions.await(id, r -> !r.isEmpty()).get(0));
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("externalId").asText()).isEqualTo("ext-" + id);
        assertThat(EventSchemas.violations("extraction", failed.toString())).isEmpty();
        assertThat(header(deadLetters.await(id, r -> !r.isEmpty()).get(0), "dead-letter-reason")).contains("publishedAt");
    }

    /** Sends a document, waits for its extraction record and events, and checks the contract between them. */
    private Published publishAndCollect(String id, Map<String, Object> document) {
        String value = DocumentRecords.json(document);
        assertThat(EventSchemas.violations("document", value)).as("the test's own input").isEmpty();
        clients.send(Channels.DOCUMENTS, id, value.getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> extractionRecord = extractions.await(id, r -> !r.isEmpty()).get(0);
        String extractionJson = new String(extractionRecord.value(), StandardCharsets.UTF_8);
        assertThat(EventSchemas.violations("extraction", extractionJson)).isEmpty();
        JsonNode extraction = json(extractionRecord);
        assertThat(extraction.get("documentId").asText()).isEqualTo(id);
        int count = extraction.get("indicatorCount").asInt();

        // the extraction record is sent only after every event was acknowledged, so they are all in the log now
        List<ConsumerRecord<String, byte[]>> eventRecords = indicators.await(id, r -> r.size() >= count);
        assertThat(indicators.current(id)).as("exactly indicatorCount events").hasSize(count);
        String extractionId = extraction.get("extractionId").asText();
        for (int i = 0; i < eventRecords.size(); i++) {
            ConsumerRecord<String, byte[]> record = eventRecords.get(i);
            String eventJson = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(EventSchemas.violations("indicator", eventJson)).as(eventJson).isEmpty();
            JsonNode event = json(record);
            assertThat(record.key()).isEqualTo(id);
            assertThat(event.get("mentionIndex").asInt()).as("events in mentionIndex order").isEqualTo(i);
            assertThat(event.get("extractionId").asText()).isEqualTo(extractionId);
            assertThat(event.get("eventId").asText()).isEqualTo(extractionId + "-" + i);
            assertThat(event.get("documentId").asText()).isEqualTo(id);
            assertThat(record.timestamp()).isLessThanOrEqualTo(extractionRecord.timestamp());
        }
        return new Published(extraction, eventRecords.stream().map(DocumentProcessorTest::json).toList());
    }

    private record Published(JsonNode extraction, List<JsonNode> events) {
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(record.value(), StandardCharsets.UTF_8), e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Path sharedDir() {
        return Path.of(System.getProperty("zhibiao.root", "..")).resolve("../shared").normalize();
    }
}
