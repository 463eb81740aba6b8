package org.beatwise.export;

import java.time.ZonedDateTime;
import java.util.List;
import org.beatwise.domain.Area;
import org.beatwise.hotspot.HotspotSet;
import org.beatwise.importing.DatasetInfo;
import org.beatwise.model.ModelReport;

/**
 * Everything a briefing prints, gathered from the stores before the PDF is laid out.
 *
 * @param model the model's held-out report, or null when none was asked for
 * @param areas the boundary layers drawn under the hotspots
 * @param areaLayers the names of those layers, for the map's caption
 */
record Briefing(String station, String analyst, ZonedDateTime createdAt, DatasetInfo dataset, HotspotSet set,
                ModelReport model, List<Area> areas, List<String> areaLayers) {

    boolean synthetic() {
        return dataset.synthetic();
    }
}
