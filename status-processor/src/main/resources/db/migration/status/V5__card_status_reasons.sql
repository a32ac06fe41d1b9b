-- Status v2 (contract §10): the reason of each card's current event, who must act and what to do, its attempts,
-- partner, and when the service accepted the change (as_of). Null in rows written before, until the card changes
-- again or the projection is rebuilt. V6 belongs to the projection's generations (rebuild).
ALTER TABLE card_status
    ADD COLUMN reason          VARCHAR(32),
    ADD COLUMN raw_reason      TEXT,
    ADD COLUMN responsible     VARCHAR(16),
    ADD COLUMN action_required VARCHAR(32),
    ADD COLUMN partner         VARCHAR(64),
    ADD COLUMN attempts        INTEGER,
    ADD COLUMN as_of           TIMESTAMPTZ;

-- GET /api/v1/unmapped-reasons: the cards whose current reason the partner's mapping did not know. Few rows, and a
-- card leaves the index when its reason is mapped, so most status rewrites stay heap-only (HOT) updates.
CREATE INDEX card_status_unmapped_idx ON card_status (partner, raw_reason) WHERE reason = 'OTHER' AND raw_reason IS NOT NULL;
