package io.zhibiao.extract.health;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.zhibiao.extract.service.ExtractionService;

/** Ready once the engine is loaded and has extracted the warm-up text, so no request pays for cold dictionaries. */
@Readiness
@ApplicationScoped
public class EngineReadinessCheck implements HealthCheck {

    private final ExtractionService service;

    public EngineReadinessCheck(ExtractionService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("extraction-engine")
                .withData("extractorVersion", service.extractorVersion());
        CompletableFuture<Long> warmUp = service.warmUp();
        if (!warmUp.isDone()) {
            return response.down().withData("state", "warming up").build();
        }
        try {
            return response.up().withData("warmUpMillis", warmUp.get()).build();
        } catch (ExecutionException | CompletionException e) {
            return response.down().withData("error", String.valueOf(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
