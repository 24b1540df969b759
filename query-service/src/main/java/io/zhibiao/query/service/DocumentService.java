package io.zhibiao.query.service;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zhibiao.query.DocumentStatus;
import io.zhibiao.query.DocumentView;
import io.zhibiao.query.config.QueryConfig;
import io.zhibiao.query.repository.DocumentEntity;
import io.zhibiao.query.repository.DocumentRepository;
import io.zhibiao.query.repository.IndicatorRepository;

/** GET /documents and GET /documents/{id}. */
@ApplicationScoped
public class DocumentService {

    private final DocumentRepository documents;
    private final IndicatorRepository indicators;
    private final ParameterParser parser;
    private final ObjectMapper mapper;
    private final QueryConfig config;

    public DocumentService(DocumentRepository documents, IndicatorRepository indicators, ParameterParser parser,
                           ObjectMapper mapper, QueryConfig config) {
        this.documents = documents;
        this.indicators = indicators;
        this.parser = parser;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional
    public Page<DocumentView> list(String status, String q, String limit, String cursor) {
        String parsedStatus = parser.oneOf("status", status, java.util.Set.of("PENDING", "EXTRACTED", "FAILED"));
        String title = parser.text("q", q);
        int size = parser.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit());
        OffsetDateTime afterCreatedAt = null;
        String afterId = null;
        if (!ParameterParser.blank(cursor)) {
            try {
                JsonNode node = mapper.readTree(Base64.getUrlDecoder().decode(cursor.trim()));
                afterCreatedAt = OffsetDateTime.parse(node.path("c").asText(""));
                afterId = node.path("i").asText(null);
            } catch (IllegalArgumentException | java.io.IOException | DateTimeParseException e) {
                // a forged or truncated cursor
                throw new BadParameterException("cursor", "not a cursor of this API");
            }
            if (afterId == null) {
                throw new BadParameterException("cursor", "not a cursor of this API");
            }
        }
        List<DocumentEntity> rows = documents.page(parsedStatus == null ? null : DocumentStatus.valueOf(parsedStatus),
                title, afterCreatedAt, afterId, size + 1);
        boolean more = rows.size() > size;
        List<DocumentEntity> page = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            DocumentEntity last = page.get(page.size() - 1);
            String json = mapper.createObjectNode().put("c", last.createdAt.toString()).put("i", last.id).toString();
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }
        return new Page<>(page.stream().map(d -> view(d, false)).toList(), next);
    }

    @Transactional
    public DocumentView get(String id) {
        DocumentEntity doc = documents.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no document " + id));
        return view(doc, true);
    }

    private DocumentView view(DocumentEntity d, boolean withIndicators) {
        return new DocumentView(d.id, d.externalId, d.title, d.url, d.publishedAt == null ? null : d.publishedAt.toString(),
                d.source, d.receivedAt == null ? null : d.receivedAt.toInstant().toString(), d.status,
                d.currentExtractionId, d.extractorVersion,
                d.currentCompletedAt == null ? null : d.currentCompletedAt.toInstant().toString(), d.indicatorCount, d.error,
                d.regionCode == null && d.regionName == null ? null : new DocumentView.RegionRef(d.regionCode, d.regionName),
                withIndicators ? indicators.forDocument(d.id) : null);
    }
}
