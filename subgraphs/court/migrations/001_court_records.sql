-- Enforcement cases (执行案件) against persons.
CREATE TABLE court.enforcement_cases (
  case_no text PRIMARY KEY,
  person_id char(18) NOT NULL,
  court text NOT NULL,
  filed_at date NOT NULL,
  amount numeric(14, 2) NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('OPEN', 'CONCLUDED', 'TERMINATED')),
  closed_at date,
  CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE INDEX enforcement_cases_person_idx ON court.enforcement_cases (person_id);

-- Dishonest judgment debtor listings (失信被执行人); id doubles as the feed's source record id.
CREATE TABLE court.dishonest_debtors (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  case_no text NOT NULL REFERENCES court.enforcement_cases (case_no),
  court text NOT NULL,
  listed_at date NOT NULL,
  status text NOT NULL CHECK (status IN ('LISTED', 'PERFORMED', 'REVOKED')),
  delisted_at date,
  obligation text NOT NULL,
  CHECK ((status = 'LISTED') = (delisted_at IS NULL))
);
CREATE INDEX dishonest_debtors_person_idx ON court.dishonest_debtors (person_id);
CREATE INDEX dishonest_debtors_case_idx ON court.dishonest_debtors (case_no);

-- Consumption restriction orders (限制消费令); id doubles as the feed's source record id.
CREATE TABLE court.consumption_restrictions (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  case_no text NOT NULL REFERENCES court.enforcement_cases (case_no),
  court text NOT NULL,
  decided_at date NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date,
  CHECK ((status = 'ACTIVE') = (status_changed_at IS NULL))
);
CREATE INDEX consumption_restrictions_person_idx ON court.consumption_restrictions (person_id);
CREATE INDEX consumption_restrictions_case_idx ON court.consumption_restrictions (case_no);

-- Outbox of credit records for the credit platform, written with the rows above.
CREATE TABLE court.credit_feed (
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
