-- The department's opaque same-case key of a record (credit feed `caseKey`): records of one case
-- (a court listing and the consumption restriction of the same enforcement case) count once.
ALTER TABLE credit.records ADD COLUMN case_key text;
