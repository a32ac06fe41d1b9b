-- One row per upload attempt, with its report; written by the ingest producer.
CREATE TABLE upload (
    upload_id     UUID         PRIMARY KEY,
    partner       VARCHAR(64)  NOT NULL,
    file_name     TEXT         NOT NULL,
    kind          VARCHAR(32),
    state         VARCHAR(16)  NOT NULL,
    rows_total    BIGINT       NOT NULL DEFAULT 0,
    rows_accepted BIGINT       NOT NULL DEFAULT 0,
    rows_rejected BIGINT       NOT NULL DEFAULT 0,
    report        JSONB        NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ
);

CREATE INDEX upload_received_idx ON upload (received_at DESC);
