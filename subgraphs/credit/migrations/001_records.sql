-- Credit records collected from the departments' credit feeds: the latest version of each
-- department record, keyed by (source_dept, source_record_id).
CREATE TABLE credit.records (
  source_dept text NOT NULL,
  source_record_id text NOT NULL,
  id text GENERATED ALWAYS AS (source_dept || ':' || source_record_id) STORED UNIQUE,
  person_id char(18) NOT NULL,
  catalog_code text NOT NULL,
  title text NOT NULL,
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date,
  -- The feed position of this version; an upsert only replaces an older version.
  change_seq bigint NOT NULL,
  collected_at timestamptz NOT NULL,
  PRIMARY KEY (source_dept, source_record_id)
);

CREATE INDEX records_person_idx ON credit.records (person_id);

-- Per source: the feed cursor of the last committed page and the outcome of collection.
CREATE TABLE credit.collection_state (
  source text PRIMARY KEY,
  cursor text,
  last_success_at timestamptz,
  last_attempt_at timestamptz,
  last_error text
);
