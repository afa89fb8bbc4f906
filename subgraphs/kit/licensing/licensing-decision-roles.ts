import type { LicenceStatus } from './licensing-records';

/**
 * What a kind of decision (lib/decision-kinds) does to a licensing department's tables:
 * - `licence`: records a practising licence (a `licences` row; `licenceKind` is its occupation);
 * - `licence-cancellation`: cancels the licence its `ends.refField` names by decision number;
 * - `sanction`: records a decision against the person (a `sanctions` row);
 * - `sanction-end`: ends the sanction its `ends.refField` names (PERFORMED: served, released,
 *   paid, returned, removed from the list; REVOKED: revoked on review or appeal).
 */
export type LicensingKindRole =
  | { role: 'licence' }
  | { role: 'licence-cancellation' }
  | {
      role: 'sanction';
      /** The `sanctions.kind` it is stored as: a fixed kind, or the value of a field. */
      sanctionKind: { fixed: string } | { field: string };
      /**
       * The licence it concerns: `practising`, the licence `licenceNo` names, else the person's
       * latest (refused when they hold none); `register`, the person's latest active
       * registration if any; `none`.
       */
      licence: 'practising' | 'register' | 'none';
      /** The key group of the record when no licence gives one (e.g. CIVIL_SERVANT). */
      keyGroup?: string;
      /** Field of the amount kept with the sanction (fine, wages owed, money obtained). */
      amountField?: string;
      /** Field whose value decides what the sanction does to the licence, and what it does. */
      licenceEffect?: { field: string; status: Readonly<Record<string, LicenceStatus>> };
      /** The sanction's text as the department's own view shows it; default the `reason`. */
      describe?: (values: Readonly<Record<string, string | null>>) => string;
    }
  | { role: 'sanction-end'; status: 'PERFORMED' | 'REVOKED' };

/** How a licensing department's decisions land in its tables and feeds. */
export interface LicensingDecisionOptions {
  /** Schema (and subgraph) name, e.g. `health`. */
  schema: string;
  /** Department code, the prefix of its disclosure items (`HEALTH_LICENSING_DOCTOR`). */
  dept: string;
  /** The authority named on a disclosure whose decision names none. */
  authority: string;
  /** The credit catalog item of a sanction of `sanctions.kind` (the department's feed mapping). */
  catalogCodeOf(kind: string): string;
  /** The role of each of its kinds, by kind name. */
  roles: Readonly<Record<string, LicensingKindRole>>;
}
