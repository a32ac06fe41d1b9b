-- Least-privilege database roles of the card status service: one login role per service, each with only what it
-- needs (docs/deployment-security.md, "Database roles").
--   cardstatus_processor  owns schema "status" and migrates it with Flyway (card_status, flyway_history_status)
--   cardstatus_ingest     owns schema "ingest" and migrates it with Flyway (upload, row_issue, flyway_history_ingest)
--   cardstatus_api        reads schema "status", nothing else (SELECT, also on tables Flyway creates later)
--   cardstatus_notifier   owns schema "notifier" and migrates it (subscriptions, deliveries, attempts); reads Kafka only
-- Run once, by the database's owner or a superuser, with psql (docker compose runs it from
-- /docker-entrypoint-initdb.d/ when the PostgreSQL volume is created). Each role's SCRAM-SHA-256 verifier comes from
-- the environment, so neither this file nor the server (its statement log, pg_stat_statements) ever sees a password;
-- deploy/postgres/scram-verifier prints one:
--   CARDSTATUS_PROCESSOR_DB_PASSWORD='SCRAM-SHA-256$4096:...' CARDSTATUS_INGEST_DB_PASSWORD='SCRAM-SHA-256$...' \
--   CARDSTATUS_API_DB_PASSWORD='SCRAM-SHA-256$...' CARDSTATUS_NOTIFIER_DB_PASSWORD='SCRAM-SHA-256$...' \
--     psql -h <host> -U <admin> -d <database> -f deploy/postgres/roles.sql
-- Plain passwords are refused unless CARDSTATUS_DB_PLAIN_PASSWORDS=local (docker compose, local use only).
\set ON_ERROR_STOP on
\getenv processor_password CARDSTATUS_PROCESSOR_DB_PASSWORD
\getenv ingest_password CARDSTATUS_INGEST_DB_PASSWORD
\getenv api_password CARDSTATUS_API_DB_PASSWORD
\getenv notifier_password CARDSTATUS_NOTIFIER_DB_PASSWORD
SELECT :{?processor_password} AND :{?ingest_password} AND :{?api_password} AND :{?notifier_password}
  AS passwords_set \gset
\if :passwords_set
\else
  \warn 'set CARDSTATUS_PROCESSOR_DB_PASSWORD, CARDSTATUS_INGEST_DB_PASSWORD, CARDSTATUS_API_DB_PASSWORD and CARDSTATUS_NOTIFIER_DB_PASSWORD'
  SELECT 1 / 0 AS a_database_password_is_missing;
\endif
\getenv plain_passwords CARDSTATUS_DB_PLAIN_PASSWORDS
\if :{?plain_passwords}
\else
  \set plain_passwords ''
\endif
SELECT :'processor_password' LIKE 'SCRAM-SHA-256$%' AND :'ingest_password' LIKE 'SCRAM-SHA-256$%'
  AND :'api_password' LIKE 'SCRAM-SHA-256$%' AND :'notifier_password' LIKE 'SCRAM-SHA-256$%'
  OR :{?plain_passwords} AND :'plain_passwords' = 'local' AS verifiers_given \gset
\if :verifiers_given
\else
  \warn 'give SCRAM-SHA-256 verifiers (deploy/postgres/scram-verifier), not passwords; plain ones only with CARDSTATUS_DB_PLAIN_PASSWORDS=local'
  SELECT 1 / 0 AS a_plain_password_was_given;
\endif
-- a plain password (local use) is stored as a verifier too
SET password_encryption = 'scram-sha-256';

CREATE ROLE cardstatus_processor LOGIN PASSWORD :'processor_password';
CREATE ROLE cardstatus_ingest LOGIN PASSWORD :'ingest_password';
CREATE ROLE cardstatus_api LOGIN PASSWORD :'api_password';
CREATE ROLE cardstatus_notifier LOGIN PASSWORD :'notifier_password';

-- the services may connect; none may create schemas or temporary tables, or anything in schema public
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"DBNAME" TO cardstatus_processor, cardstatus_ingest, cardstatus_api, cardstatus_notifier;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- the processor is the one writer of the projection and owns its schema (its Flyway migrations run there)
CREATE SCHEMA status AUTHORIZATION cardstatus_processor;
ALTER ROLE cardstatus_processor SET search_path = status;

-- ingest owns its uploads and row issues (spring.flyway.schemas=ingest)
CREATE SCHEMA ingest AUTHORIZATION cardstatus_ingest;
ALTER ROLE cardstatus_ingest SET search_path = ingest;

-- the notifier owns its subscriptions, deliveries and attempts (spring.flyway.schemas=notifier); it holds signing
-- secrets, so no other role may read the schema
CREATE SCHEMA notifier AUTHORIZATION cardstatus_notifier;
ALTER ROLE cardstatus_notifier SET search_path = notifier;

-- the API reads the projection: SELECT on what exists and on every table the processor's Flyway creates later
GRANT USAGE ON SCHEMA status TO cardstatus_api;
GRANT SELECT ON ALL TABLES IN SCHEMA status TO cardstatus_api;
ALTER DEFAULT PRIVILEGES FOR ROLE cardstatus_processor IN SCHEMA status GRANT SELECT ON TABLES TO cardstatus_api;
ALTER ROLE cardstatus_api SET search_path = status;
ALTER ROLE cardstatus_api SET default_transaction_read_only = on;
