-- Uploads are described by columns (progress included) instead of one JSON report, and every rejected or
-- warned row is kept in row_issue, so reports of files of any size can be paged and queried.
ALTER TABLE upload
    ADD COLUMN source         VARCHAR(16)  NOT NULL DEFAULT 'http',
    ADD COLUMN rows_read      BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN warnings_total BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN error          TEXT,
    ADD COLUMN instance_id    VARCHAR(128),
    ADD COLUMN content_sha256 VARCHAR(64),
    DROP COLUMN report;

CREATE TABLE row_issue (
    id        BIGSERIAL   PRIMARY KEY,
    upload_id UUID        NOT NULL REFERENCES upload (upload_id) ON DELETE CASCADE,
    severity  VARCHAR(8)  NOT NULL CHECK (severity IN ('REJECTED', 'WARNING')),
    line      INTEGER     NOT NULL,
    message   TEXT        NOT NULL,
    raw       TEXT
);

CREATE INDEX row_issue_upload_idx ON row_issue (upload_id, severity, line);
CREATE INDEX upload_inbox_idx ON upload (file_name, content_sha256) WHERE source = 'inbox';
