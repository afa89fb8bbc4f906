import { creditFeedHistory } from '../kit/credit-feed-history';
import type { CreditFeedEntry } from '../kit/credit-feed-store';
import type { TaxArrearRecord, TaxLevelRecord, TaxRecords, TaxViolationRecord } from './records';

/**
 * The feed version of arrears: ACTIVE while owed, PERFORMED (dated) once paid. The amount and the
 * tax type stay with the tax bureau (TaxArrear); the credit platform titles the record 欠缴税款.
 */
export function arrearFeedEntry(arrear: TaxArrearRecord): CreditFeedEntry {
  return {
    sourceRecordId: arrear.id,
    personId: arrear.personId,
    catalogCode: 'TAX_ARREARS',
    decidedAt: arrear.since,
    decisionNo: arrear.decisionNo,
    status: arrear.status === 'PAID' ? 'PERFORMED' : 'ACTIVE',
    statusChangedAt: arrear.paidAt,
  };
}

/**
 * The catalog item of a violation decision: a major violation is serious; any other penalty is a
 * minor record when decided under the simple procedure (not published) and an ordinary
 * administrative penalty otherwise (published, like the market bureau's).
 */
function violationCatalogCode(violation: TaxViolationRecord): string {
  if (violation.kind === 'MAJOR_VIOLATION') return 'TAX_MAJOR_VIOLATION';
  return violation.simpleProcedure ? 'TAX_LATE_FILING' : 'TAX_PENALTY';
}

/** The feed version of a violation decision, under its catalog code. */
export function violationFeedEntry(violation: TaxViolationRecord): CreditFeedEntry {
  return {
    sourceRecordId: violation.id,
    personId: violation.personId,
    catalogCode: violationCatalogCode(violation),
    decidedAt: violation.decidedAt,
    decisionNo: violation.decisionNo,
    status: violation.status,
    statusChangedAt: violation.statusChangedAt,
  };
}

/** The feed entry of an A-level rating; other levels are not credit records. */
export function levelFeedEntry(level: TaxLevelRecord): CreditFeedEntry | null {
  if (level.level !== 'A') return null;
  return {
    sourceRecordId: level.id,
    personId: level.personId,
    catalogCode: 'TAX_A_LEVEL',
    decidedAt: level.assessedAt,
    decisionNo: level.decisionNo,
    status: 'ACTIVE',
    statusChangedAt: null,
  };
}

/**
 * The feed history of `records` as the outbox would have recorded it (see creditFeedHistory):
 * every record's ACTIVE version, then payments and revocations on their own dates.
 */
export function taxFeedHistory(records: TaxRecords): CreditFeedEntry[] {
  const latest = [
    ...records.levels.map(levelFeedEntry),
    ...records.arrears.map(arrearFeedEntry),
    ...records.violations.map(violationFeedEntry),
  ].filter((entry): entry is CreditFeedEntry => entry !== null);
  return creditFeedHistory(latest);
}
