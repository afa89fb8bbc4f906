-- Practising certificates of lawyers, notaries and forensic appraisers (律师执业证, 公证员执业证,
-- 司法鉴定人执业证) the justice bureau registered; the status follows suspensions and revocations.
CREATE TABLE justice.licences (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  occupation text NOT NULL CHECK (occupation IN ('LAWYER', 'NOTARY', 'FORENSIC_APPRAISER')),
  certificate_no text NOT NULL UNIQUE,
  organisation text NOT NULL,
  issued_at date NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED')),
  status_changed_at date,
  CHECK ((status = 'ACTIVE') = (status_changed_at IS NULL))
);
CREATE INDEX licences_person_idx ON justice.licences (person_id);

-- Sanctions decided against them (执业行政处罚): warning, fine, suspension of practice, revocation.
-- id doubles as the credit feed's source record id; the facts never leave the bureau.
CREATE TABLE justice.sanctions (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('WARNING', 'FINE', 'SUSPENSION', 'REVOCATION')),
  licence_id text REFERENCES justice.licences (id),
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  description text NOT NULL,
  amount numeric(14, 2),
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date,
  CHECK ((status = 'ACTIVE') = (status_changed_at IS NULL))
);
CREATE INDEX sanctions_person_idx ON justice.sanctions (person_id);
