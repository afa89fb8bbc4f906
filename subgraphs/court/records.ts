/** An enforcement case (a row of `court.enforcement_cases`), shaped as `EnforcementCase`. */
export interface EnforcementCaseRecord {
  caseNo: string;
  personId: string;
  court: string;
  filedAt: string;
  /** Yuan. */
  amount: number;
  status: 'OPEN' | 'CONCLUDED' | 'TERMINATED';
  /** Date the case was concluded or terminated; null while OPEN. */
  closedAt: string | null;
}

/** A dishonest-debtor listing (a row of `court.dishonest_debtors`), shaped as the SDL type. */
export interface DishonestDebtorRecord {
  id: string;
  personId: string;
  caseNo: string;
  /** The listing decision's number (文书号): stays with the court, never on a feed. */
  decisionNo: string;
  court: string;
  listedAt: string;
  status: 'LISTED' | 'PERFORMED' | 'REVOKED';
  delistedAt: string | null;
  obligation: string;
}

/** A consumption restriction order (a row of `court.consumption_restrictions`). */
export interface ConsumptionRestrictionRecord {
  id: string;
  personId: string;
  caseNo: string;
  /** The order's number (文书号): stays with the court, never on a feed. */
  decisionNo: string;
  court: string;
  decidedAt: string;
  status: 'ACTIVE' | 'PERFORMED' | 'REVOKED';
  /** Date the order was lifted; null while ACTIVE. */
  statusChangedAt: string | null;
}

/** Everything the court holds, as the seed writes it. */
export interface CourtRecords {
  cases: EnforcementCaseRecord[];
  listings: DishonestDebtorRecord[];
  restrictions: ConsumptionRestrictionRecord[];
}
