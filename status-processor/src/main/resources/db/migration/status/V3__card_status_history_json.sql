-- A card's history is written whole and read whole, never queried inside: keep the JSON text as written (json)
-- instead of decomposing it on every write and re-printing it on every read (jsonb).
ALTER TABLE card_status ALTER COLUMN history TYPE JSON USING history::json;
