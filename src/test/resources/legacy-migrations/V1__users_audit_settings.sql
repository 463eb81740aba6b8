-- Users, audit log and settings: the foundation every other table builds on.
CREATE TABLE users (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    username_key    VARCHAR(64)  NOT NULL UNIQUE,
    password_hash   VARCHAR(60)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in    TIMESTAMP WITH TIME ZONE,
    failed_attempts INT DEFAULT 0 NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE audit_log (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    username VARCHAR(64),
    event    VARCHAR(32) NOT NULL,
    detail   VARCHAR(4000)
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE settings (
    setting_key   VARCHAR(128) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
