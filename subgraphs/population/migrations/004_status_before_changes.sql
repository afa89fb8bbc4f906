-- The household status a person had before the first change recorded through the write API
-- (the register's own, e.g. seeded): what the status falls back to when the recorded changes are
-- corrected away from them. NULL until a change is recorded.
ALTER TABLE population.persons ADD COLUMN status_before_changes text
  CHECK (status_before_changes IN ('ACTIVE', 'CANCELLED', 'DECEASED', 'MIGRATED_OUT'));
