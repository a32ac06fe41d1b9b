-- Each ingest instance looks for its own uploads left PROCESSING every few seconds (InterruptedUploads); only a
-- handful are ever PROCESSING, so a partial index keeps that a lookup of nothing rather than a scan of all uploads.
CREATE INDEX upload_processing_idx ON upload (instance_id) WHERE state = 'PROCESSING';
