package io.zhibiao.extract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zhibiao.testkit.EventSchemas;

/** The CLI prints schema-valid indicator events, one a line, and reports unreadable files on stderr. */
class ExtractCliTest {

    @TempDir
    Path dir;

    @Test
    void printsSchemaValidEventsAndSkipsBadFiles() throws IOException {
        Files.writeString(dir.resolve("liling.txt"), """
                醴陵市2021年经济运行情况
                发布时间：2022-01-20
                地区生产总值达738亿元，增长8.1%。规模以上企业达37家，城镇新增就业3.7万人。
                力争外贸进出口总额突破10亿美元。
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.json"), """
                {"externalId": "xushui-test", "title": "保定市徐水区2024年政府工作报告", "publishedAt": "2024-01-23",
                 "text": "一、2023年工作回顾\\n全区地区生产总值完成220亿元，增长6.3%。\\n二、2024年工作谋划\\n地区生产总值增长6.5%。"}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("broken.json"), "{not json", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExtractCli.run(List.of(dir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
        for (String line : lines) {
            assertThat(EventSchemas.violations("indicator", line)).as(line).isEmpty();
        }
        assertThat(lines).anyMatch(l -> l.contains("\"documentId\":\"xushui-test\"") && l.contains("\"status\":\"TARGET\""));
        assertThat(lines).anyMatch(l -> l.contains("\"documentId\":\"liling\"") && l.contains("\"code\":\"GDP\""));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).contains("skipped").contains("broken.json").contains("done: 2 document(s)");
    }

    @Test
    void validatesTheSeedsWhenPresent() throws IOException {
        Path seeds = Path.of(System.getProperty("zhibiao.root", "."), "..", "shared", "seeds").normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(seeds), "shared seeds absent; skipping");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ExtractCli.run(List.of(seeds.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSizeGreaterThan(100);
        for (String line : lines) {
            assertThat(EventSchemas.violations("indicator", line)).as(line).isEmpty();
        }
    }

    @Test
    void usageWithoutArguments() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExtractCli.run(List.of(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
