import type { LicensingDisclosureOptions } from '../kit/licensing/licensing-disclosure-history';
import { licensingDecisionProjection } from '../kit/licensing/licensing-decision-projection';
import { healthCatalogCode } from './health-feed-entries';

/** The health bureau's name on its decisions (许可机关, 处罚机关). */
export const HEALTH_AUTHORITY = '通江县卫生健康局';

/** How the health bureau publishes its penalties (双公示): every violation decision is one. */
export const HEALTH_DISCLOSURE: LicensingDisclosureOptions = {
  dept: 'HEALTH',
  authority: HEALTH_AUTHORITY,
  catalogCodeOf: healthCatalogCode,
};

/**
 * How the health bureau's tables take its recorded decisions (kinds of lib/decision-kinds): a
 * practising registration is a licence; a violation concerns the doctor's or nurse's licence,
 * suspends or revokes it, and a revocation of the violation gives it back.
 */
export const healthDecisionProjection = licensingDecisionProjection({
  schema: 'health',
  dept: 'HEALTH',
  authority: HEALTH_AUTHORITY,
  catalogCodeOf: healthCatalogCode,
  roles: {
    'practising-certificates': { role: 'licence' },
    'certificate-cancellations': { role: 'licence-cancellation' },
    violations: {
      role: 'sanction',
      sanctionKind: { field: 'penaltyKind' },
      licence: 'practising',
      amountField: 'amount',
      licenceEffect: {
        field: 'penaltyKind',
        status: { SUSPENSION: 'SUSPENDED', REVOCATION: 'REVOKED' },
      },
    },
    'violation-revocations': { role: 'sanction-end', status: 'REVOKED' },
  },
});
