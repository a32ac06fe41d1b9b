-- Phones sealed (contract §12): the projection's phone column holds the card's phone sealed under its data key
-- (pd1.<key ID>.<ciphertext>, card-contract SealedPhones), and phone_key_id names that key, so status-api finds the
-- cards of a phone through its key (ingest.phone_key, found by the phone's keyed hash) and an erasure finds the cards
-- whose phone it erased. A phone in clear the processor meets (a card.status record from before sealing) is sealed
-- before it is written; a rebuild re-seals every card. Rows written before this migration keep their clear phone and
-- a null phone_key_id until the card changes again or the projection is rebuilt. The history holds no phones (its
-- entries have none, V3), so it needs no sealing.
-- A sealed phone is longer than the 20 characters of V1's column: it becomes TEXT, which means dropping the view
-- (PostgreSQL will not change a column a view reads) and making it again, with status-api's right to read it.
-- Lookups by phone no longer read the phone column: its index (V2) goes, phone_key_id's comes instead (a key changes
-- as rarely as the phone, so most status rewrites stay as they were). The current generation is altered and the view
-- recreated (V7); rebuilds make new generations like it.
DO $$
DECLARE
    current_table TEXT := 'card_status_g'
        || (SELECT generation FROM projection_generation WHERE state = 'current');
    phone_index TEXT;
BEGIN
    DROP VIEW card_status;
    FOR phone_index IN
        SELECT index_class.relname
        FROM pg_index x
        JOIN pg_class index_class ON index_class.oid = x.indexrelid
        JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey)
        WHERE x.indrelid = CAST(current_table AS regclass) AND a.attname = 'phone'
    LOOP
        EXECUTE format('DROP INDEX %I', phone_index);
    END LOOP;
    EXECUTE format('ALTER TABLE %I ALTER COLUMN phone TYPE TEXT', current_table);
    EXECUTE format('ALTER TABLE %I ADD COLUMN phone_key_id UUID', current_table);
    EXECUTE format('CREATE INDEX %I ON %I (phone_key_id) WHERE phone_key_id IS NOT NULL',
        current_table || '_phone_key_idx', current_table);
    EXECUTE format('CREATE VIEW card_status AS SELECT * FROM %I', current_table);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cardstatus_api') THEN
        GRANT SELECT ON card_status TO cardstatus_api;
    END IF;
END
$$;
