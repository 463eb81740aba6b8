-- Named hotspot sets: what the map and the alerts draw. A row keeps everything needed to reproduce
-- the set (dataset, settings, seed, data hash) and to judge it (the evaluation inside result_json).
CREATE TABLE hotspot_sets (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    name_key      VARCHAR(200) NOT NULL UNIQUE,
    dataset       VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(64),
    k             INT NOT NULL,
    seed          INT NOT NULL,
    rows_used     INT NOT NULL,
    data_sha256   VARCHAR(64) NOT NULL,
    sse           DOUBLE PRECISION NOT NULL,
    -- flat hotspot.* keys, one per line, as HotspotSettings.toProperties writes them
    settings      CLOB NOT NULL,
    -- the whole result (hotspots, evaluation, grid cells, provenance) as JSON
    result_json   CLOB NOT NULL
);
CREATE INDEX hotspot_sets_dataset ON hotspot_sets (dataset);
