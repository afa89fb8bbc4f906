-- The key occupational group a credit record concerns (the occupation of the licence or service
-- it is about: DOCTOR, LAWYER, CIVIL_SERVANT, ...), so the credit platform can show and filter
-- records by key group. Null for a record about no licensed occupation. Applied to every feeding
-- department by the kit, the departments that predate the kit's migrations included.
ALTER TABLE {{schema}}.credit_feed ADD COLUMN IF NOT EXISTS key_group text;
