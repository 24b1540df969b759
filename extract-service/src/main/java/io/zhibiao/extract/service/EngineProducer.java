package io.zhibiao.extract.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.zhibiao.extract.engine.ExtractionEngine;

/** Creates the extraction engine once for the whole application. */
public class EngineProducer {

    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    /**
     * Singleton rather than ApplicationScoped: the engine is a final, thread-safe class that needs no client proxy.
     * Started eagerly so that broken grammar or gazetteer data stops the service at start-up, not at the first document.
     */
    @Produces
    @Singleton
    @Startup
    ExtractionEngine engine() {
        long start = System.nanoTime();
        ExtractionEngine engine = ExtractionEngine.fromClasspath();
        LOG.infof("Extraction engine %s loaded in %d ms", ExtractionEngine.version(), (System.nanoTime() - start) / 1_000_000);
        return engine;
    }
}
