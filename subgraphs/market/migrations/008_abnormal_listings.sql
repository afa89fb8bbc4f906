-- Abnormal-operation listings (列入经营异常名录), one row per listing decision: an enterprise may
-- be listed more than once over time (and for more than one reason at once), and a removal
-- (移出) ends the listing it names by decision number, not the enterprise's latest one. The
-- enterprise's status, abnormal_since and listing_decision_no summarise its listings still in
-- force. id is part of the credit feed's source record id (`abnormal:<id>:<legal rep>`); the
-- listing the seed gives an enterprise has the enterprise's code as its id.
CREATE TABLE market.abnormal_listings (
  id text PRIMARY KEY,
  uscc char(18) NOT NULL REFERENCES market.enterprises (uscc),
  decision_no text NOT NULL,
  listed_at date NOT NULL,
  reason text NOT NULL,
  status text NOT NULL CHECK (status IN ('LISTED', 'REMOVED', 'REVOKED')),
  removed_at date,
  CHECK ((status = 'LISTED') = (removed_at IS NULL))
);
CREATE INDEX abnormal_listings_uscc_idx ON market.abnormal_listings (uscc);
CREATE INDEX abnormal_listings_decision_no_idx ON market.abnormal_listings (decision_no);

-- The listings in force before this table: one per listed enterprise, under the id its ledger
-- entry gave it where it was recorded through the write API.
INSERT INTO market.abnormal_listings (id, uscc, decision_no, listed_at, reason, status)
SELECT COALESCE(d.record_id, e.uscc), e.uscc, e.listing_decision_no, e.abnormal_since,
  COALESCE(d.content ->> 'reason', '未依照规定公示年度报告'), 'LISTED'
FROM market.enterprises e
LEFT JOIN market.decisions d
  ON d.kind = 'abnormal-operations' AND d.decision_no = e.listing_decision_no
  AND d.status = 'ACTIVE'
WHERE e.status = 'ABNORMAL_OPERATION' AND e.abnormal_since IS NOT NULL
  AND e.listing_decision_no IS NOT NULL;
