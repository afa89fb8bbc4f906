-- The decision number (文书号) of each listing and restriction, so a decision the write API is
-- sent is found whether it was recorded through it or seeded: the same number is the same
-- decision. Rows from before take the number their ledger entry holds, else their case's number
-- with 之一 (listing) or 之二 (restriction), as the seed numbers them.
ALTER TABLE court.dishonest_debtors ADD COLUMN decision_no text;
UPDATE court.dishonest_debtors l SET decision_no = COALESCE(
  (SELECT d.decision_no FROM court.decisions d WHERE d.record_id = l.id), l.case_no || '之一');
ALTER TABLE court.dishonest_debtors ALTER COLUMN decision_no SET NOT NULL;
CREATE INDEX dishonest_debtors_decision_no_idx ON court.dishonest_debtors (decision_no);

ALTER TABLE court.consumption_restrictions ADD COLUMN decision_no text;
UPDATE court.consumption_restrictions r SET decision_no = COALESCE(
  (SELECT d.decision_no FROM court.decisions d WHERE d.record_id = r.id), r.case_no || '之二');
ALTER TABLE court.consumption_restrictions ALTER COLUMN decision_no SET NOT NULL;
CREATE INDEX consumption_restrictions_decision_no_idx
  ON court.consumption_restrictions (decision_no);
