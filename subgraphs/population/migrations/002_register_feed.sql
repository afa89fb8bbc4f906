-- When each person's household registration in the county began (户籍迁入; the birth date for
-- someone registered here since birth): how long the county has known the person.
ALTER TABLE population.persons ADD COLUMN registered_since date;

-- The register feed to the credit platform (transactional outbox, written with the persons it
-- describes): versions of each person's register standing. The credit platform needs the status
-- (deceased, cancelled), the registration issues (registration in doubt) and the start of the
-- registration, not names or addresses, so nothing else is published.
CREATE TABLE population.register_feed (
  change_seq bigserial PRIMARY KEY,
  person_id char(18) NOT NULL,
  household_status text NOT NULL
    CHECK (household_status IN ('ACTIVE', 'CANCELLED', 'DECEASED', 'MIGRATED_OUT')),
  registration_issues text[] NOT NULL,
  registered_since date
);
