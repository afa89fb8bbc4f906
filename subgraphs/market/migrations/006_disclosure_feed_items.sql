-- A disclosure names the kind of decision by a code of the catalog's disclosureItems
-- (policy/catalog.yaml), whose name is the public title: the bureau's own text (the facts of a
-- penalty, its amount, a licence number) no longer crosses to the credit platform. Existing
-- versions get the code of their decision's kind.
ALTER TABLE market.disclosure_feed ADD COLUMN disclosure_item text;
UPDATE market.disclosure_feed f SET disclosure_item = 'AMR_LICENSING_' || l.kind
  FROM market.licenses l WHERE f.kind = 'LICENSING' AND l.id = f.source_record_id;
UPDATE market.disclosure_feed f SET disclosure_item = 'AMR_PENALTY_' || p.kind
  FROM market.penalties p WHERE f.kind = 'PENALTY' AND p.id = f.source_record_id;
DELETE FROM market.disclosure_feed WHERE disclosure_item IS NULL;
ALTER TABLE market.disclosure_feed ALTER COLUMN disclosure_item SET NOT NULL;
ALTER TABLE market.disclosure_feed DROP COLUMN title;
