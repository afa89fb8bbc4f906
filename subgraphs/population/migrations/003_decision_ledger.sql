-- Decisions recorded through the write API (subgraphs/kit/decisions/decision-ledger-store.ts):
-- the current version of each decision by kind and decision number (文书号), which makes writes
-- idempotent, and every version with who wrote it and why (a correction keeps the previous one).
-- The same two tables in every department's schema.
CREATE TABLE population.decisions (
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
CREATE INDEX decisions_subject_idx ON population.decisions (subject);
CREATE TABLE population.decision_versions (
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

