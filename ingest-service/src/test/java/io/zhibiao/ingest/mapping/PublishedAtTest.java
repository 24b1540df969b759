package io.zhibiao.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import io.zhibiao.ingest.service.IngestProblem;

class PublishedAtTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvFileSource(resources = "/cases/dates.tsv", delimiter = '\t')
    void parses(String input, String expected, String note) {
        if ("!".equals(expected)) {
            assertThatThrownBy(() -> DocumentMapper.publishedAt(input)).as(note)
                    .isInstanceOfSatisfying(IngestProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(422);
                        assertThat(p.field()).isEqualTo("publishedAt");
                    });
        } else {
            String parsed = DocumentMapper.publishedAt(input);
            assertThat(parsed).as(note).isEqualTo(expected).matches("^\\d{4}-\\d{2}-\\d{2}.*");
        }
    }
}
