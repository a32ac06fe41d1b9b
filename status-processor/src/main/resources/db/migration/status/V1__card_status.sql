-- Current status of every card, projected from the card.status topic by the status processor.
-- Written only by the processor; version guards every write so an older record never replaces a newer one.
CREATE TABLE card_status (
    card_id             VARCHAR(64)  PRIMARY KEY,
    status              VARCHAR(32)  NOT NULL,
    status_at           TIMESTAMPTZ  NOT NULL,
    phone               VARCHAR(20),
    comment             TEXT,
    delivery_exceptions INTEGER      NOT NULL,
    version             BIGINT       NOT NULL,
    history             JSONB        NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- lookups by phone answer with the card whose status changed last
CREATE INDEX card_status_phone_idx ON card_status (phone, status_at DESC) WHERE phone IS NOT NULL;
