package io.zhibiao.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.zhibiao.ingest.repository.DocumentIndex;

/** Not ready until the deduplication index has been rebuilt from the documents topic. */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {

    private final DocumentIndex index;

    public IndexReadinessCheck(DocumentIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("documents-index")
                .status(index.isRebuilt())
                .withData("documents", index.documentCount())
                .withData("records", index.recordsSeen())
                .build();
    }
}
