-- No case details cross from a department to the credit platform: a record's title is the
-- catalog's name of its item (read with the catalog, not stored), a court record carries no case
-- number, and a disclosed decision is titled with the catalog's name of its kind. What was stored
-- of the departments' own text goes: disclosures are collected again from their feeds (which now
-- name the kind by a code of the catalog's disclosureItems).
ALTER TABLE credit.records DROP COLUMN title;
ALTER TABLE credit.records ALTER COLUMN decision_no DROP NOT NULL;
UPDATE credit.records SET decision_no = NULL WHERE source_dept = 'COURT';
ALTER TABLE credit.good_conduct DROP COLUMN title;

DELETE FROM credit.disclosures;
DELETE FROM credit.disclosure_collection_state;
ALTER TABLE credit.disclosures DROP COLUMN title;
ALTER TABLE credit.disclosures ADD COLUMN disclosure_item text NOT NULL;
