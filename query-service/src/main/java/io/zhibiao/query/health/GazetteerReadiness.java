package io.zhibiao.query.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.zhibiao.query.service.RegionDirectory;

/** Ready once the gazetteer is loaded: /regions and the dashboard's region picker need it. */
@Readiness
@ApplicationScoped
public class GazetteerReadiness implements HealthCheck {

    private final RegionDirectory directory;

    public GazetteerReadiness(RegionDirectory directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        int size = directory.size();
        return HealthCheckResponse.named("gazetteer").status(size > 0).withData("regions", size).build();
    }
}
