package io.zhibiao.query.service;

/**
 * The raw filter parameters of GET /indicators, /stream and /series, as the client sent them;
 * {@link ParameterParser} validates them.
 */
public record FilterParameters(String region, String includeDescendants, String code, String q, String kind,
                               String status, String periodFrom, String periodTo, String documentId,
                               String publishedFrom, String publishedTo) {
}
