-- Outbox of credit records for the credit platform (kit/credit-feed-store.ts), written in the
-- same transaction as the department's own decision rows. Applied by the kit to every department
-- the registry marks `creditFeed`, after the department's own migrations. IF NOT EXISTS: the
-- departments that predate this file created the same table in their own migrations.
-- No title and no case number: the credit platform titles records with the catalog's names.
CREATE TABLE IF NOT EXISTS {{schema}}.credit_feed (
  change_seq bigserial PRIMARY KEY,
  source_record_id text NOT NULL,
  person_id char(18) NOT NULL,
  catalog_code text NOT NULL,
  decided_at date NOT NULL,
  decision_no text,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date,
  -- Opaque key shared by records of one case, so the credit platform counts the case once.
  case_key text
);
