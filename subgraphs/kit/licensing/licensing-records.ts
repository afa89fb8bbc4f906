/**
 * What a department that licenses an occupation keeps (卫健局: doctors and nurses; 司法局:
 * lawyers, notaries and forensic appraisers; 人社局: the civil servants' register): each
 * person's licences and the sanctions decided against them. Each department keeps them in its own
 * schema's `licences` and `sanctions` tables (its own migrations) and names its own kinds.
 */

/** Where a licence (or registration) stands: practising or serving (ACTIVE), suspended, ended. */
export type LicenceStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'CANCELLED';

/** A practising licence or registration (a row of `<schema>.licences`). */
export interface LicenceRecord {
  id: string;
  personId: string;
  /** The key occupational group (DOCTOR, NURSE, LAWYER, NOTARY, ...), as the SDL enum. */
  occupation: string;
  /** Number of the licence or registration (执业证书编号, 登记编号). */
  certificateNo: string;
  /** Where the person practises or serves (医疗机构, 律师事务所, 机关). */
  organisation: string;
  issuedAt: string;
  status: LicenceStatus;
  /** Date suspended, revoked or cancelled; null while ACTIVE (practising, serving). */
  statusChangedAt: string | null;
}

/** Where a sanction stands: in force, performed (period served, money returned) or revoked. */
export type SanctionStatus = 'ACTIVE' | 'PERFORMED' | 'REVOKED';

/** A sanction decided against a person (a row of `<schema>.sanctions`). */
export interface SanctionRecord {
  id: string;
  personId: string;
  /** The department's kind of decision, as its SDL enum; its feed maps it to a catalog item. */
  kind: string;
  /** The licence it concerns; null for a decision about no licence (e.g. wage arrears). */
  licenceId: string | null;
  decidedAt: string;
  decisionNo: string;
  /** The facts found, as the decision states them: never leaves the department. */
  description: string;
  /** Yuan (fine, wages owed, money to return); null when none. */
  amount: number | null;
  status: SanctionStatus;
  statusChangedAt: string | null;
}

/** Everything such a department holds, as its seed writes it. */
export interface LicensingRecords {
  licences: LicenceRecord[];
  sanctions: SanctionRecord[];
}
