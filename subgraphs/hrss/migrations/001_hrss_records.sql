-- The civil servants' register (公务员登记) the human resources bureau keeps: who serves where;
-- CANCELLED once the person leaves the service (dismissal included).
CREATE TABLE hrss.licences (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  occupation text NOT NULL CHECK (occupation IN ('CIVIL_SERVANT')),
  certificate_no text NOT NULL UNIQUE,
  organisation text NOT NULL,
  issued_at date NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED')),
  status_changed_at date,
  CHECK ((status = 'ACTIVE') = (status_changed_at IS NULL))
);
CREATE INDEX licences_person_idx ON hrss.licences (person_id);

-- Decisions of the bureau about a person: a civil servant's disciplinary sanction (公务员处分,
-- with licence_id), a listing as a wage-arrears defaulter (拖欠农民工工资失信联合惩戒对象) and
-- social-insurance fraud (骗取社会保险待遇), with the amount owed or to return. id doubles as
-- the credit feed's source record id; facts and amounts never leave the bureau.
CREATE TABLE hrss.sanctions (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  kind text NOT NULL CHECK (
    kind IN ('CIVIL_SERVANT_SANCTION', 'WAGE_ARREARS_LISTING', 'SOCIAL_INSURANCE_FRAUD')
  ),
  licence_id text REFERENCES hrss.licences (id),
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  description text NOT NULL,
  amount numeric(14, 2),
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date,
  CHECK ((status = 'ACTIVE') = (status_changed_at IS NULL))
);
CREATE INDEX sanctions_person_idx ON hrss.sanctions (person_id);
