package io.zhibiao.extract.mapping;

import io.zhibiao.extract.engine.RegionRef;
import io.zhibiao.extract.engine.event.IndicatorEvent;

/** The engine's region as the wire region of indicator and extraction records. */
public final class EventRegions {

    private EventRegions() {
    }

    /** @return the wire region, or null when the engine found no document region */
    public static IndicatorEvent.Region of(RegionRef region) {
        if (region == null) {
            return null;
        }
        return new IndicatorEvent.Region(region.name(), region.code(), region.level(), region.parents().stream()
                .map(p -> new IndicatorEvent.Parent(p.code(), p.name(), p.level()))
                .toList());
    }
}
