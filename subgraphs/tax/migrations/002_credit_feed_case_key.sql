-- The opaque same-case key of a credit record (kit/credit-feed-store.ts): records of one case
-- share it, so the credit platform counts the case once. Null for a record that stands alone.
ALTER TABLE tax.credit_feed ADD COLUMN case_key text;
