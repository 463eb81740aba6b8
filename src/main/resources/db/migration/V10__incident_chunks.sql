-- Incidents as column chunks (IncidentChunk): one row holds up to 8,192 incidents of a dataset in import
-- order, because both engines charge per row far more than per byte (a row per incident made a
-- 1,000,000-row import spend most of its time inserting). The rows of the V2 table "incidents" are
-- converted into chunks right after this script (IncidentChunksMigration), which then drops that table.
-- IF NOT EXISTS: H2 commits a CREATE TABLE at once, so a conversion cut short runs this script again.
CREATE TABLE IF NOT EXISTS incident_chunks (
    dataset_id BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    -- the number of the chunk's first incident within its dataset, from 0
    first_row  BIGINT NOT NULL,
    row_count  INT NOT NULL,
    data       ${bytes} NOT NULL,
    PRIMARY KEY (dataset_id, first_row)
);
