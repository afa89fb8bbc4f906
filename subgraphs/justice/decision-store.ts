import type { LicensingDisclosureOptions } from '../kit/licensing/licensing-disclosure-history';
import { licensingDecisionProjection } from '../kit/licensing/licensing-decision-projection';
import { justiceCatalogCode } from './justice-feed-entries';

/** The justice bureau's name on its decisions (许可机关, 处罚机关). */
export const JUSTICE_AUTHORITY = '通江县司法局';

/** How the justice bureau publishes its penalties (双公示): every sanction is one. */
export const JUSTICE_DISCLOSURE: LicensingDisclosureOptions = {
  dept: 'JUSTICE',
  authority: JUSTICE_AUTHORITY,
  catalogCodeOf: justiceCatalogCode,
};

/**
 * How the justice bureau's tables take its recorded decisions (kinds of lib/decision-kinds): a
 * practising licence of a lawyer, notary or forensic appraiser; a sanction concerns that licence,
 * suspends or revokes it, and a revocation of the sanction gives it back.
 */
export const justiceDecisionProjection = licensingDecisionProjection({
  schema: 'justice',
  dept: 'JUSTICE',
  authority: JUSTICE_AUTHORITY,
  catalogCodeOf: justiceCatalogCode,
  roles: {
    'practising-licences': { role: 'licence' },
    'licence-cancellations': { role: 'licence-cancellation' },
    sanctions: {
      role: 'sanction',
      sanctionKind: { field: 'penaltyKind' },
      licence: 'practising',
      amountField: 'amount',
      licenceEffect: {
        field: 'penaltyKind',
        status: { SUSPENSION: 'SUSPENDED', REVOCATION: 'REVOKED' },
      },
    },
    'sanction-revocations': { role: 'sanction-end', status: 'REVOKED' },
  },
});
