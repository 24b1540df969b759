package io.zhibiao.query.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reads of the query API that several tests share. */
public final class Api {

    private Api() {
    }

    /** Every page of GET /indicators for these parameters, concatenated. */
    public static List<Map<String, Object>> allIndicators(Map<String, ?> params, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = new HashMap<>(params);
            query.put("limit", limit);
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = given().queryParams(query).accept("application/json").get("/indicators")
                    .then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (++pages > 10_000) {
                throw new IllegalStateException("pagination does not end");
            }
        } while (cursor != null);
        return items;
    }

    public static List<Map<String, Object>> allIndicators(Map<String, ?> params) {
        return allIndicators(params, 1000);
    }

    /** The eventIds of GET /indicators?documentId=…, in answer order. */
    public static List<String> eventIdsOf(String documentId) {
        return allIndicators(Map.of("documentId", documentId)).stream().map(i -> (String) i.get("eventId")).toList();
    }
}
