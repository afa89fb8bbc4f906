import type { DisclosureFeedEntry } from '../kit/disclosure-feed-store';
import type { TaxViolationRecord } from './records';
import { violationFeedEntry } from './tax-feed-entries';

/** The tax bureau decides every penalty of the county. */
export const TAX_AUTHORITY = '国家税务总局通江县税务局';

/**
 * The disclosure (双公示) of a tax penalty decision; a decision revoked on review or appeal
 * withdraws it. The catalog names the kind of violation; the facts and the fine stay here.
 */
export function violationDisclosureEntry(
  violation: TaxViolationRecord,
  partyName: string,
  authority: string = TAX_AUTHORITY,
): DisclosureFeedEntry {
  const revoked = violation.status === 'REVOKED';
  return {
    sourceRecordId: violation.id,
    kind: 'PENALTY',
    personId: violation.personId,
    partyName,
    decisionNo: violation.decisionNo,
    decidedAt: violation.decidedAt,
    disclosureItem: `TAX_PENALTY_${violation.kind}`,
    authority,
    validUntil: null,
    status: revoked ? 'REVOKED' : 'ACTIVE',
    statusChangedAt: revoked ? violation.statusChangedAt : null,
    catalogCode: violationFeedEntry(violation).catalogCode,
  };
}
