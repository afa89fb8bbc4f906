-- Practising certificates of doctors and nurses (医师执业证书, 护士执业证书) the health bureau
-- registered; the status follows suspensions and revocations.
CREATE TABLE health.licences (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  occupation text NOT NULL CHECK (occupation IN ('DOCTOR', 'NURSE')),
  certificate_no text NOT NULL UNIQUE,
  organisation text NOT NULL,
  issued_at date NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED')),
  status_changed_at date,
  CHECK ((status = 'ACTIVE') = (status_changed_at IS NULL))
);
CREATE INDEX licences_person_idx ON health.licences (person_id);

-- Professional violations decided against them (医师执业违规): warning, suspension, revocation.
-- id doubles as the credit feed's source record id; the facts never leave the bureau.
CREATE TABLE health.sanctions (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('WARNING', 'SUSPENSION', 'REVOCATION')),
  licence_id text REFERENCES health.licences (id),
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  description text NOT NULL,
  amount numeric(14, 2),
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date,
  CHECK ((status = 'ACTIVE') = (status_changed_at IS NULL))
);
CREATE INDEX sanctions_person_idx ON health.sanctions (person_id);
