-- Projection generations (contract §10, "Rebuild without downtime"): the projection's rows live in a table per
-- generation (card_status_g1, card_status_g2, ...) and card_status becomes a view on the current one, which readers
-- (status-api, ops) and the live projection writer use unchanged. A rebuild fills a new generation, created with
-- CREATE TABLE ... (LIKE <current> INCLUDING ALL) so it has every column and index of the current one, while the view
-- keeps serving the current one; the processor then replaces the view in the same transaction as the bookkeeping row
-- and drops the old generation.
-- A later migration that changes the projection's columns alters the current generation (its name is in
-- projection_generation) and recreates the view: the view's column list is fixed when it is created.
ALTER TABLE card_status RENAME TO card_status_g1;
CREATE VIEW card_status AS SELECT * FROM card_status_g1;

-- Every generation and what happened to it: requested (by ops, through status-api), building (a processor fills it,
-- writing its progress here), current (the view shows it), then dropped after the next switch; or cancelled, or
-- failed. At most one rebuild at a time and one current generation (the unique indexes).
CREATE TABLE projection_generation (
    generation        INTEGER      PRIMARY KEY,
    state             VARCHAR(16)  NOT NULL
        CHECK (state IN ('requested', 'building', 'current', 'cancelled', 'failed', 'dropped')),
    mode              VARCHAR(16)  NOT NULL CHECK (mode IN ('initial', 'reproject', 'refold')),
    requested_by      VARCHAR(128) NOT NULL,
    requested_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at        TIMESTAMPTZ,
    switched_at       TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    cancel_requested  BOOLEAN      NOT NULL DEFAULT FALSE,
    worker            VARCHAR(128),
    heartbeat_at      TIMESTAMPTZ,
    records_total     BIGINT,
    records_read      BIGINT       NOT NULL DEFAULT 0,
    cards_written     BIGINT       NOT NULL DEFAULT 0,
    reasons_remapped  BIGINT       NOT NULL DEFAULT 0,
    message           TEXT
);
CREATE UNIQUE INDEX projection_generation_one_rebuild ON projection_generation ((TRUE))
    WHERE state IN ('requested', 'building');
CREATE UNIQUE INDEX projection_generation_one_current ON projection_generation ((TRUE)) WHERE state = 'current';
INSERT INTO projection_generation (generation, state, mode, requested_by, started_at, switched_at)
VALUES (1, 'current', 'initial', 'migration V7', now(), now());

-- status-api asks for and cancels rebuilds (role ops) through these two functions, which run with the rights of the
-- processor's role that owns the table: the API's role keeps only SELECT on the schema, and can do nothing here but
-- these two things (in a transaction it opens read-write). A second request while one is requested or building fails
-- on projection_generation_one_rebuild (status-api answers 409).
CREATE FUNCTION request_projection_rebuild(wanted_mode TEXT, asked_by TEXT) RETURNS INTEGER
    LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    INSERT INTO projection_generation (generation, state, mode, requested_by)
    SELECT max(generation) + 1, 'requested', wanted_mode, left(asked_by, 128) FROM projection_generation
    RETURNING generation
$$;

-- A requested rebuild is cancelled at once; a building one when its processor next reports progress (within a
-- second). Returns the generation's state after the call, or null when it was neither requested nor building.
CREATE FUNCTION cancel_projection_rebuild(wanted INTEGER) RETURNS TEXT
    LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE projection_generation
    SET cancel_requested = TRUE,
        state = CASE WHEN state = 'requested' THEN 'cancelled' ELSE state END,
        finished_at = CASE WHEN state = 'requested' THEN now() ELSE finished_at END
    WHERE generation = wanted AND state IN ('requested', 'building')
    RETURNING state
$$;
