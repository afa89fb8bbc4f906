/** Kinds of decision of the bureau, as the `HrssDecisionKind` SDL enum. */
export type HrssDecisionKind =
  | 'CIVIL_SERVANT_SANCTION'
  | 'WAGE_ARREARS_LISTING'
  | 'SOCIAL_INSURANCE_FRAUD';
