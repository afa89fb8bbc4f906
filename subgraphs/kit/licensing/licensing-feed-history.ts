import { creditFeedHistory } from '../credit-feed-history';
import type { CreditFeedEntry } from '../credit-feed-store';
import type { LicensingRecords, SanctionRecord } from './licensing-records';

/**
 * The feed version of a sanction under the catalog code its department gives its kind: the
 * decision's dates, number and status, and the key group of the licence it concerns (the facts,
 * the amount and the licence itself stay with the department).
 */
export function sanctionFeedEntry(
  sanction: SanctionRecord,
  catalogCodeOf: (kind: string) => string,
  keyGroup: string | null,
): CreditFeedEntry {
  return {
    sourceRecordId: sanction.id,
    personId: sanction.personId,
    catalogCode: catalogCodeOf(sanction.kind),
    decidedAt: sanction.decidedAt,
    decisionNo: sanction.decisionNo,
    status: sanction.status,
    statusChangedAt: sanction.statusChangedAt,
    keyGroup,
  };
}

/** The feed history of a licensing department's records (see creditFeedHistory). */
export function licensingFeedHistory(
  records: LicensingRecords,
  catalogCodeOf: (kind: string) => string,
): CreditFeedEntry[] {
  const occupationOf = new Map(records.licences.map((l) => [l.id, l.occupation]));
  return creditFeedHistory(
    records.sanctions.map((s) =>
      sanctionFeedEntry(s, catalogCodeOf, occupationOf.get(s.licenceId ?? '') ?? null),
    ),
  );
}
