-- Consents (授权查询, task 11): a citizen allows an organisation to see named scopes of their
-- credit information for AUTHORIZED_QUERY until expires_at, or until revoked. Rows are never
-- deleted: a revoked or expired consent stays on the citizen's list as history.
CREATE TABLE credit.consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id char(18) NOT NULL,
  org_uscc char(18) NOT NULL,
  scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
  purpose text NOT NULL DEFAULT 'AUTHORIZED_QUERY' CHECK (purpose = 'AUTHORIZED_QUERY'),
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > granted_at),
  revoked_at timestamptz
);

-- The citizen's own list (Person.consents).
CREATE INDEX consents_person_idx ON credit.consents (person_id, granted_at DESC);
-- The gateway's lookup: one organisation, the subjects of one operation, active only.
CREATE INDEX consents_org_person_idx ON credit.consents (org_uscc, person_id)
  WHERE revoked_at IS NULL;
