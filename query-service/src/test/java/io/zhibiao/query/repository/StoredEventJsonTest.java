package io.zhibiao.query.repository;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.support.ApiDataset;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/**
 * Pages serve the JSON stored with each row (V6). It must be what the API served before, when each
 * row was rebuilt from its columns: for rows the service stores, and for the rows that were there
 * before V6, which the migration's own SQL fills in from their columns.
 */
@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class StoredEventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers compare by value: PostgreSQL writes 738000000000 where Jackson writes 7.38E11. */
    private static final Comparator<JsonNode> SAME = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void data() {
        ApiDataset.publish();
    }

    @Test
    void theMigrationBuildsFromTheColumnsTheJsonTheServiceStores() throws Exception {
        String backfill = backfillExpression();
        String sql = "SELECT event_json, (" + backfill + ")::text FROM indicators WHERE current AND document_id = ANY(?)";
        int compared = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", new Object[] {ApiDataset.D1, ApiDataset.D2, ApiDataset.D3}));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode stored = JSON.readTree(rs.getString(1));
                    JsonNode rebuilt = JSON.readTree(rs.getString(2));
                    assertThat(stored.equals(SAME, rebuilt)).as("stored %s%nrebuilt %s", stored, rebuilt).isTrue();
                    assertThat(fieldNames(rebuilt)).as("field order").isEqualTo(fieldNames(stored));
                    compared++;
                }
            }
        }
        assertThat(compared).as("every row of the dataset (7 + 4 + 2)").isEqualTo(13);
    }

    @Test
    void aPageServesExactlyTheStoredJsonOfEachRow() throws SQLException {
        List<Map<String, Object>> page = given().queryParam("documentId", ApiDataset.D2).get("/indicators").then()
                .statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> document = given().get("/documents/" + ApiDataset.D2).then().statusCode(200)
                .extract().jsonPath().getList("indicators");
        // /documents/{id} still builds its indicators from the columns: both ways give the same objects
        assertThat(page).hasSize(4).containsExactlyInAnyOrderElementsOf(document);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The json_build_object(…) of V6__served_event_json.sql, as the migration ran it. */
    private static String backfillExpression() throws IOException {
        try (InputStream in = StoredEventJsonTest.class.getResourceAsStream("/db/migration/V6__served_event_json.sql")) {
            String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = migration.indexOf("json_build_object(", migration.indexOf("SET event_json ="));
            int end = migration.indexOf(")::text;", start);
            return migration.substring(start, end + 1);
        }
    }
}
