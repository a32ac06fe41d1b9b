-- Which Kafka history the projection was built from: the cluster and the generation (topic ID) of card.status.
-- Versions in card_status only mean something against that history; the processor refuses to start on another
-- one (Kafka wiped or replaced) unless the projection is empty or it is told to rebuild it (ProjectionOrigin).
CREATE TABLE projection_origin (
    singleton        BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    cluster_id       VARCHAR(64)  NOT NULL,
    status_topic_id  VARCHAR(64)  NOT NULL,
    adopted_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
