/** Days of the week as the calendar file names them (index = `Date.getUTCDay()`). */
export const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The loaded, validated working-day calendar (policy/calendar.yaml). */
export interface WorkingCalendar {
  version: string;
  /** Working days an objection may stay open before it is overdue. */
  objectionDueWorkingDays: number;
  /** Working days after a licensing or penalty decision by which it must be published (双公示). */
  disclosureDueWorkingDays: number;
  /** Weekend days (by `getUTCDay()` index). */
  weekend: ReadonlySet<number>;
  /** Years the calendar lists (confirmed or provisional). */
  years: ReadonlySet<number>;
  /**
   * Listed years whose holidays are provisional (the State Council's notice was not published
   * yet): a working day counted through them is marked provisional like one past the last year.
   */
  provisionalYears: ReadonlySet<number>;
  /**
   * Fixed-date statutory holidays (`MM-DD`) assumed for a year the calendar does not list, with
   * the weekend: the fallback that keeps due dates computable on any date, always provisional.
   */
  fallbackHolidays: ReadonlySet<string>;
  /** Public holidays, ISO dates. */
  holidays: ReadonlySet<string>;
  /** Weekend days worked in exchange for a holiday (调休上班), ISO dates. */
  makeUpWorkingDays: ReadonlySet<string>;
}

/** Where an objection (异议) stands. */
export type ObjectionStatus = 'OPEN' | 'UPHELD' | 'REJECTED';
/** What an upheld objection does to the record. */
export type ObjectionCorrection = 'CORRECTED' | 'REMOVED';
/** Where a credit repair application (信用修复) stands. */
export type RepairStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/**
 * Which record an objection or repair is about: the department's record id, or (seeded claims
 * only, made before the record is collected) the person's record of `catalogCode` from
 * `sourceDept` decided on or before the claim was made.
 */
export interface RecordRef {
  personId: string;
  sourceDept: string;
  /** The department's record id; null for a seeded claim. */
  sourceRecordId: string | null;
  /** Catalog code a seeded claim matches; null when `sourceRecordId` is given. */
  catalogCode: string | null;
}

/** An objection as stored (`credit.objections`). */
export interface ObjectionData extends RecordRef {
  /** UUID. */
  id: string;
  reason: string;
  /** `sub` of whoever filed it (the citizen, or the NDRC officer on their behalf). */
  filedBy: string;
  /** ISO date (China Standard Time) it was filed. */
  filedOn: string;
  /** ISO date of the last working day the source department has to decide. */
  dueOn: string;
  /** Whether `dueOn` was counted through a year without confirmed holidays (see addWorkingDays). */
  dueOnProvisional: boolean;
  status: ObjectionStatus;
  correction: ObjectionCorrection | null;
  decisionNote: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
}

/** A repair application as stored (`credit.repairs`). */
export interface RepairData extends RecordRef {
  /** UUID. */
  id: string;
  /** The credit commitment (信用承诺) the person signed. */
  commitment: string;
  /** What proves the dishonest conduct was corrected (receipts, performance, ...). */
  proofOfCorrection: string;
  appliedBy: string;
  /** ISO date it was applied for. */
  appliedOn: string;
  status: RepairStatus;
  decisionNote: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
}

/** The objections and repairs of one person (history included). */
export interface PersonAdjustments {
  objections: readonly ObjectionData[];
  repairs: readonly RepairData[];
}

/** What objections and repairs do to one record. */
export interface RecordAdjustment {
  /** An objection about the record is open. */
  underObjection: boolean;
  /** The latest objection about the record, open or decided; null if none. */
  objection: ObjectionData | null;
  /** The latest repair application about the record; null if none. */
  repair: RepairData | null;
  /** Why the record is neither shown nor scored; null when objections and repairs leave it. */
  hiddenBy: 'OBJECTION_REMOVED' | 'REPAIR_APPROVED' | null;
}
