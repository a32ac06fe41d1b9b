-- Who looked whom up (contract §12.1): status-api records every lookup by phone and every answer that returned a
-- phone: when, the caller's name, the card (null when a phone found none) and an HMAC-SHA256 of the phone in E.164
-- under a key of status-api's configuration (hex), never the phone. status-api purges rows older than its retention.
-- Ops read it by caller, card or phone (hashed the same way), newest first.
CREATE TABLE lookup_audit (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    caller     TEXT        NOT NULL,
    lookup     TEXT        NOT NULL,
    card_id    TEXT,
    phone_hash TEXT
);
CREATE INDEX lookup_audit_at_idx ON lookup_audit (at);
CREATE INDEX lookup_audit_caller_idx ON lookup_audit (caller, at);
CREATE INDEX lookup_audit_card_idx ON lookup_audit (card_id, at);
CREATE INDEX lookup_audit_phone_idx ON lookup_audit (phone_hash, at);

-- status-api reads the projection only (deploy/postgres/roles.sql); this table it also writes and purges
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cardstatus_api') THEN
        GRANT INSERT, DELETE ON lookup_audit TO cardstatus_api;
    END IF;
END
$$;
