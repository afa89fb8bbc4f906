-- Decisions recorded through the write API (subgraphs/kit/decisions/decision-ledger-store.ts):
-- the current version of each decision by kind and decision number (文书号), which makes writes
-- idempotent, and every version with who wrote it and why (a correction keeps the previous one).
-- The same two tables in every department's schema.
CREATE TABLE hrss.decisions (
  kind text NOT NULL,
  decision_no text NOT NULL,
  record_id text NOT NULL UNIQUE,
  subject text NOT NULL,
  content jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
  status_changed_at date,
  version integer NOT NULL,
  PRIMARY KEY (kind, decision_no)
);
CREATE INDEX decisions_subject_idx ON hrss.decisions (subject);
CREATE TABLE hrss.decision_versions (
  kind text NOT NULL,
  decision_no text NOT NULL,
  version integer NOT NULL,
  content jsonb NOT NULL,
  status text NOT NULL,
  status_changed_at date,
  change text NOT NULL CHECK (change IN ('RECORDED', 'CORRECTED', 'REVOKED')),
  written_by text NOT NULL,
  written_at timestamptz NOT NULL,
  PRIMARY KEY (kind, decision_no, version)
);

-- 双公示 of the bureau's administrative licences and penalties (subgraphs/kit/disclosure-feed-store.ts),
-- as every deciding department publishes its own: written with hrss.licences / hrss.sanctions,
-- read by the credit platform's collector, which masks and publishes them.
CREATE TABLE hrss.disclosure_feed (
  change_seq bigserial PRIMARY KEY,
  source_record_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('LICENSING', 'PENALTY')),
  person_id char(18) NOT NULL,
  party_name text NOT NULL,
  decision_no text NOT NULL,
  decided_at date NOT NULL,
  disclosure_item text NOT NULL,
  authority text NOT NULL,
  valid_until date,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
  status_changed_at date,
  catalog_code text
);
CREATE INDEX disclosure_feed_record_idx ON hrss.disclosure_feed (source_record_id);
-- Ending kinds find the decision they end by its number.
CREATE INDEX sanctions_decision_no_idx ON hrss.sanctions (decision_no);
