-- The credit feed carries no text of the court's own and no case number: the credit platform
-- titles every record with the catalog's name of its item, and a listing or restriction order
-- has no number apart from its enforcement case number (案号), which stays with the court.
ALTER TABLE court.credit_feed DROP COLUMN title;
ALTER TABLE court.credit_feed ALTER COLUMN decision_no DROP NOT NULL;
UPDATE court.credit_feed SET decision_no = NULL;
