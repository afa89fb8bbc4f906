-- The credit feed carries no text of the department's own: the credit platform titles every
-- record with the catalog's name of its item; amounts, facts and case numbers stay here.
ALTER TABLE tax.credit_feed DROP COLUMN title;
