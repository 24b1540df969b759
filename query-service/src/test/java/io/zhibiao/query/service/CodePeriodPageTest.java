package io.zhibiao.query.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zhibiao.query.support.Api;
import io.zhibiao.query.support.DocumentFixture;
import io.zhibiao.query.support.ExtractionFixture;
import io.zhibiao.query.support.IndicatorFixture;
import io.zhibiao.query.support.TopicProducer;
import io.zhibiao.testkit.EmbeddedPostgresResource;
import io.zhibiao.testkit.KafkaKraftResource;

/**
 * A page of one code over a period is read by walking the (period end, period start) pairs of the
 * code (IndicatorRepository); it must answer exactly the rows of the plain overlap filter, in the
 * default order, across pages of any size.
 */
@QuarkusTest
@QuarkusTestResource(KafkaKraftResource.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CodePeriodPageTest {

    /** A code no other suite uses, so the whole answer is this test's rows. */
    private static final String CODE = "PERIOD_PAGE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    private static final int DOCUMENTS = 6;
    private static final int PER_DOCUMENT = 7;

    private static boolean published;

    /** Publishes the rows once (RestAssured knows the test port only once the application runs). */
    @BeforeEach
    void publish() {
        if (published) {
            return;
        }
        Random random = new Random(7);
        try (TopicProducer producer = new TopicProducer()) {
            for (int d = 0; d < DOCUMENTS; d++) {
                String doc = "period-page-" + UUID.randomUUID();
                // documents share dates in pairs, so the order also rests on documentId and mentionIndex
                String published = "202" + d / 2 + "-03-01";
                producer.document(DocumentFixture.of(doc, "报告" + d, published));
                for (int i = 0; i < PER_DOCUMENT; i++) {
                    int start = 2018 + random.nextInt(6);
                    Integer[] period = switch (random.nextInt(4)) {
                        case 0 -> new Integer[] {start, start + 4};
                        case 1 -> new Integer[] {null, start};
                        case 2 -> new Integer[] {start, null};
                        default -> new Integer[] {start, start};
                    };
                    producer.indicator(new IndicatorFixture(doc, "x-" + doc, i).published("报告" + d, published)
                            .indicator("测试指标", CODE).period(period[0], period[1]));
                }
                producer.extraction(ExtractionFixture.extracted(doc, "x-" + doc, PER_DOCUMENT, "2026-11-23T08:00:00Z"));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.allIndicators(Map.of("code", CODE)).size()
                == DOCUMENTS * PER_DOCUMENT);
        published = true;
    }

    static Stream<Arguments> periods() {
        return Stream.of(Arguments.of(2020, 2020), Arguments.of(2019, 2021), Arguments.of(2023, null),
                Arguments.of(null, 2019), Arguments.of(2030, 2031));
    }

    @ParameterizedTest(name = "periodFrom={0} periodTo={1}")
    @MethodSource("periods")
    void answersTheOverlappingRowsInTheDefaultOrderOnEveryPage(Integer from, Integer to) {
        List<String> expected = Api.allIndicators(Map.of("code", CODE)).stream()
                .filter(i -> overlaps(i, from, to)).map(i -> (String) i.get("eventId")).toList();
        Map<String, Object> filter = new HashMap<>(Map.of("code", CODE));
        if (from != null) {
            filter.put("periodFrom", from);
        }
        if (to != null) {
            filter.put("periodTo", to);
        }
        for (int limit : new int[] {1000, 4, 1}) {
            assertThat(Api.allIndicators(filter, limit)).as("limit %d", limit).extracting(i -> (String) i.get("eventId"))
                    .containsExactlyElementsOf(expected);
        }
        if (from != null && from == 2030) {
            assertThat(expected).isEmpty();
        } else {
            assertThat(expected).isNotEmpty();
        }
    }

    /** The documented overlap rule: the period [start or end, end or start] meets [from, to]. */
    @SuppressWarnings("unchecked")
    private static boolean overlaps(Map<String, Object> item, Integer from, Integer to) {
        Map<String, Object> period = (Map<String, Object>) item.get("period");
        Integer start = (Integer) period.get("start");
        Integer end = (Integer) period.get("end");
        Integer first = start != null ? start : end;
        Integer last = end != null ? end : start;
        if (first == null) {
            return false;
        }
        return (from == null || last >= from) && (to == null || first <= to);
    }
}
