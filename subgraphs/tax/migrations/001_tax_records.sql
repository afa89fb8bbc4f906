-- Annual tax credit assessments (纳税信用等级), one per person and tax year.
-- id doubles as the credit feed's source record id (A-level ratings are GOOD credit records).
CREATE TABLE tax.credit_levels (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  year integer NOT NULL,
  level text NOT NULL CHECK (level IN ('A', 'B', 'M', 'C', 'D')),
  assessed_at date NOT NULL,
  decision_no text NOT NULL,
  UNIQUE (person_id, year)
);

-- Tax arrears (欠缴税款); id doubles as the credit feed's source record id.
CREATE TABLE tax.arrears (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  tax_type text NOT NULL,
  amount numeric(14, 2) NOT NULL CHECK (amount > 0),
  since date NOT NULL,
  status text NOT NULL CHECK (status IN ('OUTSTANDING', 'PAID')),
  paid_at date,
  decision_no text NOT NULL,
  CHECK ((status = 'PAID') = (paid_at IS NOT NULL))
);
CREATE INDEX arrears_person_idx ON tax.arrears (person_id);

-- Violation decisions (逾期申报, 重大税收违法); id doubles as the feed's source record id.
CREATE TABLE tax.violations (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('LATE_FILING', 'MAJOR_VIOLATION')),
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  description text NOT NULL,
  penalty_amount numeric(14, 2),
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date,
  CHECK ((status = 'ACTIVE') = (status_changed_at IS NULL))
);
CREATE INDEX violations_person_idx ON tax.violations (person_id);

-- Outbox of credit records for the credit platform, written with the rows above.
CREATE TABLE tax.credit_feed (
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
