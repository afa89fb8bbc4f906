import { creditFeedHistory } from '../kit/credit-feed-history';
import type { CreditFeedEntry } from '../kit/credit-feed-store';
import { caseKeyOf } from './case-key';
import type { ConsumptionRestrictionRecord, CourtRecords, DishonestDebtorRecord } from './records';

/** The feed version of a listing: ACTIVE while listed, PERFORMED or REVOKED (dated) after. */
export function listingFeedEntry(listing: DishonestDebtorRecord): CreditFeedEntry {
  return {
    sourceRecordId: listing.id,
    personId: listing.personId,
    catalogCode: 'COURT_DISHONEST_DEBTOR',
    decidedAt: listing.listedAt,
    // The case number (案号) stays with the court, like the obligation and the amounts.
    decisionNo: null,
    status: listing.status === 'LISTED' ? 'ACTIVE' : listing.status,
    statusChangedAt: listing.delistedAt,
    caseKey: caseKeyOf(listing.caseNo),
  };
}

/** The feed version of a consumption restriction order. */
export function restrictionFeedEntry(restriction: ConsumptionRestrictionRecord): CreditFeedEntry {
  return {
    sourceRecordId: restriction.id,
    personId: restriction.personId,
    catalogCode: 'COURT_CONSUMPTION_RESTRICTED',
    decidedAt: restriction.decidedAt,
    decisionNo: null,
    status: restriction.status,
    statusChangedAt: restriction.statusChangedAt,
    caseKey: caseKeyOf(restriction.caseNo),
  };
}

/**
 * The feed history of `records` as the outbox would have recorded it (see creditFeedHistory).
 * Enforcement cases themselves are not credit records: only listings and restrictions are.
 */
export function courtFeedHistory(records: CourtRecords): CreditFeedEntry[] {
  return creditFeedHistory([
    ...records.listings.map(listingFeedEntry),
    ...records.restrictions.map(restrictionFeedEntry),
  ]);
}
