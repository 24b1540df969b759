package io.zhibiao.extract.engine.number;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Contract properties of {@link QuantityRecognizer} that hold for any text. */
class QuantityRecognizerTest {

    private static final QuantityRecognizer RECOGNIZER = QuantityRecognizer.fromClasspath();

    @Test
    void comparatorSpanPointsAtTheCue() {
        String text = "财政总收入年均增长7%以上，引进项目30个以上，荣誉300余项，约3000万元";
        List<Quantity> qs = RECOGNIZER.recognize(text);

        assertThat(qs).extracting(Quantity::comparator)
                .containsExactly(Comparator.GE, Comparator.GE, Comparator.GE, Comparator.APPROX);
        assertThat(qs).extracting(q -> text.substring(q.comparatorStart(), q.comparatorEnd()))
                .containsExactly("以上", "以上", "余", "约");
        assertThat(qs.get(2).text()).isEqualTo("300余项");
        assertThat(qs.get(2).measureWord()).isEqualTo("项");
    }

    @Test
    void noComparatorMeansMinusOne() {
        Quantity q = RECOGNIZER.recognize("规模以上企业达37家").get(0);

        assertThat(q.comparator()).isEqualTo(Comparator.EQ);
        assertThat(q.comparatorStart()).isEqualTo(-1);
        assertThat(q.comparatorEnd()).isEqualTo(-1);
    }

    @Test
    void emptyAndNullTextGiveNothing() {
        assertThat(RECOGNIZER.recognize("")).isEmpty();
        assertThat(RECOGNIZER.recognize(null)).isEmpty();
    }

    @Test
    void seedsGiveOrderedSpansThatMatchTheirText() throws IOException {
        Path seeds = Path.of(System.getProperty("zhibiao.root", "."), "../shared/seeds").normalize();
        assumeTrue(Files.isDirectory(seeds), () -> "seed documents not found at " + seeds + " (../shared is absent)");
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                List<Quantity> qs = RECOGNIZER.recognize(text);
                assertThat(qs).as(file.toString()).isNotEmpty();
                int lastEnd = 0;
                for (Quantity q : qs) {
                    assertThat(text.substring(q.start(), q.end())).isEqualTo(q.text());
                    // the two bounds of a range share one span; otherwise quantities do not overlap
                    assertThat(q.start() >= lastEnd || q.end() == lastEnd).as("%s at %d", q.text(), q.start()).isTrue();
                    lastEnd = q.end();
                }
            }
        }
    }

    @Test
    void oddTextNeverThrowsNorHangs() {
        Random random = new Random(42);
        String alphabet = "0123456789.,，-~至到%％万亿千百十零一二两三五九第前余多约近以上下个元亩吨斤年月日：:“”()（）分之点负倍成aZ+ \n";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String noise = sb.toString();
        // 20000 numeral characters in a row overflowed the stack when the numeral loop of the grammar was unbounded
        String longDigits = "1".repeat(5_000) + "万亿" + "2.".repeat(1_000) + "九".repeat(20_000) + "十百千万".repeat(500);
        // a hang guard against catastrophic backtracking, far above the expected time; not a benchmark
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            RECOGNIZER.recognize(noise);
            RECOGNIZER.recognize(longDigits);
            // runs of one start character: an unbounded pattern would make these quadratic
            for (String c : List.of("一", "十", "1", "第", "前", "负", "-", "“", "(", "百", "翻", "零", "二次")) {
                RECOGNIZER.recognize(c.repeat(5_000));
            }
        });
    }
}
