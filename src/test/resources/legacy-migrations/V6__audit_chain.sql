-- Tamper evidence for the audit log: every entry written from now on carries the SHA-256 of its own
-- fields and of the entry before it (entry_hash over prev_hash), so changing or deleting a row with
-- a database tool breaks the chain where it happened. Entries written before this migration carry no
-- hash: they are the part before the chain's start, named by legacy_until and reported as not covered.
ALTER TABLE audit_log ADD COLUMN prev_id BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN entry_hash VARCHAR(64);

-- One row: where the chain starts and its tail, so a deletion at the end of the log is seen too.
CREATE TABLE audit_chain (
    id           INT PRIMARY KEY,
    legacy_until BIGINT NOT NULL,
    tail_id      BIGINT,
    tail_hash    VARCHAR(64)
);
INSERT INTO audit_chain (id, legacy_until, tail_id, tail_hash)
    SELECT 1, COALESCE(MAX(id), 0), NULL, NULL FROM audit_log;
