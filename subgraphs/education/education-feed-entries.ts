import { creditFeedHistory } from '../kit/credit-feed-history';
import type { CreditFeedEntry, CreditFeedPage } from '../kit/credit-feed-store';
import { mayKeepIntegrityRecord } from './integrity-age-rule';
import type {
  EducationRecords,
  IntegrityRecord,
  IntegrityRecordKind,
  TeachingHonourRecord,
} from './records';

/** Catalog code of each kind of integrity record. */
const INTEGRITY_ITEMS: Record<IntegrityRecordKind, { code: string }> = {
  EXAM_CHEATING: { code: 'EDU_EXAM_CHEATING' },
  ACADEMIC_FRAUD: { code: 'EDU_ACADEMIC_FRAUD' },
  STUDENT_LOAN_DEFAULT: { code: 'EDU_STUDENT_LOAN_DEFAULT' },
  FORGED_EMPLOYMENT_PAPERS: { code: 'EDU_FORGED_EMPLOYMENT_PAPERS' },
};

/** Catalog codes that come from the integrity file, and so fall under the age rule. */
export const INTEGRITY_CODES: ReadonlySet<string> = new Set(
  Object.values(INTEGRITY_ITEMS).map((item) => item.code),
);

/**
 * The feed version of an integrity record; CORRECTED is published as PERFORMED. The institution
 * and the facts stay with the bureau (IntegrityRecord).
 */
export function integrityFeedEntry(record: IntegrityRecord): CreditFeedEntry {
  const item = INTEGRITY_ITEMS[record.kind];
  return {
    sourceRecordId: record.id,
    personId: record.personId,
    catalogCode: item.code,
    decidedAt: record.decidedAt,
    decisionNo: record.decisionNo,
    status: record.status === 'CORRECTED' ? 'PERFORMED' : record.status,
    statusChangedAt: record.statusChangedAt,
  };
}

/** The feed version of an excellent-teacher honour (EDU_EXCELLENT_TEACHER, GOOD). */
export function honourFeedEntry(honour: TeachingHonourRecord): CreditFeedEntry {
  return {
    sourceRecordId: honour.id,
    personId: honour.personId,
    catalogCode: 'EDU_EXCELLENT_TEACHER',
    decidedAt: honour.decidedAt,
    decisionNo: honour.decisionNo,
    status: honour.status,
    statusChangedAt: honour.statusChangedAt,
  };
}

/**
 * The feed history of `records` as the outbox would have recorded it (see creditFeedHistory).
 * Integrity records of minors are left out (integrity-age-rule).
 */
export function educationFeedHistory(records: EducationRecords): CreditFeedEntry[] {
  return creditFeedHistory([
    ...records.integrityRecords.filter(mayKeepIntegrityRecord).map(integrityFeedEntry),
    ...records.honours.map(honourFeedEntry),
  ]);
}

/** Whether the feed may publish `entry`: integrity entries only for decisions made at 18 or older. */
export function isPublishable(entry: CreditFeedEntry): boolean {
  return !INTEGRITY_CODES.has(entry.catalogCode) || mayKeepIntegrityRecord(entry);
}

/**
 * A feed page as the collector may see it: entries about minors' conduct are dropped (rows
 * written before the age rule existed), while the cursor still moves past them.
 */
export function publishablePage(page: CreditFeedPage): CreditFeedPage {
  return { ...page, entries: page.entries.filter(isPublishable) };
}
