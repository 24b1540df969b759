package io.zhibiao.query.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.zhibiao.query.IndicatorEvent;

/**
 * Writes indicators as CSV: UTF-8 with a byte-order mark (so spreadsheets detect the encoding of
 * Chinese text), a header row, RFC 4180 quoting and CRLF line ends.
 */
public final class IndicatorCsv implements AutoCloseable {

    public static final String MEDIA_TYPE = "text/csv";
    static final String[] HEADER = {"eventId", "documentId", "externalId", "extractionId", "extractorVersion",
            "mentionIndex", "quote", "spanStart", "spanEnd", "sentence", "indicatorName", "indicatorCode", "value", "unit",
            "measureWord", "kind", "comparator", "status", "periodStart", "periodEnd", "annualized", "regionCode",
            "regionName", "regionLevel", "regionParents", "title", "publishedAt"};

    private final CSVPrinter printer;

    public IndicatorCsv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
    }

    public void write(IndicatorEvent e) {
        IndicatorEvent.Region region = e.region();
        try {
            printer.printRecord(e.eventId(), e.documentId(), e.externalId(), e.extractionId(), e.extractorVersion(),
                    e.mentionIndex(), e.quote(), e.span().start(), e.span().end(), e.sentence(), e.indicator().name(),
                    e.indicator().code(),
                    // plain digits: 73800000000, not 7.38E10, which spreadsheets would round
                    BigDecimal.valueOf(e.value()).stripTrailingZeros().toPlainString(), e.unit(), e.measureWord(),
                    e.kind(), e.comparator(), e.status(), e.period().start(), e.period().end(), e.annualized(),
                    region.code(), region.name(), region.level(),
                    region.parents().stream().map(IndicatorEvent.Parent::name).collect(Collectors.joining("/")),
                    e.title(), e.publishedAt());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
