package io.zhibiao.ingest.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal that becomes an RFC 7807 problem: status, a type slug, a title, a detail, and the
 * request field or parameter that is at fault. Services throw it; the REST layer renders it.
 */
public class IngestProblem extends RuntimeException {

    /** Base of the problem type URIs. */
    public static final String TYPE_BASE = "https://zhibiao.io/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final String parameter;

    private IngestProblem(int status, String type, String title, String detail, String field, String parameter,
            Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.parameter = parameter;
    }

    /** A problem with a field of the document (JSON field, or the body for text bodies). */
    public static IngestProblem field(int status, String type, String title, String field, String detail) {
        return new IngestProblem(status, type, title, detail, field, null, null);
    }

    /** A problem with a request parameter (query parameter or header). */
    public static IngestProblem parameter(int status, String type, String title, String parameter, String detail) {
        return new IngestProblem(status, type, title, detail, null, parameter, null);
    }

    public static IngestProblem unavailable(String detail, Throwable cause) {
        return new IngestProblem(503, "unavailable", "Service unavailable", detail, null, null, cause);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String parameter() {
        return parameter;
    }

    /** The problem as a JSON object body ({@code application/problem+json}). */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (field != null) {
            body.put("field", field);
        }
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return body;
    }
}
