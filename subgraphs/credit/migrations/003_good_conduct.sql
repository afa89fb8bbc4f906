-- Good-conduct records the credit platform keeps itself (守信信息 decided by the civil affairs
-- bureau, CIVIL, or by the development and reform bureau, NDRC): volunteer service, charity
-- donations, model-worker honours. They are read together with the collected credit.records
-- (same shape and id scheme `<source_dept>:<source_record_id>`), so they show in creditRecords
-- and count in the profile like any collected record. Not touched by the collector.
CREATE TABLE credit.good_conduct (
  source_dept text NOT NULL CHECK (source_dept IN ('CIVIL', 'NDRC')),
  source_record_id text NOT NULL,
  id text GENERATED ALWAYS AS (source_dept || ':' || source_record_id) STORED UNIQUE,
  person_id char(18) NOT NULL,
  catalog_code text NOT NULL,
  title text NOT NULL,
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED')),
  status_changed_at date,
  -- Who recorded it (the officer's sub, or `seed`) and when.
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (source_dept, source_record_id)
);

CREATE INDEX good_conduct_person_idx ON credit.good_conduct (person_id);

-- Numbers the records officers add (`GC<n>`); seeded records are numbered `SEED<n>`.
CREATE SEQUENCE credit.good_conduct_seq;
