-- Whether a penalty decision was made under the simple procedure (简易程序, 行政处罚法 第五十一条:
-- on the spot, a warning or a small fine). Such a late-filing penalty is a minor record
-- (TAX_LATE_FILING) and is not published; one made under the general procedure is an ordinary
-- administrative penalty (TAX_PENALTY), published (双公示) like any other. Decisions recorded before
-- the procedure was kept: late filings were taken as simple (the seed numbers them 简罚), major
-- violations as general.
ALTER TABLE tax.violations ADD COLUMN simple_procedure boolean;
UPDATE tax.violations SET simple_procedure = (kind = 'LATE_FILING');
ALTER TABLE tax.violations ALTER COLUMN simple_procedure SET NOT NULL;
