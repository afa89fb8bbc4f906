/** Tax credit level (纳税信用等级), best first. */
export type TaxCreditLevel = 'A' | 'B' | 'M' | 'C' | 'D';

/** Kinds of tax a natural person owes (税种), as the `TaxType` SDL enum. */
export const TAX_TYPES = [
  'INDIVIDUAL_INCOME',
  'VALUE_ADDED',
  'PROPERTY',
  'URBAN_LAND_USE',
  'DEED',
  'VEHICLE_VESSEL',
] as const;

export type TaxType = (typeof TAX_TYPES)[number];

/** One annual credit assessment of a person (a row of `tax.credit_levels`). */
export interface TaxLevelRecord {
  id: string;
  personId: string;
  /** The tax year assessed. */
  year: number;
  level: TaxCreditLevel;
  /** ISO date the assessment was published. */
  assessedAt: string;
  decisionNo: string;
}

/** Tax owed past its due date (a row of `tax.arrears`), shaped as the `TaxArrear` SDL type. */
export interface TaxArrearRecord {
  id: string;
  personId: string;
  taxType: TaxType;
  /** Yuan. */
  amount: number;
  since: string;
  status: 'OUTSTANDING' | 'PAID';
  paidAt: string | null;
  decisionNo: string;
}

/** A violation decision (a row of `tax.violations`), shaped as the `TaxViolation` SDL type. */
export interface TaxViolationRecord {
  id: string;
  personId: string;
  kind: 'LATE_FILING' | 'MAJOR_VIOLATION';
  decidedAt: string;
  decisionNo: string;
  description: string;
  /** Yuan; null when no fine was imposed. */
  penaltyAmount: number | null;
  status: 'ACTIVE' | 'PERFORMED' | 'REVOKED';
  /** Date the fine was paid or the decision revoked; null while ACTIVE. */
  statusChangedAt: string | null;
  /** Decided under the simple procedure (简易程序): a minor record, never published. */
  simpleProcedure: boolean;
}

/** Everything the tax bureau holds, as the seed writes it. */
export interface TaxRecords {
  levels: TaxLevelRecord[];
  arrears: TaxArrearRecord[];
  violations: TaxViolationRecord[];
}
