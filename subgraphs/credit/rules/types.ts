import { DEPARTMENT_CODES } from '../../../lib/departments/department-codes';
import { DEPARTMENT_REGISTRY } from '../../../lib/departments/department-registry';
import type { Department } from '../../../lib/departments/department-registry';

/** The four kinds of catalog item (2025 national classification of credit information). */
export const CREDIT_CATEGORIES = ['GOOD', 'MINOR_BAD', 'GENERAL_BAD', 'SERIOUS_BAD'] as const;
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number];

/** Departments that may be the source of a catalog item: any registered department. */
export const SOURCE_DEPTS: readonly Department[] = DEPARTMENT_CODES;
export type SourceDept = Department;

/** Status of a record as the department last published it. */
export type CreditRecordStatus = 'ACTIVE' | 'PERFORMED' | 'REVOKED';

/** How a record of a catalog item may end before its display period (`repair` in the catalog). */
export const REPAIR_ROUTES = ['CREDIT_PLATFORM', 'SOURCE_DECISION', 'NONE'] as const;
export type RepairRoute = (typeof REPAIR_ROUTES)[number];

/** One item of policy/catalog.yaml. */
export interface CatalogItem {
  code: string;
  /** Chinese name, e.g. 欠缴税款. */
  name: string;
  category: CreditCategory;
  sourceDept: SourceDept;
  /** Months a record must have been displayed before a repair may end its display. */
  minDisplayMonths: number;
  /** Calendar months a record is displayed, counted from its decision date. */
  maxDisplayMonths: number;
  /**
   * CREDIT_PLATFORM: the platform's repair procedure may end the display after minDisplayMonths;
   * SOURCE_DECISION: only the source department's own decision does (court listings); NONE: no
   * repair (good records).
   */
  repair: RepairRoute;
  /** Whether display ends on the date the obligation was performed (court listings). */
  endsWhenPerformed: boolean;
  /** Whether a record stays displayed past its period while its obligation is outstanding. */
  displayWhileOutstanding: boolean;
  /** Months the decision is published (双公示) from its decision date; null: never published. */
  publicationMonths: number | null;
  /** Points of the item, or null to use the category default of the scoring rules. */
  points: number | null;
  /** The legal rule the item's periods and repair route rest on. */
  legalBasis: string;
}

/** The national bounds of a category (policy/catalog.yaml `categories`), with their source. */
export interface CategoryBounds {
  /** An item's minDisplayMonths must be at least this. */
  minDisplayMonths: number;
  /** An item's maxDisplayMonths must be at most this. */
  maxDisplayMonths: number;
  /** An item's publicationMonths must be at most this; null: items are never published. */
  maxPublicationMonths: number | null;
  legalBasis: string;
}

/** Kinds of decision published for public disclosure (双公示). */
export const DISCLOSURE_KINDS = ['LICENSING', 'PENALTY'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** A kind of licensing or penalty decision a disclosure feed names (catalog `disclosureItems`). */
export interface DisclosureItem {
  code: string;
  /** The public title, e.g. 食品经营许可, 行政处罚（罚款）. */
  name: string;
  sourceDept: SourceDept;
  kind: DisclosureKind;
}

/** The loaded, validated catalog. */
export interface Catalog {
  version: string;
  /** Bounds of every category. */
  categories: Readonly<Record<CreditCategory, CategoryBounds>>;
  items: readonly CatalogItem[];
  byCode: ReadonlyMap<string, CatalogItem>;
  /** Kinds of disclosed decision by code (their names are the public titles). */
  disclosureItems: ReadonlyMap<string, DisclosureItem>;
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
  /** Per catalog code: most points that item counts per calendar year, within the yearly cap. */
  goodConductItemCaps: ReadonlyMap<string, number>;
  /** Credit list rules (red and black lists), in file order. */
  lists: readonly ListRule[];
  /** Green channel (task 17) rules. */
  greenChannel: GreenChannelRules;
  /** How long each source's collected data counts as current. */
  staleness: SourceStaleness;
  /** The household register's flags under which no credit decision is made. */
  register: RegisterFlagRules;
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
  /** ISO yyyy-mm-dd. */
  decidedAt: string;
  /** The decision document's number; null where the only number is a court case number. */
  decisionNo: string | null;
  status: CreditRecordStatus;
  /** ISO yyyy-mm-dd the record was performed or revoked. */
  statusChangedAt: string | null;
  /**
   * Opaque key the source department gives every record of one case (a court enforcement case);
   * null for a record that stands alone. Records of one case count once (sameCaseCounted).
   */
  caseKey: string | null;
  /** The key occupational group the record concerns (DOCTOR, LAWYER, ...); null for none. */
  keyGroup: string | null;
}

/** A record on display, with its catalog item and the last day it is shown. */
export interface DisplayedRecord {
  record: CreditRecordData;
  item: CatalogItem;
  /**
   * ISO yyyy-mm-dd, inclusive; null while the record stays displayed until its obligation is
   * performed (an outstanding obligation of a `displayWhileOutstanding` item).
   */
  displayUntil: string | null;
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

/** The credit lists (信用名单) a person can be on. */
export const CREDIT_LISTS = ['RED', 'BLACK'] as const;
export type CreditListKind = (typeof CREDIT_LISTS)[number];

/** When displayed records put a person on a list (policy/credit-rules.yaml `lists`). */
export interface ListRule {
  list: CreditListKind;
  /** Chinese name of the list. */
  name: string;
  /** Categories of the records that put a person on the list. */
  categories: readonly CreditCategory[];
  /** Statuses those records must have. */
  statuses: readonly CreditRecordStatus[];
  /** Only records decided within this many calendar months (inclusive); null: any. */
  decidedWithinMonths: number | null;
  /** A displayed record of one of these categories keeps the person off the list. */
  unlessDisplayed: readonly CreditCategory[];
}

/** The green channel rules (policy/credit-rules.yaml `greenChannel`). */
export interface GreenChannelRules {
  /** A displayed record of these categories makes a person eligible. */
  goodCategories: readonly CreditCategory[];
  /** A displayed record of these categories excludes a person. */
  badCategories: readonly CreditCategory[];
  /** Months of the county's history of a person without a bad record that make them eligible. */
  historyMonths: number;
  /** Being on one of these lists excludes a person. */
  excludedLists: readonly CreditListKind[];
}

/**
 * Sources whose collection the credit platform judges: the registry's credit feeds and the
 * household register (PSB).
 */
export const COLLECTED_SOURCES: readonly string[] = [
  ...DEPARTMENT_REGISTRY.filter((entry) => entry.creditFeed).map((entry) => entry.code),
  'PSB',
];

/** How long collected data counts as current (policy/credit-rules.yaml `sources`). */
export interface SourceStaleness {
  /** Bound of a source not listed in `bySource`, in milliseconds. */
  defaultMs: number;
  /** Bound per source code, in milliseconds. */
  bySource: ReadonlyMap<string, number>;
}

/** Household statuses and registration issues that stop credit decisions (`register`). */
export interface RegisterFlagRules {
  flaggedStatuses: readonly string[];
  flaggedIssues: readonly string[];
}
