-- Outbox of licence versions (kit/occupation-feed-store.ts) for the credit platform's view of a
-- person's licensed occupations (Person.occupations), written in the same transaction as the
-- department's licences. Applied by the kit to every department the registry marks
-- `occupationFeed`. Occupation, status and dates only: numbers and workplaces stay here.
CREATE TABLE IF NOT EXISTS {{schema}}.occupation_feed (
  change_seq bigserial PRIMARY KEY,
  licence_id text NOT NULL,
  person_id char(18) NOT NULL,
  occupation text NOT NULL,
  status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED')),
  since date NOT NULL,
  status_changed_at date
);
