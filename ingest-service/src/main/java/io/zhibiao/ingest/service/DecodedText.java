package io.zhibiao.ingest.service;

/**
 * Text decoded from bytes, and the charset it arrived in.
 *
 * @param charset the name reported on the topic: UTF-8, GBK, GB18030, Big5 (or UTF-16 for a BOM)
 * @param how     how the charset was found: bom, declared, meta, detected
 */
public record DecodedText(String text, String charset, String how) {
}
