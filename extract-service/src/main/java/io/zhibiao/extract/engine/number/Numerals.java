package io.zhibiao.extract.engine.number;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The numeral characters of {@code grammar/numerals.tsv} and the arithmetic of Chinese numerals: 一百二十三, 两千,
 * 三万五千, 一千零五, 一万三 (= 13000), mixed 3.7万, 5万4千6百, 1千零20, decimals 十五点七. Immutable, thread-safe.
 */
public final class Numerals {

    /** Classpath location of the table. */
    public static final String RESOURCE = "/grammar/numerals.tsv";

    /** Kinds of numeral characters. */
    public enum Kind { DIGIT, SCALE, POINT, SIGN, FOLD }

    private record Entry(char ch, Kind kind, String value, boolean lead) {
    }

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final int MAX_LENGTH = 64;

    private final Map<Character, Entry> entries;

    private Numerals(Map<Character, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** Loads {@link #RESOURCE} from the classpath. */
    public static Numerals fromClasspath() {
        try (InputStream in = Numerals.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Parses the layout of numerals.tsv: char, kind, value, lead. */
    public static Numerals parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<Character, Entry> map = new HashMap<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("char\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4 || f[0].length() != 1) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": expected char, kind, value, lead: " + line);
            }
            Entry e = new Entry(f[0].charAt(0), Kind.valueOf(f[1]), f[2], Boolean.parseBoolean(f[3]));
            if (map.putIfAbsent(e.ch(), e) != null) {
                throw new IllegalArgumentException(RESOURCE + ":" + lineNo + ": duplicate character " + e.ch());
            }
        }
        return new Numerals(map);
    }

    /** Characters of one kind, escaped for use inside a regex character class. */
    public String characterClass(Kind kind) {
        return classOf(kind, false);
    }

    /** Scale characters that may start a numeral (十 in 十二). */
    public String leadScales() {
        return classOf(Kind.SCALE, true);
    }

    private String classOf(Kind kind, boolean leadOnly) {
        StringBuilder sb = new StringBuilder();
        entries.values().stream()
                .filter(e -> e.kind() == kind && (!leadOnly || e.lead()))
                .map(Entry::ch)
                .sorted()
                .forEach(c -> {
                    if ("\\[]^-&".indexOf(c) >= 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
                });
        return sb.toString();
    }

    /** The text with full-width characters folded to ASCII; same length, so offsets stay valid. */
    public String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            Entry e = entries.get(text.charAt(i));
            if (e != null && e.kind() == Kind.FOLD) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = e.value().charAt(0);
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Whether {@code c} is a scale character (十百千万亿). */
    public boolean isScale(char c) {
        Entry e = entries.get(c);
        return e != null && e.kind() == Kind.SCALE;
    }

    /** Whether {@code c} is a Chinese digit (零一二两…九, 壹贰…). */
    public boolean isDigit(char c) {
        Entry e = entries.get(c);
        return e != null && e.kind() == Kind.DIGIT;
    }

    /** Whether {@code c} is a sign character (负). */
    public boolean isSign(char c) {
        Entry e = entries.get(c);
        return e != null && e.kind() == Kind.SIGN;
    }

    /** The value of a scale character; the character must be one. */
    public BigDecimal scaleValue(char c) {
        return new BigDecimal(entries.get(c).value());
    }

    /**
     * The value of a numeral of Arabic digits, Chinese digits, scale words, a decimal point and the fuzzy words 余/多/几
     * (ignored), or empty when the characters do not form a numeral (二三, 一百一二三).
     */
    public Optional<BigDecimal> value(String numeral) {
        if (numeral.length() > MAX_LENGTH) {
            return Optional.empty(); // no figure is this long; the arithmetic on it would only burn time
        }
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal number = null;
        BigDecimal lastLarge = null;
        BigDecimal lastScale = null;
        boolean digitAfterScale = false;
        boolean seenAny = false;
        int i = 0;
        int n = numeral.length();
        while (i < n) {
            char c = numeral.charAt(i);
            if (isAsciiDigit(c) || c == '.' && i + 1 < n && isAsciiDigit(numeral.charAt(i + 1))) {
                int j = i;
                boolean point = false;
                while (j < n && (isAsciiDigit(numeral.charAt(j)) || numeral.charAt(j) == ',' || numeral.charAt(j) == '，'
                        || !point && numeral.charAt(j) == '.' && j + 1 < n && isAsciiDigit(numeral.charAt(j + 1)))) {
                    point |= numeral.charAt(j) == '.';
                    j++;
                }
                if (number != null) {
                    return Optional.empty();
                }
                number = new BigDecimal(numeral.substring(i, j).replace(",", "").replace("，", ""));
                digitAfterScale = false;
                seenAny = true;
                i = j;
                continue;
            }
            Entry e = entries.get(c);
            if (e == null) {
                if (c == '余' || c == '多' || c == '几' || c == '幾') {
                    i++;
                    continue;
                }
                return Optional.empty();
            }
            switch (e.kind()) {
                case DIGIT -> {
                    int d = Integer.parseInt(e.value());
                    if (d == 0) {
                        if (number != null) {
                            return Optional.empty();
                        }
                        digitAfterScale = false;
                    } else {
                        if (number != null) {
                            return Optional.empty();
                        }
                        number = BigDecimal.valueOf(d);
                        digitAfterScale = lastScale != null && i > 0 && isScale(numeral.charAt(i - 1));
                    }
                    seenAny = true;
                }
                case SCALE -> {
                    BigDecimal s = new BigDecimal(e.value());
                    if (s.compareTo(TEN_THOUSAND) < 0) {
                        section = section.add((number == null ? BigDecimal.ONE : number).multiply(s));
                    } else {
                        BigDecimal cur = section.add(number == null ? BigDecimal.ZERO : number);
                        if (cur.signum() == 0 && total.signum() == 0) {
                            cur = BigDecimal.ONE; // 万栋 after 近: one unit of the scale
                        }
                        if (lastLarge == null || lastLarge.compareTo(s) <= 0) {
                            total = total.add(cur).multiply(s);
                        } else {
                            total = total.add(cur.multiply(s));
                        }
                        section = BigDecimal.ZERO;
                        lastLarge = s;
                    }
                    number = null;
                    lastScale = s;
                    digitAfterScale = false;
                    seenAny = true;
                }
                case POINT -> {
                    BigDecimal fraction = decimals(numeral.substring(i + 1));
                    if (fraction == null) {
                        return Optional.empty();
                    }
                    BigDecimal whole = total.add(section).add(number == null ? BigDecimal.ZERO : abbreviated(number,
                            digitAfterScale, lastScale));
                    return Optional.of(whole.add(fraction));
                }
                default -> {
                    return Optional.empty();
                }
            }
            i++;
        }
        if (!seenAny) {
            return Optional.empty();
        }
        return Optional.of(total.add(section).add(number == null ? BigDecimal.ZERO
                : abbreviated(number, digitAfterScale, lastScale)));
    }

    /** 一百二 = 120, 一万三 = 13000, 两千三点一 = 2300.1: a lone digit right after a scale word counts one place lower. */
    private static BigDecimal abbreviated(BigDecimal number, boolean digitAfterScale, BigDecimal lastScale) {
        if (digitAfterScale && lastScale.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return number.multiply(lastScale).divide(BigDecimal.TEN);
        }
        return number;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** 五五四四 after 点 -> 0.5544; null when a character is not a digit. */
    private BigDecimal decimals(String digits) {
        if (digits.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("0.");
        for (int i = 0; i < digits.length(); i++) {
            Entry e = entries.get(digits.charAt(i));
            if (e == null || e.kind() != Kind.DIGIT) {
                return null;
            }
            sb.append(e.value());
        }
        return new BigDecimal(sb.toString());
    }
}
