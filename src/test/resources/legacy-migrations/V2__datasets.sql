-- Imported incident data: datasets, the files each was made from, the incidents, saved column
-- mappings and boundary area layers. Text columns have no length limit (the importer refuses fields
-- over 1 MB), so an unusual export never fails on a column width.

CREATE TABLE datasets (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    -- lower-case name: names are unique regardless of case
    name_key    VARCHAR(200) NOT NULL UNIQUE,
    synthetic   BOOLEAN DEFAULT FALSE NOT NULL,
    created_by  VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the column mapping of the latest import, as field=header pairs
    mapping     VARCHAR,
    -- the cleaning report of all imports together, JSON (ImportReport)
    report_json CLOB,
    -- kept up to date by each import so that listing datasets never scans incidents
    row_count      BIGINT DEFAULT 0 NOT NULL,
    first_occurred TIMESTAMP,
    last_occurred  TIMESTAMP
);

CREATE TABLE dataset_files (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    dataset_id  BIGINT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR(64) NOT NULL,
    size_bytes  BIGINT NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by VARCHAR(64),
    mapping     VARCHAR,
    rows_read   BIGINT NOT NULL,
    rows_kept   BIGINT NOT NULL,
    -- this file's cleaning report, JSON (ImportReport)
    report_json CLOB NOT NULL,
    -- a dataset never holds the same file twice
    CONSTRAINT dataset_files_once UNIQUE (dataset_id, sha256)
);

-- One row per kept incident. The key is dataset id * 2^40 + row number, so a dataset's rows are one
-- key range: loading and deleting a dataset walk the primary key, and inserts pay for no second index
-- (measured: a dataset_id index costs about a quarter more per row). Hence no foreign key on
-- dataset_id either (H2 would index it); DatasetStore deletes a dataset's incidents itself.
CREATE TABLE incidents (
    id             BIGINT PRIMARY KEY,
    dataset_id     BIGINT NOT NULL,
    file_id        BIGINT NOT NULL,
    -- line of the source file the record starts on (header = 1)
    source_line    BIGINT NOT NULL,
    incident_id    VARCHAR NOT NULL,
    -- local wall-clock time as the agency wrote it
    occurred_at    TIMESTAMP NOT NULL,
    -- derived by H2 from occurred_at (measured cheaper than sending them, and never inconsistent)
    hour_of_day    TINYINT GENERATED ALWAYS AS (EXTRACT(HOUR FROM occurred_at)),
    -- 1 Monday ... 7 Sunday
    day_of_week    TINYINT GENERATED ALWAYS AS (EXTRACT(ISO_DAY_OF_WEEK FROM occurred_at)),
    month_of_year  TINYINT GENERATED ALWAYS AS (EXTRACT(MONTH FROM occurred_at)),
    lat            DOUBLE PRECISION NOT NULL,
    lon            DOUBLE PRECISION NOT NULL,
    offense        VARCHAR NOT NULL,
    offense_code   VARCHAR NOT NULL,
    offense_group  VARCHAR NOT NULL,
    district       VARCHAR NOT NULL,
    street         VARCHAR NOT NULL,
    reporting_area VARCHAR NOT NULL,
    shooting       BOOLEAN,
    ucr_part       VARCHAR NOT NULL,
    -- 64-bit hash of id, offence code (or offence), time and place: duplicates against the dataset
    dedupe_key     BIGINT NOT NULL
);

CREATE TABLE column_mappings (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    name_key     VARCHAR(200) NOT NULL UNIQUE,
    -- field=header, one pair per line
    columns      VARCHAR NOT NULL,
    date_pattern VARCHAR(200),
    created_by   VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Boundary layers imported from GeoJSON (districts, neighbourhoods) for the map: the layer's areas
-- as one normalised FeatureCollection (MultiPolygons, the chosen name in each feature's properties).
CREATE TABLE area_layers (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    name_key      VARCHAR(200) NOT NULL UNIQUE,
    name_property VARCHAR(200) NOT NULL,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    area_count    INT NOT NULL,
    created_by    VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    geojson       CLOB NOT NULL
);
