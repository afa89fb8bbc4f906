import type DataLoader from 'dataloader';
import type { Policy } from '../../lib/policy/types';
import type { FeedCollectionReport } from './collector/feed-collection-report';
import type { ConsentStore } from './consent-store';
import type { ConsentContext } from './consents/consent-resolvers';
import type { DisclosuresContext } from './disclosures/resolvers';
import type { DisclosureStore } from './disclosures/disclosure-store';
import type { GoodConductStore } from './good-conduct/good-conduct-store';
import type { MeasuresContext, MeasuresServices } from './measures/resolvers';
import type { ObjectionContext } from './objections/objection-resolvers';
import type { ObjectionStore } from './objections/objection-store';
import type { OccupationStore, StoredOccupation } from './occupations/occupation-store';
import type { PersonAdjustments, WorkingCalendar } from './objections/types';
import type { RegisterEntry } from './register/register-entry';
import type { RegisterStore } from './register/register-store';
import type { CreditRecordData, CreditRules } from './rules/types';
import type { CreditStore, SourceState } from './store';

/** What the credit resolvers share for the life of the service. */
export interface CreditServices {
  store: CreditStore;
  rules: CreditRules;
  now: () => Date;
  /** Sources every profile reports on (the credit feeds, then the register PSB), in order. */
  sourceDepts: readonly string[];
  /** The staleness bound of a source (policy/credit-rules.yaml `sources`), in milliseconds. */
  staleAfterMs: (dept: string) => number;
  /** The household register standings collected from the population register feed. */
  register: RegisterStore;
  /** Citizens' consents to organisations (授权查询). */
  consents: ConsentStore;
  /** The access policy the subgraph enforces: consent scopes are validated against it. */
  policy: Policy;
  /** Good conduct: the platform's own good-conduct records. */
  goodConduct: GoodConductStore;

  /** Objections (异议) and repairs (信用修复). */
  objections: ObjectionStore;
  /** Working-day calendar (policy/calendar.yaml): objection due dates. */
  calendar: WorkingCalendar;
  /** Operator log, one line per event, no personal data. */
  log: (line: string) => void;
  /**
   * Runs a collection pass of every feed (credit, register, disclosure, occupation) now, queued
   * behind a pass already running; resolves with each source's report.
   */
  collectNow: () => Promise<FeedCollectionReport[]>;
  // --- end objections ---

  /** Joint measures catalog (policy/measures.yaml) and the record of checks. */
  measures: MeasuresServices;
  /** Collected licensing and penalty decisions (双公示). */
  disclosures: DisclosureStore;
  /** The licensed occupations collected from the licensing departments' occupation feeds. */
  occupations: OccupationStore;
  // --- end measures and disclosures ---
}

/** The credit subgraph's request context: one clock reading and one loader set per request. */
export interface CreditContext
  extends ConsentContext,
    ObjectionContext,
    MeasuresContext,
    DisclosuresContext /* Disclosures: */ {
  services: CreditServices;
  /** The request's instant; every person of a request is evaluated at the same time. */
  now: Date;
  /** `now` as an ISO date in China Standard Time: the day display periods are evaluated for. */
  asOf: string;
  /**
   * The records of a person that objections and repairs leave standing (displayed or not): not
   * removed by an upheld objection, not ended by an approved repair. Everything that shows or
   * scores records (profile, lists, measures) reads this one. Built from the two loaders below.
   */
  recordsByPerson: DataLoader<string, CreditRecordData[]>;

  /** Every stored record of a person, hidden ones included; one statement per batch. */
  storedRecordsByPerson: DataLoader<string, CreditRecordData[]>;
  /** Objections and repairs of a person, history included; one statement per batch. */
  adjustmentsByPerson: DataLoader<string, PersonAdjustments>;
  // --- end objections ---
  /** The household register standing of a person (null: unknown to it); one statement per batch. */
  registerByPerson: DataLoader<string, RegisterEntry | null>;
  /** Licensed occupations of a person; one statement per batch. */
  occupationsByPerson: DataLoader<string, StoredOccupation[]>;
  /** Collection states of all sources, read at most once per request. */
  sourceStates(): Promise<SourceState[]>;
}
