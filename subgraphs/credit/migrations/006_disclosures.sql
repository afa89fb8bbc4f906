-- Public disclosure (双公示, tasks 14 and 19): licensing and penalty decisions collected from the
-- departments' disclosure feeds, latest version per decision. Only what is published is kept of
-- the party: the masked name (the clear name is never stored), the citizen id the platform keys
-- everything by (masked on output) and the first day the party is 18 (null when the id carries no
-- valid birth date): decisions about minors are never published.
CREATE TABLE credit.disclosures (
  source_dept text NOT NULL,
  source_record_id text NOT NULL,
  id text GENERATED ALWAYS AS (source_dept || ':' || source_record_id) STORED UNIQUE,
  kind text NOT NULL CHECK (kind IN ('LICENSING', 'PENALTY')),
  person_id char(18) NOT NULL,
  party_name_masked text NOT NULL,
  party_adult_from date,
  decision_no text NOT NULL,
  decided_at date NOT NULL,
  title text NOT NULL,
  authority text NOT NULL,
  valid_until date,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
  status_changed_at date,
  change_seq bigint NOT NULL,
  collected_at timestamptz NOT NULL,
  PRIMARY KEY (source_dept, source_record_id)
);

-- The public listing: published decisions, newest first.
CREATE INDEX disclosures_published_idx ON credit.disclosures (decided_at DESC, id DESC)
  WHERE status = 'ACTIVE' AND party_adult_from IS NOT NULL;

-- Per disclosure source: the feed cursor and the outcome of collection (apart from the credit
-- feeds' collection_state, which every credit profile reports on).
CREATE TABLE credit.disclosure_collection_state (
  source text PRIMARY KEY,
  cursor text,
  last_success_at timestamptz,
  last_attempt_at timestamptz,
  last_error text
);
