/** The four kinds of catalog item (2025 national classification of credit information). */
export const CREDIT_CATEGORIES = ['GOOD', 'MINOR_BAD', 'GENERAL_BAD', 'SERIOUS_BAD'] as const;
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number];

/** Departments that are the source of a catalog item. */
export const SOURCE_DEPTS = ['TAX', 'COURT', 'AMR', 'EDU', 'CIVIL', 'NDRC'] as const;
export type SourceDept = (typeof SOURCE_DEPTS)[number];

/** Status of a record as the department last published it. */
export type CreditRecordStatus = 'ACTIVE' | 'PERFORMED' | 'REVOKED';

/** One item of policy/catalog.yaml. */
export interface CatalogItem {
  code: string;
  /** Chinese name, e.g. 欠缴税款. */
  name: string;
  category: CreditCategory;
  sourceDept: SourceDept;
  /** Calendar months a record is displayed, counted from its decision date. */
  displayMonths: number;
  /** Months a record must have been displayed before a repair may end its display. */
  minDisplayMonths: number;
  /** Whether display ends on the date the obligation was performed (court listings). */
  endsWhenPerformed: boolean;
  /** Points of the item, or null to use the category default of the scoring rules. */
  points: number | null;
}

/** The loaded, validated catalog. */
export interface Catalog {
  version: string;
  items: readonly CatalogItem[];
  byCode: ReadonlyMap<string, CatalogItem>;
  /** sha256 (hex) of the file content, part of `rulesVersion`. */
  contentSha256: string;
}

/** A level of the points scheme; the last level has `minScore` null (every lower score). */
export interface CreditLevel {
  code: string;
  name: string;
  minScore: number | null;
}

/** The loaded, validated scoring rules, with the catalog they score. */
export interface CreditRules {
  /** Version of policy/credit-rules.yaml. */
  version: string;
  /** `<catalog version>+<rules version>.<12 hex of sha256 over both files>`. */
  rulesVersion: string;
  base: number;
  categoryPoints: Readonly<Record<CreditCategory, number>>;
  /** Most good-conduct points counted per calendar year of decision. */
  goodConductCapPerYear: number;
  /** Highest first. */
  levels: readonly CreditLevel[];
  catalog: Catalog;
}

/** A credit record as the credit platform stores it (collected from a department feed). */
export interface CreditRecordData {
  /** `<sourceDept>:<sourceRecordId>`, stable across versions of the record. */
  id: string;
  personId: string;
  sourceDept: string;
  sourceRecordId: string;
  catalogCode: string;
  title: string;
  /** ISO yyyy-mm-dd. */
  decidedAt: string;
  decisionNo: string;
  status: CreditRecordStatus;
  /** ISO yyyy-mm-dd the record was performed or revoked. */
  statusChangedAt: string | null;
}

/** A record on display, with its catalog item and the last day it is shown. */
export interface DisplayedRecord {
  record: CreditRecordData;
  item: CatalogItem;
  /** ISO yyyy-mm-dd, inclusive. */
  displayUntil: string;
}

/** One line of a score: the points one displayed record adds, and why. */
export interface ScoreContribution {
  recordId: string;
  catalogCode: string;
  points: number;
  reason: string;
}

/** A score and its explanation: `score = base + sum(breakdown.points)`. */
export interface CreditScore {
  score: number;
  breakdown: ScoreContribution[];
}
