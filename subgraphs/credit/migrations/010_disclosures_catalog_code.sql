-- The credit catalog item of a disclosed penalty (disclosure feed `catalogCode`; null for a
-- licence): its publication period comes from policy/catalog.yaml `publicationMonths`, and a
-- repair or an upheld objection about the matching credit record withdraws it.
ALTER TABLE credit.disclosures ADD COLUMN catalog_code text;
