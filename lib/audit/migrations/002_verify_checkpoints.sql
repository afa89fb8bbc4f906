-- Where the last chain-status check (lib/audit/check-chain-status.ts, Query.auditChainStatus)
-- left each chain: the last entry found intact, so the next check verifies only what was
-- appended since. A convenience, not evidence: anyone able to rewrite entries can rewrite this
-- row too, which is why a check can restart from the anchor and why `npm run audit:verify`
-- with kept digests stays the audit team's proof. In production the audit read side's role
-- needs SELECT, INSERT, UPDATE, DELETE on this table only (and SELECT on the others).
CREATE TABLE audit.verify_checkpoints (
  writer text PRIMARY KEY,
  seq bigint NOT NULL CHECK (seq >= 1),
  hash text NOT NULL,
  -- The entry's recorded_at as hashed (UTC, microseconds): "verified up to seq N recorded at T".
  recorded_at text NOT NULL,
  verified_at timestamptz NOT NULL DEFAULT now()
);
