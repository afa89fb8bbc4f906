import { ENUM_VALUE_LABELS } from '../../lib/import/enum-value-labels';
import type { LicensingDisclosureOptions } from '../kit/licensing/licensing-disclosure-history';
import { licensingDecisionProjection } from '../kit/licensing/licensing-decision-projection';
import { hrssCatalogCode } from './hrss-feed-entries';

/** The bureau's name on its decisions (处罚机关). */
export const HRSS_AUTHORITY = '通江县人力资源和社会保障局';

/**
 * How the bureau publishes its penalties (双公示): social-insurance fraud is an administrative
 * penalty; a civil servant's sanction (an internal discipline) and the wage-arrears list (a list
 * of its own, not a penalty decision) are not published as penalties.
 */
export const HRSS_DISCLOSURE: LicensingDisclosureOptions = {
  dept: 'HRSS',
  authority: HRSS_AUTHORITY,
  catalogCodeOf: hrssCatalogCode,
  isPenalty: (kind) => kind === 'SOCIAL_INSURANCE_FRAUD',
};

/** The Chinese name of a sanction kind (记过, 开除, ...), as the decision writes it. */
function sanctionName(code: string | null): string {
  const names = Object.entries(ENUM_VALUE_LABELS.sanctionKind ?? {});
  return names.find(([, value]) => value === code)?.[0] ?? code ?? '';
}

/**
 * How the bureau's tables take its recorded decisions (kinds of lib/decision-kinds): a civil
 * servant's sanction concerns their registration in the register (dismissal cancels it); the
 * wage-arrears listing and social-insurance fraud concern no registration; each ends by its own
 * ending kind (released, removed from the list, money returned).
 */
export const hrssDecisionProjection = licensingDecisionProjection({
  schema: 'hrss',
  dept: 'HRSS',
  authority: HRSS_AUTHORITY,
  catalogCodeOf: hrssCatalogCode,
  roles: {
    'civil-servant-sanctions': {
      role: 'sanction',
      sanctionKind: { fixed: 'CIVIL_SERVANT_SANCTION' },
      licence: 'register',
      keyGroup: 'CIVIL_SERVANT',
      licenceEffect: { field: 'sanctionKind', status: { DISMISSAL: 'CANCELLED' } },
      describe: (values) =>
        `${values.reason ?? ''}，给予${sanctionName(values.sanctionKind)}处分（${values.organ ?? ''}）`,
    },
    'civil-servant-sanction-releases': { role: 'sanction-end', status: 'PERFORMED' },
    'wage-arrears-listings': {
      role: 'sanction',
      sanctionKind: { fixed: 'WAGE_ARREARS_LISTING' },
      licence: 'none',
      amountField: 'amount',
    },
    'wage-arrears-removals': { role: 'sanction-end', status: 'PERFORMED' },
    'social-insurance-frauds': {
      role: 'sanction',
      sanctionKind: { fixed: 'SOCIAL_INSURANCE_FRAUD' },
      licence: 'none',
      amountField: 'fraudAmount',
    },
    'social-insurance-fraud-returns': { role: 'sanction-end', status: 'PERFORMED' },
  },
});
