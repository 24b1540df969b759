package io.zhibiao.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class TextDecoderTest {

    private static final Map<String, String> SAMPLES = Map.of(
            "simplified", "2023年全市实现地区生产总值20059亿元，按可比价格计算，比上年增长5.6%。"
                    + "其中，第一产业增加值为358亿元，增长3.1%；第二产业增加值为6210亿元，增长4.9%。"
                    + "全年城镇居民人均可支配收入达到70281元，农村居民人均可支配收入为45183元。",
            "traditional", "二零二三年全市實現地區生產總值二萬億元，按可比價格計算，比上年增長百分之五點六。"
                    + "其中，第一產業增加值為三百五十八億元，增長百分之三點一；第二產業增加值為六千二百一十億元。"
                    + "全年城鎮居民人均可支配收入達到七萬零二百八十一元，農村居民人均可支配收入為四萬五千元。",
            "ext-a", "2023年𠮷县实现地区生产总值356.8亿元，同比增长6.2%。全县常住人口为52.3万人，城镇化率为61.5%。"
                    + "全年一般公共预算收入完成28.6亿元，增长8.1%。");

    private static final Map<String, byte[]> BOMS = Map.of(
            "UTF-8", new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
            "GB18030", new byte[] { (byte) 0x84, 0x31, (byte) 0x95, 0x33 },
            "UTF-16LE", new byte[] { (byte) 0xFF, (byte) 0xFE });

    private final TextDecoder decoder = new TextDecoder();

    @ParameterizedTest(name = "{7}")
    @CsvFileSource(resources = "/cases/charsets.tsv", delimiter = '\t')
    void decodes(String encoding, String bom, String declared, String form, String sample, String expectedCharset,
            String expectedHow, String note) {
        String text = wrap(form, SAMPLES.get(sample));
        byte[] body = text.getBytes(Charset.forName(encoding));
        if ("yes".equals(bom)) {
            byte[] mark = BOMS.get(encoding);
            byte[] withBom = new byte[mark.length + body.length];
            System.arraycopy(mark, 0, withBom, 0, mark.length);
            System.arraycopy(body, 0, withBom, mark.length, body.length);
            body = withBom;
        }

        DecodedText decoded = decoder.decode(body, "-".equals(declared) ? null : declared, form.startsWith("html"));

        assertThat(decoded.text()).as(note).isEqualTo(text);
        assertThat(decoded.charset()).as(note).isEqualTo(expectedCharset);
        assertThat(decoded.how()).as(note).isEqualTo(expectedHow);
    }

    @Test
    void refusesAnUnsupportedDeclaredCharset() {
        assertThatThrownBy(() -> decoder.decode("数字".getBytes(StandardCharsets.UTF_8), "koi8-r", false))
                .isInstanceOfSatisfying(IngestProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(415);
                    assertThat(p.parameter()).isEqualTo("charset");
                });
    }

    @Test
    void refusesABodyThatIsNotInItsDeclaredCharset() {
        byte[] gbk = SAMPLES.get("simplified").getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> decoder.decode(gbk, "utf-8", false))
                .isInstanceOfSatisfying(IngestProblem.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void refusesBytesThatAreNoSupportedCharset() {
        byte[] garbage = { (byte) 0x80, (byte) 0xFF, 0x20, (byte) 0xFF, (byte) 0x80, 0x00, (byte) 0xFE, 0x01 };
        assertThatThrownBy(() -> decoder.decode(garbage, null, false))
                .isInstanceOfSatisfying(IngestProblem.class, p -> assertThat(p.status()).isEqualTo(422));
    }

    private static String wrap(String form, String text) {
        return switch (form) {
            case "text" -> text;
            case "html" -> "<html><head><title>统计公报</title></head><body><p>" + text + "</p></body></html>";
            case "html-meta-gbk" -> "<html><head><meta charset=\"gbk\"><title>统计公报</title></head><body><p>" + text
                    + "</p></body></html>";
            case "html-meta-big5" -> "<html><head><meta charset=big5><title>統計公報</title></head><body><p>" + text
                    + "</p></body></html>";
            case "html-equiv-gb2312" -> "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                    + "charset=gb2312\"><title>统计公报</title></head><body><p>" + text + "</p></body></html>";
            default -> throw new IllegalArgumentException(form);
        };
    }
}
