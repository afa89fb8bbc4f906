-- Enterprises registered with the market regulation bureau (市场主体登记), keyed by USCC.
-- abnormal_since / serious_illegal_since date the listing on the abnormal-operation list
-- (经营异常名录) and the serious-illegal list (严重违法失信名单); listing_decision_no is the
-- decision of the current listing.
CREATE TABLE market.enterprises (
  uscc char(18) PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL
    CHECK (type IN ('LIMITED_COMPANY', 'SOLE_PROPRIETORSHIP', 'PARTNERSHIP',
      'INDIVIDUAL_BUSINESS', 'FARMER_COOPERATIVE')),
  registered_at date NOT NULL,
  status text NOT NULL
    CHECK (status IN ('ACTIVE', 'ABNORMAL_OPERATION', 'SERIOUS_ILLEGAL', 'REVOKED',
      'DEREGISTERED')),
  abnormal_since date,
  serious_illegal_since date,
  listing_decision_no text,
  legal_rep_id char(18)
);

CREATE INDEX enterprises_legal_rep_idx ON market.enterprises (legal_rep_id);

-- A person's registered role in an enterprise (法定代表人, 股东, 监事, 经理, 经营者).
CREATE TABLE market.enterprise_roles (
  person_id char(18) NOT NULL,
  enterprise_uscc char(18) NOT NULL REFERENCES market.enterprises (uscc),
  role text NOT NULL
    CHECK (role IN ('LEGAL_REPRESENTATIVE', 'SHAREHOLDER', 'SUPERVISOR', 'MANAGER',
      'SOLE_PROPRIETOR')),
  since date NOT NULL,
  until date,
  PRIMARY KEY (person_id, enterprise_uscc, role)
);

-- Administrative licences (行政许可) held by a person. Not credit records, so not in the feed;
-- the licensing decision number is kept for 双公示 (public disclosure of licences and penalties).
CREATE TABLE market.licenses (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  kind text NOT NULL,
  license_no text NOT NULL,
  decision_no text NOT NULL,
  issued_at date NOT NULL,
  valid_until date,
  issuer text NOT NULL,
  status text NOT NULL CHECK (status IN ('VALID', 'EXPIRED', 'SUSPENDED', 'REVOKED', 'CANCELLED'))
);

CREATE INDEX licenses_person_idx ON market.licenses (person_id);

-- Administrative penalties (行政处罚) decided against a person; id is also the credit feed's
-- source record id (AMR_PENALTY, or AMR_PENALTY_MINOR under the simple procedure).
CREATE TABLE market.penalties (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  decision_no text NOT NULL,
  decided_at date NOT NULL,
  kind text NOT NULL
    CHECK (kind IN ('WARNING', 'FINE', 'CONFISCATION', 'SUSPENSION', 'REVOCATION')),
  amount numeric(14, 2),
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'PERFORMED', 'REVOKED')),
  status_changed_at date,
  simple_procedure boolean NOT NULL
);

CREATE INDEX penalties_person_idx ON market.penalties (person_id);

-- "守合同重信用" publicity of an enterprise, credited to its legal representative at the time
-- (AMR_CONTRACT_HONOUR); id is also the credit feed's source record id.
CREATE TABLE market.contract_honours (
  id text PRIMARY KEY,
  person_id char(18) NOT NULL,
  enterprise_uscc char(18) NOT NULL REFERENCES market.enterprises (uscc),
  decided_at date NOT NULL,
  decision_no text NOT NULL,
  issuer text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
  status_changed_at date
);

CREATE INDEX contract_honours_person_idx ON market.contract_honours (person_id);

-- Credit feed outbox read by the credit platform's collector (subgraphs/kit/credit-feed-store.ts).
CREATE TABLE market.credit_feed (
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
