-- Who sent each upload: the name of the caller's API key or token, or 'drop-folder' (contract: docs/security.md).
ALTER TABLE upload ADD COLUMN uploaded_by TEXT;
