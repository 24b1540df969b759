package io.zhibiao.extract.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The indicator agreement of shared/eval/score.py: equal codes, else containment or a bigram Dice of at least 0.5. */
public final class IndicatorAgreement {

    private static final Pattern PUNCT = Pattern.compile("[\\s\\u3000“”\"'‘’《》〈〉()（）【】\\[\\],，、。:：;；!！?？·\\-—_/]+");

    private IndicatorAgreement() {
    }

    public static boolean agrees(String expectedCode, List<String> expectedNames, String code, String name) {
        if (expectedCode != null && code != null) {
            return expectedCode.equals(code);
        }
        String b = PUNCT.matcher(name == null ? "" : name).replaceAll("");
        for (String n : expectedNames) {
            String a = PUNCT.matcher(n).replaceAll("");
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            if (a.contains(b) || b.contains(a) || dice(a, b) >= 0.5) {
                return true;
            }
        }
        return false;
    }

    static double dice(String a, String b) {
        List<String> ba = bigrams(a);
        List<String> pool = new ArrayList<>(bigrams(b));
        int total = ba.size() + pool.size();
        int hit = 0;
        for (String g : ba) {
            if (pool.remove(g)) {
                hit++;
            }
        }
        return total == 0 ? 0 : 2.0 * hit / total;
    }

    private static List<String> bigrams(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        if (out.isEmpty() && !s.isEmpty()) {
            out.add(s);
        }
        return out;
    }
}
