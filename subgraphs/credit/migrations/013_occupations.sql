-- The licensed occupations of persons (Person.occupations) as the licensing departments publish
-- them on their occupation feeds: occupation, issuing department, status and dates only. One row
-- per licence; only a newer change_seq replaces it.
CREATE TABLE credit.occupations (
  source_dept text NOT NULL,
  licence_id text NOT NULL,
  person_id char(18) NOT NULL,
  occupation text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED')),
  since date NOT NULL,
  status_changed_at date,
  change_seq bigint NOT NULL,
  collected_at timestamptz NOT NULL,
  PRIMARY KEY (source_dept, licence_id)
);
CREATE INDEX occupations_person_idx ON credit.occupations (person_id);

-- Per occupation source: the feed cursor and the outcome of collection.
CREATE TABLE credit.occupation_collection_state (
  source text PRIMARY KEY,
  cursor text,
  last_success_at timestamptz,
  last_attempt_at timestamptz,
  last_error text
);
