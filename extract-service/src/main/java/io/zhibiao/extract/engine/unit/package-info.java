/**
 * The unit table of {@code grammar/units.tsv}: surface units after numbers, their guideline unit codes, factors to the
 * base unit (亿元 1e8, 斤 0.0005 TON, 成 10 PERCENT) and measure-word flags. Units with code {@code -} have no base
 * unit in the guidelines and drop their quantity.
 */
package io.zhibiao.extract.engine.unit;
