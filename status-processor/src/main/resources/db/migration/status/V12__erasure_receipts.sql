-- Erasure (contract §12): ops ask status-api to forget a phone, or a card's phones (POST /api/v1/erasures), which
-- deletes the phones' data keys from ingest.phone_key in one transaction: every value sealed under them, in Kafka or
-- PostgreSQL, can no longer be opened. Each erasure leaves a receipt: when, who, by phone or by card (the card asked
-- for), the cards whose current phone it erased, how many keys, and the stores where values sealed under those keys
-- are (now unreadable) — never the phone nor its hash. status-api writes receipts and reads them (role ops).
CREATE TABLE erasure_receipt (
    id          UUID        PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    caller      TEXT        NOT NULL,
    erased_by   TEXT        NOT NULL CHECK (erased_by IN ('phone', 'card')),
    card_id     TEXT,
    cards       TEXT[]      NOT NULL,
    keys_erased INTEGER     NOT NULL,
    stores      TEXT[]      NOT NULL
);
CREATE INDEX erasure_receipt_at_idx ON erasure_receipt (at);

-- status-api writes receipts, and forgets the erased phones' hashes in the lookup audit (V9): their entries stay,
-- with their caller, card and time, but nothing left finds them by phone
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cardstatus_api') THEN
        GRANT INSERT ON erasure_receipt TO cardstatus_api;
        GRANT UPDATE (phone_hash) ON lookup_audit TO cardstatus_api;
    END IF;
END
$$;
