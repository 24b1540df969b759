package io.zhibiao.query.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Three realistic documents published once for the API tests, with figures chosen so that every
 * filter, order and series rule has something to find. The 萍乡 divisions and the GROWTH_RATE GDP
 * figures of 醴陵 and the GDP of 江岸区 appear nowhere else in the suite, so counts over them are exact.
 */
public final class ApiDataset {

    /** 2023 report of 醴陵 (published 2023-01-10). */
    public static final String D1 = "api-d1-" + UUID.randomUUID();
    /** 2022 report of 醴陵 (published 2022-01-15). */
    public static final String D2 = "api-d2-" + UUID.randomUUID();
    /** 2021 report of 萍乡 (published 2021-02-01). */
    public static final String D3 = "api-d3-" + UUID.randomUUID();
    /** A sentence with a comma and ASCII double quotes, for CSV quoting. */
    public static final String QUOTED_SENTENCE = "上栗县财政总收入比上年减少5亿元，被称为\"转型之痛\"。";

    private static boolean published;

    private ApiDataset() {
    }

    public static String id(String doc, int mention) {
        return "x-" + doc + ":" + mention;
    }

    /** Publishes the dataset (once per application) and waits until all of it is served. */
    public static synchronized void publish() {
        if (published) {
            return;
        }
        try (TopicProducer producer = new TopicProducer()) {
            send(producer, DocumentFixture.of(D1, "2023年醴陵市政府工作报告", "2023-01-10"), d1());
            send(producer, DocumentFixture.of(D2, "2022年醴陵市政府工作报告", "2022-01-15"), d2());
            send(producer, DocumentFixture.of(D3, "2021年萍乡市政府工作报告", "2021-02-01"), d3());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.eventIdsOf(D1).size() == 7
                && Api.eventIdsOf(D2).size() == 4 && Api.eventIdsOf(D3).size() == 2);
        published = true;
    }

    private static void send(TopicProducer producer, DocumentFixture doc, List<IndicatorFixture> events) {
        producer.document(doc);
        events.forEach(producer::indicator);
        producer.extraction(ExtractionFixture.extracted(doc.documentId(), "x-" + doc.documentId(), events.size(),
                "2026-11-23T08:00:00Z"));
    }

    private static IndicatorFixture at(String doc, int mention, String title, String publishedAt) {
        return new IndicatorFixture(doc, "x-" + doc, mention).published(title, publishedAt);
    }

    private static List<IndicatorFixture> d1() {
        String t = "2023年醴陵市政府工作报告";
        String p = "2023-01-10";
        return List.of(
                at(D1, 0, t, p).quote("738亿元", "2022年全市地区生产总值达到738亿元。").value(738e8, "CNY"),
                at(D1, 1, t, p).quote("8.5%", "全市地区生产总值增长8.5%。").value(8.5, "PERCENT").kind("GROWTH_RATE"),
                at(D1, 2, t, p).quote("8%", "2023年地区生产总值预期增长8%。").value(8, "PERCENT").kind("GROWTH_RATE")
                        .status("TARGET").period(2023, 2023),
                at(D1, 3, t, p).quote("30亿元", "国瓷街道财政总收入30亿元。").value(30e8, "CNY")
                        .indicator("财政总收入", "FISCAL_REVENUE").region(Regions.GUOCI),
                at(D1, 4, t, p).quote("500亿元", "到“十四五”末期，电瓷产业年产值力争突破500亿元。").value(500e8, "CNY")
                        .indicator("电瓷产业年产值", null).status("TARGET").comparator("GE").period(2025, 2025),
                at(D1, 5, t, p).quote("4.8%", "城镇调查失业率为4.8%。").value(4.8, "PERCENT")
                        .indicator("城镇调查失业率", "UNEMPLOYMENT_RATE"),
                at(D1, 6, t, p).quote("310亿元", "江岸区地区生产总值310亿元。").value(310e8, "CNY").region(Regions.JIANGAN));
    }

    private static List<IndicatorFixture> d2() {
        String t = "2022年醴陵市政府工作报告";
        String p = "2022-01-15";
        return List.of(
                at(D2, 0, t, p).quote("8%", "2022年全市地区生产总值预期增长8%。").value(8, "PERCENT").kind("GROWTH_RATE")
                        .status("TARGET"),
                at(D2, 1, t, p).quote("5.5%", "城镇调查失业率控制在5.5%以内。").value(5.5, "PERCENT")
                        .indicator("城镇调查失业率", "UNEMPLOYMENT_RATE").status("TARGET").comparator("LE"),
                at(D2, 2, t, p).quote("第45位", "综合实力居全国百强县（Top100）第45位。").value(45, "RANK").kind("RANK")
                        .indicator("综合实力", null).region(Regions.YOUXIAN).period(2021, 2021),
                at(D2, 3, t, p).quote("300亿元", "江岸区地区生产总值力争达到300亿元。").value(300e8, "CNY")
                        .status("TARGET").comparator("GE").region(Regions.JIANGAN));
    }

    private static List<IndicatorFixture> d3() {
        String t = "2021年萍乡市政府工作报告";
        String p = "2021-02-01";
        return List.of(
                at(D3, 0, t, p).quote("1100亿元", "2020年萍乡全市地区生产总值1100亿元。").value(1100e8, "CNY")
                        .region(Regions.PINGXIANG).period(2020, 2020),
                at(D3, 1, t, p).quote("5亿元", QUOTED_SENTENCE).value(-5e8, "CNY").kind("CHANGE")
                        .indicator("财政总收入", "FISCAL_REVENUE").region(Regions.SHANGLI).period(2020, 2020));
    }
}
