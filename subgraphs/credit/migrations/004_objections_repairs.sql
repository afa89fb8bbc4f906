-- Objections (异议) and credit repairs (信用修复), issue 5. They refer to a collected record by
-- (source_dept, source_record_id) WITHOUT a foreign key: a record may arrive after them (the seed
-- runs before the first collection) and collection replaces record versions freely. A seeded
-- claim gives catalog_code instead of source_record_id: it applies to the person's record of that
-- item from that department decided on or before the claim (see objections/record-adjustment.ts).
CREATE TABLE credit.objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id char(18) NOT NULL,
  source_dept text NOT NULL,
  source_record_id text,
  catalog_code text,
  reason text NOT NULL,
  filed_by text NOT NULL,
  filed_on date NOT NULL,
  due_on date NOT NULL CHECK (due_on > filed_on),
  status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
  correction text CHECK (correction IN ('CORRECTED', 'REMOVED')),
  decision_note text,
  decided_on date,
  decided_by text,
  CHECK (source_record_id IS NOT NULL OR catalog_code IS NOT NULL),
  -- Upheld objections say what was done to the record; others do not.
  CHECK ((status = 'UPHELD') = (correction IS NOT NULL)),
  CHECK ((status = 'OPEN') = (decided_on IS NULL))
);

CREATE INDEX objections_person_idx ON credit.objections (person_id);
-- At most one open objection per record.
CREATE UNIQUE INDEX objections_open_record_idx ON credit.objections (source_dept, source_record_id)
  WHERE status = 'OPEN' AND source_record_id IS NOT NULL;
-- NDRC's overdue list: open objections by due date.
CREATE INDEX objections_open_due_idx ON credit.objections (due_on) WHERE status = 'OPEN';

CREATE TABLE credit.repairs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id char(18) NOT NULL,
  source_dept text NOT NULL,
  source_record_id text,
  catalog_code text,
  commitment text NOT NULL,
  proof_of_correction text NOT NULL,
  applied_by text NOT NULL,
  applied_on date NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  decision_note text,
  decided_on date,
  decided_by text,
  CHECK (source_record_id IS NOT NULL OR catalog_code IS NOT NULL),
  CHECK ((status = 'PENDING') = (decided_on IS NULL))
);

CREATE INDEX repairs_person_idx ON credit.repairs (person_id);
-- At most one pending application per record.
CREATE UNIQUE INDEX repairs_pending_record_idx ON credit.repairs (source_dept, source_record_id)
  WHERE status = 'PENDING' AND source_record_id IS NOT NULL;
