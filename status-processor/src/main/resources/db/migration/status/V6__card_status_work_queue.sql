-- The ops work queue (contract §13): when each card stalled (null while it is not stalled), and the indexes of
-- GET /api/v1/cards, which lists cards by last change (updated_at, then card_id: the keyset cursor), oldest first,
-- filtered. One ordered index per filter ops use most, so a page is an index range read, not a sort of every match.
-- Every status write changes updated_at, so these writes are no longer heap-only (HOT) updates: the price of a
-- queue sorted by last change (bench/README.md measures it). V7 belongs to the projection's generations (rebuild).
ALTER TABLE card_status ADD COLUMN stalled_since TIMESTAMPTZ;

CREATE INDEX card_status_changed_idx ON card_status (updated_at, card_id);
CREATE INDEX card_status_status_changed_idx ON card_status (status, updated_at, card_id);
CREATE INDEX card_status_partner_changed_idx ON card_status (partner, updated_at, card_id);
CREATE INDEX card_status_action_changed_idx ON card_status (action_required, updated_at, card_id);
-- stalled cards are few: a partial index holds only them
CREATE INDEX card_status_stalled_changed_idx ON card_status (updated_at, card_id) WHERE stalled_since IS NOT NULL;
