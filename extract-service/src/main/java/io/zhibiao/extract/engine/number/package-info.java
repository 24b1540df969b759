/**
 * Numbers, scale words, units and comparators: {@link io.zhibiao.extract.engine.number.QuantityRecognizer} finds
 * {@link io.zhibiao.extract.engine.number.Quantity quantities} in a text (GUIDELINES.md sections 4 and 5).
 *
 * <p>The grammar is data: {@code grammar/numbers.yaml} (named regexes and the ordered alternatives of one master
 * regex), {@code grammar/numerals.tsv}, {@code grammar/units.tsv} and {@code grammar/comparators.tsv}, loaded once into
 * immutable objects. One left-to-right scan finds spans; each span is resolved by its alternative.
 *
 * <p>Decisions, each backed by cases in {@code src/test/resources/cases/*.tsv}:
 * <ul>
 * <li>Never returned: years and dates (2022年, 二〇二二年, 2021-9-4, 3月26日, 1-7月, 2021-2025年), quarters, clock
 *     times, durations (连续5年, 3个月), phone and hotline numbers, footnote marks ([5]), document numbers, URLs,
 *     text structure (一是, (一), 【亮点一】, list numbers at a line start), programme labels (十四五, quoted short
 *     labels such as “5020”, “1+2+N”, “四个一批”), tiers and grades (十亿级, 三级医院, 4A级), numbers glued to Latin
 *     letters (X016, S333, 5G, PM2.5).</li>
 * <li>第N is a rank only when it ends at 位/名/强, punctuation, 和/与/及 or the end of the text (第45位, 全省第三,
 *     第2和第1); 第一批, 第一季度, 第三产业, 第十三次 are ordinals of labels and yield nothing. 前N is a rank with LE.
 *     位居61名 (a ranking verb and 名/位) is a rank without 第.</li>
 * <li>Units without a base unit in the guidelines (立方米, 千瓦, 千瓦时, 小时, 公斤, ‰, 岁, 欧元…, marked {@code -} in
 *     units.tsv) and compound units (吨标准煤/万元, 元/吨) drop their quantity entirely, so that no number surfaces with
 *     a wrong unit or as a bare number; a percentage next to them is still returned.</li>
 * <li>A bare number has unit null; the engine decides (20亿 after a money indicator is CNY). A lone Chinese digit
 *     without a unit (统一, 三农, 四化) is a word and is not returned; 一 before a measure word (一个, 一批, 一项) is an
 *     article and is not returned; a lone 零 (零部件, 零售) is not a number, but 零死亡/零发案/清零 are 0.</li>
 * <li>Shares: 三成 = 30, 四分之一 = 25, 3/5 = 60 PERCENT; N倍 is MULTIPLE; 翻番 = 100 and 翻两番 = 300 PERCENT.</li>
 * <li>Ranges (6~8万元, 6-8万元, 6至8万元, 20和30之间) give two quantities over one span, GE then LE; the first bound
 *     borrows the scale word and unit of the second.</li>
 * <li>Comparator cues are adjacent to the number (超过30个, 30个以上, 300余项); the cue is not part of the text
 *     unless it sits inside the number (余/多).</li>
 * </ul>
 */
package io.zhibiao.extract.engine.number;
