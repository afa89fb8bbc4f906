import { creditFeedHistory } from '../kit/credit-feed-history';
import type { CreditFeedEntry } from '../kit/credit-feed-store';
import type {
  TaxArrearRecord,
  TaxLevelRecord,
  TaxRecords,
  TaxType,
  TaxViolationRecord,
} from './records';

const TAX_TYPE_NAMES: Record<TaxType, string> = {
  INDIVIDUAL_INCOME: '个人所得税',
  VALUE_ADDED: '增值税',
  PROPERTY: '房产税',
  URBAN_LAND_USE: '城镇土地使用税',
  DEED: '契税',
  VEHICLE_VESSEL: '车船税',
};

/** The feed version of arrears: ACTIVE while owed, PERFORMED (dated) once paid. */
export function arrearFeedEntry(arrear: TaxArrearRecord): CreditFeedEntry {
  return {
    sourceRecordId: arrear.id,
    personId: arrear.personId,
    catalogCode: 'TAX_ARREARS',
    title: `欠缴${TAX_TYPE_NAMES[arrear.taxType]}${arrear.amount.toFixed(2)}元`,
    decidedAt: arrear.since,
    decisionNo: arrear.decisionNo,
    status: arrear.status === 'PAID' ? 'PERFORMED' : 'ACTIVE',
    statusChangedAt: arrear.paidAt,
  };
}

/** The feed version of a violation decision, under its catalog code. */
export function violationFeedEntry(violation: TaxViolationRecord): CreditFeedEntry {
  const major = violation.kind === 'MAJOR_VIOLATION';
  return {
    sourceRecordId: violation.id,
    personId: violation.personId,
    catalogCode: major ? 'TAX_MAJOR_VIOLATION' : 'TAX_LATE_FILING',
    title: major ? '重大税收违法失信案件' : '逾期申报纳税',
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
    title: `${level.year}年度纳税信用A级纳税人`,
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
