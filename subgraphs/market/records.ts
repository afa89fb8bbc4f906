/** Legal forms of market entity (市场主体类型), as the `EnterpriseType` SDL enum. */
export const ENTERPRISE_TYPES = [
  'LIMITED_COMPANY',
  'SOLE_PROPRIETORSHIP',
  'PARTNERSHIP',
  'INDIVIDUAL_BUSINESS',
  'FARMER_COOPERATIVE',
] as const;

export type EnterpriseType = (typeof ENTERPRISE_TYPES)[number];

/** Registration status of an enterprise, as the `EnterpriseStatus` SDL enum. */
export type EnterpriseStatus =
  | 'ACTIVE'
  | 'ABNORMAL_OPERATION'
  | 'SERIOUS_ILLEGAL'
  | 'REVOKED'
  | 'DEREGISTERED';

/** A person's registered role in an enterprise, as the `EnterpriseRoleKind` SDL enum. */
export type EnterpriseRoleKind =
  | 'LEGAL_REPRESENTATIVE'
  | 'SHAREHOLDER'
  | 'SUPERVISOR'
  | 'MANAGER'
  | 'SOLE_PROPRIETOR';

/** Kinds of administrative licence the bureau issues to persons, as the `LicenseKind` SDL enum. */
export const LICENSE_KINDS = [
  'FOOD_BUSINESS',
  'FOOD_PRODUCTION',
  'SMALL_FOOD_WORKSHOP',
  'DRUG_RETAIL',
  'MEDICAL_DEVICE_BUSINESS',
  'SPECIAL_EQUIPMENT_OPERATOR',
] as const;

export type LicenseKind = (typeof LICENSE_KINDS)[number];

/** A market entity (a row of `market.enterprises`), shaped as the `Enterprise` SDL type. */
export interface EnterpriseRecord {
  uscc: string;
  name: string;
  type: EnterpriseType;
  /** ISO date of establishment registration (成立日期). */
  registeredAt: string;
  status: EnterpriseStatus;
  /** ISO date put on the abnormal-operation list; null when never listed. */
  abnormalSince: string | null;
  /** ISO date put on the serious-illegal list; null when not listed. */
  seriousIllegalSince: string | null;
  /** Decision number of the current listing; null when not listed. */
  listingDecisionNo: string | null;
  /** Citizen id of the legal representative (or operator); null when none is registered. */
  legalRepresentativeId: string | null;
}

/** One abnormal-operation listing decision (a row of `market.abnormal_listings`). */
export interface AbnormalListingRecord {
  id: string;
  uscc: string;
  decisionNo: string;
  /** ISO date listed. */
  listedAt: string;
  reason: string;
  /** LISTED while in force; REMOVED by a removal decision; REVOKED when withdrawn in error. */
  status: 'LISTED' | 'REMOVED' | 'REVOKED';
  /** ISO date removed or revoked; null while listed. */
  removedAt: string | null;
}

/** A person's role in an enterprise (a row of `market.enterprise_roles`). */
export interface EnterpriseRoleRecord {
  personId: string;
  role: EnterpriseRoleKind;
  enterpriseUscc: string;
  /** ISO date the role began. */
  since: string;
  /** ISO date the role ended; null while current. */
  until: string | null;
}

/** An administrative licence (a row of `market.licenses`), shaped as the `License` SDL type. */
export interface LicenseRecord {
  id: string;
  personId: string;
  kind: LicenseKind;
  licenseNo: string;
  decisionNo: string;
  issuedAt: string;
  /** ISO date; null for a licence without expiry. */
  validUntil: string | null;
  issuer: string;
  status: 'VALID' | 'EXPIRED' | 'SUSPENDED' | 'REVOKED' | 'CANCELLED';
}

/** An administrative penalty (a row of `market.penalties`), as the SDL type. */
export interface PenaltyRecord {
  id: string;
  personId: string;
  decisionNo: string;
  decidedAt: string;
  kind: 'WARNING' | 'FINE' | 'CONFISCATION' | 'SUSPENSION' | 'REVOCATION';
  /** Yuan fined or confiscated; null for a warning, suspension or revocation. */
  amount: number | null;
  reason: string;
  status: 'ACTIVE' | 'PERFORMED' | 'REVOKED';
  /** ISO date the penalty was performed or revoked; null while ACTIVE. */
  statusChangedAt: string | null;
  /** Decided on the spot under the simple procedure (简易程序, 行政处罚法 第五十一条). */
  simpleProcedure: boolean;
}

/** "守合同重信用" publicity credited to a person (a row of `market.contract_honours`). */
export interface ContractHonourRecord {
  id: string;
  personId: string;
  enterpriseUscc: string;
  decidedAt: string;
  decisionNo: string;
  issuer: string;
  status: 'ACTIVE' | 'REVOKED';
  statusChangedAt: string | null;
}

/** Everything the market bureau holds about one person, as `Person.market` resolves it. */
export interface MarketInfoRecord {
  personId: string;
  roles: EnterpriseRoleRecord[];
  licenses: LicenseRecord[];
  penalties: PenaltyRecord[];
  honours: ContractHonourRecord[];
}

/** Everything the market bureau holds, as the seed writes it. */
export interface MarketRecords {
  enterprises: EnterpriseRecord[];
  roles: EnterpriseRoleRecord[];
  licenses: LicenseRecord[];
  penalties: PenaltyRecord[];
  honours: ContractHonourRecord[];
}
