-- The credit catalog item of a disclosed penalty (AMR_PENALTY, or AMR_PENALTY_MINOR for one under
-- the simple procedure); null for a licence. The credit platform publishes a penalty for the
-- publication period its catalog gives that item, and a minor one not at all.
ALTER TABLE market.disclosure_feed ADD COLUMN catalog_code text;
