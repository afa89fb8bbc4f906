import { disclosureFeedHistory } from '../disclosure-feed-history';
import type { DisclosureFeedEntry } from '../disclosure-feed-store';
import type { LicensingRecords } from './licensing-records';

/** How a licensing department publishes its seeded penalties (双公示). */
export interface LicensingDisclosureOptions {
  /** Department code: the prefix of its disclosure items (`JUSTICE_PENALTY_FINE`). */
  dept: string;
  /** The deciding authority's name on every seeded decision. */
  authority: string;
  /** The credit catalog item of a sanction kind (its publication period). */
  catalogCodeOf(kind: string): string;
  /** Whether sanctions of this kind are administrative penalties (published); default all. */
  isPenalty?(kind: string): boolean;
}

/**
 * The disclosure feed history of a licensing department's seeded penalties: each published on its
 * date, a revoked one withdrawn. Seeded licences are registers without a licensing decision
 * number, so only licences recorded through the write API are published. `names` gives each
 * party's name as the decisions write it.
 */
export function licensingDisclosureHistory(
  records: LicensingRecords,
  names: ReadonlyMap<string, string>,
  options: LicensingDisclosureOptions,
): DisclosureFeedEntry[] {
  const isPenalty = options.isPenalty ?? (() => true);
  return disclosureFeedHistory(
    records.sanctions
      .filter((sanction) => isPenalty(sanction.kind))
      .map((sanction) => {
        const revoked = sanction.status === 'REVOKED';
        return {
          sourceRecordId: sanction.id,
          kind: 'PENALTY',
          personId: sanction.personId,
          partyName: names.get(sanction.personId) ?? '',
          decisionNo: sanction.decisionNo,
          decidedAt: sanction.decidedAt,
          disclosureItem: `${options.dept}_PENALTY_${sanction.kind}`,
          authority: options.authority,
          validUntil: null,
          status: revoked ? 'REVOKED' : 'ACTIVE',
          statusChangedAt: revoked ? sanction.statusChangedAt : null,
          catalogCode: options.catalogCodeOf(sanction.kind),
        };
      }),
  );
}
