-- The notifier's subscriptions, the deliveries it owes them (its progress and backlog) and every attempt it made.
-- Written only by status-notifier; unqualified names live in its own schema (spring.flyway.schemas).

-- One receiver of webhooks. start_offsets: the committed end of each status topic partition when it was created, so a
-- replay of older records (a new consumer group, offsets reset) never reaches a subscription that did not exist then.
CREATE TABLE subscription (
    id                    UUID         PRIMARY KEY,
    url                   TEXT         NOT NULL,
    filter                JSONB        NOT NULL,
    include_phone         BOOLEAN      NOT NULL,
    secret                TEXT         NOT NULL,
    previous_secret       TEXT,
    previous_secret_until TIMESTAMPTZ,
    start_offsets         JSONB        NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL,
    created_by            TEXT         NOT NULL,
    paused_at             TIMESTAMPTZ,
    paused_reason         TEXT
);

-- One webhook owed to a subscription: its exact body and stable webhook-id; pending while delivered_at is null.
-- head: the oldest pending delivery of its card for the subscription, the only one that may be attempted (so a card's
-- webhooks go out in order). next_attempt_at is also the lease of an attempt in flight (set past the attempt's
-- timeout when it is claimed).
CREATE TABLE delivery (
    id              BIGSERIAL    PRIMARY KEY,
    subscription_id UUID         NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    card_id         TEXT         NOT NULL,
    webhook_id      TEXT         NOT NULL,
    event_type      TEXT         NOT NULL,
    body            TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    failing_since   TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    head            BOOLEAN      NOT NULL DEFAULT false,
    UNIQUE (subscription_id, webhook_id)
);

-- the heads that are due, soonest first (what a claim reads), and each card's pending deliveries in order
CREATE INDEX delivery_due_heads ON delivery (subscription_id, next_attempt_at, id) WHERE head AND delivered_at IS NULL;
CREATE INDEX delivery_pending_by_card ON delivery (subscription_id, card_id, id) WHERE delivered_at IS NULL;
-- redelivery of a time range and the purge of delivered rows
CREATE INDEX delivery_by_created ON delivery (subscription_id, created_at);
CREATE INDEX delivery_delivered ON delivery (delivered_at) WHERE delivered_at IS NOT NULL;

-- One row per card and subscription that ever had a webhook: the lock of that card's queue. Whoever adds deliveries
-- to it, completes its head or makes old ones pending again locks this row first (CardQueues), so each queue always
-- has one head, the oldest pending delivery.
CREATE TABLE card_queue (
    subscription_id UUID  NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    card_id         TEXT  NOT NULL,
    PRIMARY KEY (subscription_id, card_id)
);

-- The content hash of the last change enqueued per subscription, card and event type: a record whose content (volatile
-- fields aside) hashes the same is not delivered again. Kept as long as the subscription, so no replay storms.
CREATE TABLE last_enqueued (
    subscription_id UUID   NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    card_id         TEXT   NOT NULL,
    event_type      TEXT   NOT NULL,
    content_hash    BYTEA  NOT NULL,
    PRIMARY KEY (subscription_id, card_id, event_type)
);

-- Every attempt to deliver (and every test event), kept for cardstatus.notifier.retention.
CREATE TABLE attempt (
    id               BIGSERIAL    PRIMARY KEY,
    subscription_id  UUID         NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    delivery_id      BIGINT       REFERENCES delivery (id) ON DELETE SET NULL,
    webhook_id       TEXT         NOT NULL,
    attempted_at     TIMESTAMPTZ  NOT NULL,
    status_code      INT,
    latency_ms       INT          NOT NULL,
    error            TEXT,
    response_excerpt TEXT
);

CREATE INDEX attempt_by_subscription ON attempt (subscription_id, attempted_at DESC);
CREATE INDEX attempt_by_time ON attempt (attempted_at);
