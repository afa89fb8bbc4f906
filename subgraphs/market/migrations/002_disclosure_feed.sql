-- Disclosure feed outbox (双公示, tasks 14 and 19) read by the credit platform's collector
-- (subgraphs/kit/disclosure-feed-store.ts): every licensing and penalty decision of a person as
-- published for public disclosure, with the party's name as the decision states it. Written in
-- the same transaction as market.licenses / market.penalties; the credit platform masks the
-- party's id and name and withdraws REVOKED decisions.
CREATE TABLE market.disclosure_feed (
  change_seq bigserial PRIMARY KEY,
  source_record_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('LICENSING', 'PENALTY')),
  person_id char(18) NOT NULL,
  party_name text NOT NULL,
  decision_no text NOT NULL,
  decided_at date NOT NULL,
  title text NOT NULL,
  authority text NOT NULL,
  valid_until date,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
  status_changed_at date
);
