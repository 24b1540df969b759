package io.zhibiao.extract.engine.number;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.extract.cli.QuantitiesCommand;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --quantities}: one JSON array per input line, offsets into the line. */
class QuantitiesCommandTest {

    @Test
    void printsOneArrayPerLine() throws Exception {
        String input = "地区生产总值达738亿元，增长8%以上\n2022年3月26日\n6~8万元\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = QuantitiesCommand.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(exit).isZero();
        assertThat(lines).hasSize(3);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines[0]);
        assertThat(first).hasSize(2);
        assertThat(first.get(0).get("text").asText()).isEqualTo("738亿元");
        assertThat(first.get(0).get("start").asInt()).isEqualTo(7);
        assertThat(first.get(0).get("end").asInt()).isEqualTo(12);
        assertThat(first.get(0).get("value").asDouble()).isEqualTo(7.38E10);
        assertThat(first.get(0).get("unit").asText()).isEqualTo("CNY");
        assertThat(first.get(0).get("comparator").asText()).isEqualTo("EQ");
        assertThat(first.get(1).get("comparator").asText()).isEqualTo("GE");
        assertThat(mapper.readTree(lines[1])).isEmpty();
        JsonNode range = mapper.readTree(lines[2]);
        assertThat(range).hasSize(2);
        assertThat(range.get(0).get("comparator").asText()).isEqualTo("GE");
        assertThat(range.get(1).get("value").asDouble()).isEqualTo(80000);
        assertThat(range.get(1).get("unit").isNull()).isFalse();
    }

    @Test
    void bareNumberHasNullUnit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuantitiesCommand.run(new ByteArrayInputStream("产值突破20亿".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        JsonNode q = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get(0);
        assertThat(q.get("value").asDouble()).isEqualTo(2.0E9);
        assertThat(q.get("unit").isNull()).isTrue();
        assertThat(q.get("comparator").asText()).isEqualTo("GE");
    }
}
