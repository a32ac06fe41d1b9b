-- The work queue's cursor, exactly once while cards change (contract §13): GET /api/v1/cards lists cards by last
-- change, so a card that changes while a client pages would move behind the cursor and come again. Each page after
-- the first is read as of the first page's snapshot (pg_current_snapshot(), carried in the cursor): a card whose
-- change that snapshot does not see keeps the place it had then, which this table remembers. One row per change of a
-- card's updated_at (was: the place it leaves; txid: the transaction that moved it, tested against the cursor's
-- snapshot with pg_visible_in_snapshot), written by a statement-level trigger on the projection's current generation
-- (ProjectionGenerations puts it on each new generation when it switches), deleted by the processor after
-- cardstatus.projection.card-moves-kept. V8 and V9 belong to other changes.
CREATE TABLE card_move (
    id              BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    card_id         VARCHAR(64)  NOT NULL,
    was_updated_at  TIMESTAMPTZ  NOT NULL,
    moved_at        TIMESTAMPTZ  NOT NULL,
    txid            XID8         NOT NULL DEFAULT pg_current_xact_id()
);
-- a card's moves in the order they committed (two moves of one card are serialised by its row lock)
CREATE INDEX card_move_card_idx ON card_move (card_id, id);
-- the moves a cursor's snapshot does not see, by the place their cards had: the second half of a page
CREATE INDEX card_move_place_idx ON card_move (was_updated_at, card_id);
-- the processor's purge
CREATE INDEX card_move_moved_idx ON card_move (moved_at);

CREATE FUNCTION record_card_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO card_move (card_id, was_updated_at, moved_at)
    SELECT o.card_id, o.updated_at, n.updated_at
    FROM old_rows o JOIN new_rows n USING (card_id)
    WHERE n.updated_at IS DISTINCT FROM o.updated_at;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    current_table TEXT := 'card_status_g'
        || (SELECT generation FROM projection_generation WHERE state = 'current');
BEGIN
    EXECUTE format('CREATE TRIGGER card_moves AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows'
        || ' NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION record_card_moves()', current_table);
END
$$;
