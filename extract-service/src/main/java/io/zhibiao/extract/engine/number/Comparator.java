package io.zhibiao.extract.engine.number;

/** How a stated number bounds the true value (GUIDELINES.md section 5, Comparators). */
public enum Comparator {
    /** exactly the number */
    EQ,
    /** at least: 以上, 余, 多, 超过, 突破, 逾 */
    GE,
    /** at most: 以下, 以内, 不超过, 不足, 控制在, 前三 */
    LE,
    /** about: 约, 近, 左右, 大约 */
    APPROX
}
