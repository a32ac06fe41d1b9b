-- Phones' data keys (contract §12, docs/personal-data.md): one per phone, made by ingest the first time it seals that
-- phone, wrapped under the key-encryption key of the services' configuration. Every value sealed under a key names
-- its key_id; deleting the row (an erasure) leaves all of them unreadable, wherever they were copied. phone_hash is
-- the phone's HMAC-SHA256 (hex) under cardstatus.personal-data.phone-hash-key: how a phone finds its key, never the
-- phone.
CREATE TABLE phone_key (
    key_id     UUID        PRIMARY KEY,
    phone_hash TEXT        NOT NULL UNIQUE,
    wrapped    BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- the processor seals phones it finds in clear (records from before sealing) and re-wraps keys after a KEK rotation;
-- status-api opens phones and erases keys; the notifier opens phones of webhooks that include them
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cardstatus_processor') THEN
        GRANT USAGE ON SCHEMA ingest TO cardstatus_processor;
        GRANT SELECT, INSERT, UPDATE ON phone_key TO cardstatus_processor;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cardstatus_api') THEN
        GRANT USAGE ON SCHEMA ingest TO cardstatus_api;
        GRANT SELECT, DELETE ON phone_key TO cardstatus_api;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cardstatus_notifier') THEN
        GRANT USAGE ON SCHEMA ingest TO cardstatus_notifier;
        GRANT SELECT ON phone_key TO cardstatus_notifier;
    END IF;
END
$$;
