-- The integrity file (诚信档案): conduct decisions about adults (seed task 23: only decisions
-- taken on or after the person's 18th birthday; enforced by integrity-age-rule.ts when recording
-- and again when reading, so older rows about minors stay invisible). id is also the credit
-- feed's source record id.
CREATE TABLE education.integrity_records (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  kind text NOT NULL
    CHECK (kind IN ('EXAM_CHEATING', 'ACADEMIC_FRAUD', 'STUDENT_LOAN_DEFAULT',
      'FORGED_EMPLOYMENT_PAPERS')),
  institution text NOT NULL,
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  description text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'CORRECTED', 'REVOKED')),
  status_changed_at date
);

CREATE INDEX integrity_records_person_idx ON education.integrity_records (person_id);

-- Qualifications of key professions (teachers, doctors, nurses, lawyers).
CREATE TABLE education.qualifications (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('TEACHER', 'DOCTOR', 'NURSE', 'LAWYER')),
  certificate_no text NOT NULL,
  issued_at date NOT NULL,
  issuer text NOT NULL,
  status text NOT NULL CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED', 'CANCELLED'))
);

CREATE INDEX qualifications_person_idx ON education.qualifications (person_id);

-- Honours for teaching (优秀教师); id is also the credit feed's source record id
-- (EDU_EXCELLENT_TEACHER).
CREATE TABLE education.teaching_honours (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('EXCELLENT_TEACHER')),
  level text NOT NULL CHECK (level IN ('COUNTY', 'CITY', 'PROVINCE', 'NATIONAL')),
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  issuer text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
  status_changed_at date
);

CREATE INDEX teaching_honours_person_idx ON education.teaching_honours (person_id);

-- Credit feed outbox read by the credit platform's collector (subgraphs/kit/credit-feed-store.ts).
CREATE TABLE education.credit_feed (
  change_seq bigserial PRIMARY KEY,
  source_record_id text NOT NULL,
  person_id char(18) NOT NULL,
  catalog_code text NOT NULL,
  title text NOT NULL,
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date
);
