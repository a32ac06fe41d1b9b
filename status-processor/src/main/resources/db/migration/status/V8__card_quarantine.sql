-- contract §11.1: each card's owner and its quarantined events (another partner's events, not folded), as the fold
-- last published them on card.quarantine; ops list the events (status-api GET /api/v1/quarantine) and decide them.
-- Outside the projection's generations: a rebuild of card_status leaves it alone (it is written from its own topic).
CREATE TABLE card_quarantine (
    card_id    TEXT        PRIMARY KEY,
    owner      TEXT,
    version    BIGINT      NOT NULL,
    as_of      TIMESTAMPTZ,
    -- the quarantined events, oldest first (card-contract CardQuarantine.Event as JSON, snake_case, without phones)
    events     JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- the ops listing: only cards with events waiting, oldest change first
CREATE INDEX card_quarantine_waiting ON card_quarantine (as_of, card_id) WHERE events <> '[]'::jsonb;
