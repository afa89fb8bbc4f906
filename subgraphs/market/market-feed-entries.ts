import { creditFeedHistory } from '../kit/credit-feed-history';
import type { CreditFeedEntry } from '../kit/credit-feed-store';
import type {
  AbnormalListingRecord,
  ContractHonourRecord,
  EnterpriseRecord,
  MarketRecords,
  PenaltyRecord,
} from './records';

/**
 * The feed version of a penalty: a simple-procedure decision (简易程序) is a minor record
 * (AMR_PENALTY_MINOR), any other an ordinary one (AMR_PENALTY). The reason, kind and amount of
 * the penalty stay with the bureau (AdministrativePenalty).
 */
export function penaltyFeedEntry(penalty: PenaltyRecord): CreditFeedEntry {
  const minor = penalty.simpleProcedure;
  return {
    sourceRecordId: penalty.id,
    personId: penalty.personId,
    catalogCode: minor ? 'AMR_PENALTY_MINOR' : 'AMR_PENALTY',
    decidedAt: penalty.decidedAt,
    decisionNo: penalty.decisionNo,
    status: penalty.status,
    statusChangedAt: penalty.statusChangedAt,
  };
}

/**
 * The feed entry of the legal representative of a listed enterprise: on the abnormal-operation
 * list (AMR_ABNORMAL_ENTERPRISE_LEGAL_REP) or the serious-illegal list
 * (AMR_SERIOUS_ILLEGAL_LEGAL_REP). Null for an enterprise on neither list or without a legal
 * representative. The source record id joins the listing and the person, as one enterprise
 * listing concerns whoever represents it.
 */
export function listingFeedEntry(enterprise: EnterpriseRecord): CreditFeedEntry | null {
  const personId = enterprise.legalRepresentativeId;
  if (personId === null || enterprise.listingDecisionNo === null) return null;
  if (enterprise.status === 'ABNORMAL_OPERATION' && enterprise.abnormalSince !== null) {
    return {
      sourceRecordId: `abnormal:${enterprise.uscc}:${personId}`,
      personId,
      catalogCode: 'AMR_ABNORMAL_ENTERPRISE_LEGAL_REP',
      decidedAt: enterprise.abnormalSince,
      decisionNo: enterprise.listingDecisionNo,
      status: 'ACTIVE',
      statusChangedAt: null,
    };
  }
  if (enterprise.status === 'SERIOUS_ILLEGAL' && enterprise.seriousIllegalSince !== null) {
    return {
      sourceRecordId: `serious-illegal:${enterprise.uscc}:${personId}`,
      personId,
      catalogCode: 'AMR_SERIOUS_ILLEGAL_LEGAL_REP',
      decidedAt: enterprise.seriousIllegalSince,
      decisionNo: enterprise.listingDecisionNo,
      status: 'ACTIVE',
      statusChangedAt: null,
    };
  }
  return null;
}

/**
 * The feed entry of one abnormal-operation listing for the legal representative of its enterprise
 * (AMR_ABNORMAL_ENTERPRISE_LEGAL_REP): ACTIVE while listed, PERFORMED once removed, REVOKED when
 * withdrawn. Keyed by the listing, not the enterprise, so a second listing of the same enterprise
 * is a second record and its removal ends only the listing it names. (A seeded listing's id is
 * its enterprise's code: the same source record id as {@link listingFeedEntry} gives it.)
 */
export function abnormalListingFeedEntry(
  listing: AbnormalListingRecord,
  legalRepresentativeId: string,
): CreditFeedEntry {
  const status =
    listing.status === 'LISTED' ? 'ACTIVE' : listing.status === 'REMOVED' ? 'PERFORMED' : 'REVOKED';
  return {
    sourceRecordId: `abnormal:${listing.id}:${legalRepresentativeId}`,
    personId: legalRepresentativeId,
    catalogCode: 'AMR_ABNORMAL_ENTERPRISE_LEGAL_REP',
    decidedAt: listing.listedAt,
    decisionNo: listing.decisionNo,
    status,
    statusChangedAt: listing.removedAt,
  };
}

/** The feed version of a "守合同重信用" publicity (GOOD) of an enterprise the person represents. */
export function contractHonourFeedEntry(honour: ContractHonourRecord): CreditFeedEntry {
  return {
    sourceRecordId: honour.id,
    personId: honour.personId,
    catalogCode: 'AMR_CONTRACT_HONOUR',
    decidedAt: honour.decidedAt,
    decisionNo: honour.decisionNo,
    status: honour.status,
    statusChangedAt: honour.statusChangedAt,
  };
}

/**
 * The feed history of `records` as the outbox would have recorded it (see creditFeedHistory):
 * penalties, listings of represented enterprises and contract honours.
 */
export function marketFeedHistory(records: MarketRecords): CreditFeedEntry[] {
  const latest = [
    ...records.penalties.map(penaltyFeedEntry),
    ...records.enterprises
      .map(listingFeedEntry)
      .filter((entry): entry is CreditFeedEntry => entry !== null),
    ...records.honours.map(contractHonourFeedEntry),
  ];
  return creditFeedHistory(latest);
}
