package io.zhibiao.query;

/** One division of the gazetteer. */
public record Region(String code, String name, String shortName, String level, String parentCode) {
}
