import { disclosureFeedHistory } from '../kit/disclosure-feed-history';
import type { DisclosureFeedEntry } from '../kit/disclosure-feed-store';
import { penaltyFeedEntry } from './market-feed-entries';
import type { LicenseRecord, MarketRecords, PenaltyRecord } from './records';

/** The county bureau decides every penalty of the synthetic county. */
const PENALTY_AUTHORITY = '通江县市场监督管理局';

/**
 * The disclosure of a licensing decision. A licence revoked (吊销/撤销) withdraws it; the credit
 * platform publishes it while valid (through `validUntil`).
 */
export function licenseDisclosureEntry(
  license: LicenseRecord,
  partyName: string,
): DisclosureFeedEntry {
  return {
    sourceRecordId: license.id,
    kind: 'LICENSING',
    personId: license.personId,
    partyName,
    decisionNo: license.decisionNo,
    decidedAt: license.issuedAt,
    // The catalog names the kind (policy/catalog.yaml disclosureItems); the licence number stays here.
    disclosureItem: `AMR_LICENSING_${license.kind}`,
    authority: license.issuer,
    validUntil: license.validUntil,
    status: license.status === 'REVOKED' ? 'REVOKED' : 'ACTIVE',
    // The seed knows no revocation date: the licence's own history is not kept.
    statusChangedAt: null,
    catalogCode: null,
  };
}

/** The disclosure of a penalty decision; a penalty revoked on review or appeal withdraws it. */
export function penaltyDisclosureEntry(
  penalty: PenaltyRecord,
  partyName: string,
): DisclosureFeedEntry {
  return {
    sourceRecordId: penalty.id,
    kind: 'PENALTY',
    personId: penalty.personId,
    partyName,
    decisionNo: penalty.decisionNo,
    decidedAt: penalty.decidedAt,
    // The catalog names the kind of penalty; its facts and amount stay with the bureau.
    disclosureItem: `AMR_PENALTY_${penalty.kind}`,
    authority: PENALTY_AUTHORITY,
    validUntil: null,
    status: penalty.status === 'REVOKED' ? 'REVOKED' : 'ACTIVE',
    statusChangedAt: penalty.status === 'REVOKED' ? penalty.statusChangedAt : null,
    // The same classification as on the credit feed (simple procedure: AMR_PENALTY_MINOR).
    catalogCode: penaltyFeedEntry(penalty).catalogCode,
  };
}

/**
 * The disclosure feed history of `records` as the outbox would have recorded it: each decision
 * published on its date and, if since revoked, withdrawn by a later version; in date order.
 * `names` gives each party's name as written in the decisions.
 */
export function marketDisclosureHistory(
  records: Pick<MarketRecords, 'licenses' | 'penalties'>,
  names: ReadonlyMap<string, string>,
): DisclosureFeedEntry[] {
  const latest = [
    ...records.licenses.map((l) => licenseDisclosureEntry(l, names.get(l.personId) ?? '')),
    ...records.penalties.map((p) => penaltyDisclosureEntry(p, names.get(p.personId) ?? '')),
  ];
  return disclosureFeedHistory(latest);
}
