-- Alerts raised by the prediction screen: which rule fired, where, with which values.
CREATE TABLE alerts (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    username     VARCHAR(64),
    rule         VARCHAR(32) NOT NULL,
    lat          DOUBLE PRECISION NOT NULL,
    lon          DOUBLE PRECISION NOT NULL,
    detail       VARCHAR(2000) NOT NULL,
    model_name   VARCHAR(200),
    hotspot_set  VARCHAR(200)
);
CREATE INDEX alerts_at ON alerts (at);
