/** Kinds of integrity record (诚信档案), as the `IntegrityRecordKind` SDL enum. */
export type IntegrityRecordKind =
  | 'EXAM_CHEATING'
  | 'ACADEMIC_FRAUD'
  | 'STUDENT_LOAN_DEFAULT'
  | 'FORGED_EMPLOYMENT_PAPERS';

/**
 * Kinds of professional qualification, as the `QualificationKind` SDL enum: teachers only, since
 * doctors and nurses are licensed by the health bureau and lawyers by the justice bureau.
 */
export type QualificationKind = 'TEACHER';

/** Level of the authority that awarded a teaching honour, as the `HonourLevel` SDL enum. */
export type HonourLevel = 'COUNTY' | 'CITY' | 'PROVINCE' | 'NATIONAL';

/** A record of the integrity file (a row of `education.integrity_records`), as the SDL type. */
export interface IntegrityRecord {
  id: string;
  personId: string;
  kind: IntegrityRecordKind;
  /** School, examination authority or lender that reported the conduct. */
  institution: string;
  decidedAt: string;
  decisionNo: string;
  description: string;
  status: 'ACTIVE' | 'CORRECTED' | 'REVOKED';
  /** ISO date corrected (e.g. loan repaid) or revoked; null while ACTIVE. */
  statusChangedAt: string | null;
}

/** A professional qualification (a row of `education.qualifications`), as the SDL type. */
export interface QualificationRecord {
  id: string;
  personId: string;
  kind: QualificationKind;
  certificateNo: string;
  issuedAt: string;
  issuer: string;
  status: 'VALID' | 'SUSPENDED' | 'REVOKED' | 'CANCELLED';
}

/** An honour for teaching (a row of `education.teaching_honours`), as the SDL type. */
export interface TeachingHonourRecord {
  id: string;
  personId: string;
  kind: 'EXCELLENT_TEACHER';
  level: HonourLevel;
  decidedAt: string;
  decisionNo: string;
  issuer: string;
  status: 'ACTIVE' | 'REVOKED';
  statusChangedAt: string | null;
}

/** Everything the education bureau holds about one person, as `Person.education` resolves it. */
export interface EducationInfoRecord {
  personId: string;
  integrityFile: IntegrityRecord[];
  qualifications: QualificationRecord[];
  honours: TeachingHonourRecord[];
}

/** Everything the education bureau holds, as the seed writes it. */
export interface EducationRecords {
  integrityRecords: IntegrityRecord[];
  qualifications: QualificationRecord[];
  honours: TeachingHonourRecord[];
}
