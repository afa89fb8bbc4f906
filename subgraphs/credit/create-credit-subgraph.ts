import { join } from 'node:path';
import { chinaToday } from '../../lib/civil-time/china-today';
import { createLogger } from '../../lib/log/create-logger';
import { loadPolicy } from '../../lib/policy/load-policy';
import type { SubgraphModule } from '../kit/subgraph-module';
import type { SourceReport } from './collector/collect-source';
import { createCreditCollector, createFeedCollector } from './collector/create-credit-collector';
import type { CreditCollector, CreditCollectorOptions } from './collector/create-credit-collector';
import { CREDIT_SOURCES } from './collector/credit-sources';
import { createDecisionWriter } from '../kit/decisions/create-decision-writer';
import { decisionWriteResolvers } from '../kit/decisions/decision-write-resolvers';
import { goodConductDecisionProjection } from './good-conduct/good-conduct-decision-store';
import { registerCollectionAgeMetric } from './collector/register-collection-age-metric';
import type { CreditSource } from './collector/credit-sources';
import { createCreditContext, creditMutationResolvers, creditResolvers } from './resolvers';
import type { CreditContext } from './credit-context';
import { loadCatalog } from './rules/load-catalog';
import { loadCreditRules } from './rules/load-credit-rules';
import { createConsentStore } from './consent-store';
import { createGoodConductStore } from './good-conduct/good-conduct-store'; // --- good conduct ---
// Objections: a citizen objects to a record; its source department decides.
import { addWorkingDays } from './objections/add-working-days';
import { calendarEndWarning } from './objections/calendar-end-warning';
import { loadCalendar } from './objections/load-calendar';
import { createObjectionStore } from './objections/objection-store';
// --- end objections ---
// Joint measures and public disclosures.
import { DISCLOSURE_ENTRY_READER } from './disclosures/disclosure-entry-reader';
import { DISCLOSURE_SOURCES } from './disclosures/disclosure-sources';
import { OCCUPATION_ENTRY_READER } from './occupations/occupation-entry-reader';
import { OCCUPATION_SOURCES } from './occupations/occupation-sources';
import { createOccupationStore } from './occupations/occupation-store';
import { createDisclosureStore } from './disclosures/disclosure-store';
import { registerDisclosureTimelinessMetric } from './disclosures/register-disclosure-timeliness-metric';
import { loadMeasures } from './measures/load-measures';
import { createMeasuresStore } from './measures/measures-store';
// --- end measures and disclosures ---
import { checkMeasuresAgainstRules } from './measures/check-measures-against-rules';
import { REGISTER_ENTRY_READER } from './register/register-entry-reader';
import { REGISTER_SOURCE } from './register/register-source';
import { createRegisterStore } from './register/register-store';
import { seedCredit } from './seed';
import { resolveSubjectReference } from './subjects/resolve-subject-reference';
import { createCreditStore } from './store';

/** Options of {@link createCreditSubgraph}. */
export interface CreditSubgraphOptions {
  /** The catalog file; default `<repo>/policy/catalog.yaml`. */
  catalogPath?: string;
  /** The scoring rules file; default `<repo>/policy/credit-rules.yaml`. */
  rulesPath?: string;
  /** The working-day calendar (objection due dates); default `<repo>/policy/calendar.yaml`. */
  calendarPath?: string;
  /** The joint measures catalog; default `<repo>/policy/measures.yaml`. */
  measuresPath?: string;
  /** Disclosure feeds (双公示) to collect; default DISCLOSURE_SOURCES (from the registry). */
  disclosureSources?: readonly CreditSource[];
  /**
   * Every source is stale without a successful collection for this long (tests); default
   * `CREDIT_STALE_AFTER_MS` from the environment, else each source's own bound in
   * policy/credit-rules.yaml `sources` (24 h unless stated otherwise there).
   */
  staleAfterMs?: number;
  /**
   * The clock of the service and its collector; default `environment.now`, else the system clock
   * (tests move it to make a source stale).
   */
  now?: () => Date;
  /** Whether the service's `start()` starts the collector; default true (tests drive it). */
  collectOnStart?: boolean;
  /** Collector settings (interval, page size, timeouts, request headers, log); defaults there. */
  collector?: Omit<CreditCollectorOptions, 'store' | 'subgraphUrls' | 'now'>;
  /**
   * Operator log of the service (a provisional objection due date, a calendar about to end),
   * one line each, no personal data; default the service's JSON log at level warn.
   */
  log?: (line: string) => void;
}

/** The credit subgraph module, plus a handle on the collector of its running instance. */
export interface CreditSubgraphModule extends SubgraphModule<CreditContext> {
  /**
   * Runs one collection pass in the most recently built instance (start-all, tests): the credit
   * feeds and the household register feed (PSB), whose reports it returns in that order, and
   * alongside them the disclosure feeds (failures logged).
   */
  collectOnce(): Promise<SourceReport[]>;
  /** Runs one pass over the disclosure feeds (双公示) only, reporting per source. */
  collectDisclosuresOnce(): Promise<SourceReport[]>;
}

/**
 * The credit platform subgraph (发改局 NDRC): collects department credit feeds, applies the
 * catalog and scoring rules (policy/*.yaml, loaded and validated at build) and serves
 * `Person.creditRecords`, `Person.creditProfile` and `Query.creditCatalog`, and keeps citizens'
 * consents to organisations (`grantConsent`, `revokeConsent`, `Person.consents`, and the
 * gateway's internal `activeConsentsForOrg`).
 */
export function createCreditSubgraph(options: CreditSubgraphOptions = {}): CreditSubgraphModule {
  let collector: CreditCollector | undefined;
  let disclosureCollector: CreditCollector | undefined;
  let registerCollector: CreditCollector | undefined;
  let occupationCollector: CreditCollector | undefined;
  return {
    name: 'credit',
    sdlFile: join(__dirname, 'credit.graphql'),
    migrationsDir: join(__dirname, 'migrations'),
    build(db, environment) {
      const rules = loadCreditRules({
        path: options.rulesPath,
        catalog: loadCatalog({ path: options.catalogPath }),
      });
      const store = createCreditStore(db);
      const now = options.now ?? environment.now ?? (() => new Date());
      const built = createCreditCollector({
        ...options.collector,
        store,
        subgraphUrls: environment.subgraphUrls,
        requestHeaders: options.collector?.requestHeaders ?? environment.serviceHeaders,
        now,
      });
      collector = built;
      // Disclosures: the same generic collector over the disclosure feeds.
      const calendar = loadCalendar({ path: options.calendarPath });
      const disclosures = createDisclosureStore(db, {
        publicationDue: (decidedAt) =>
          addWorkingDays(calendar, decidedAt, calendar.disclosureDueWorkingDays).date,
      });
      const builtDisclosures = createFeedCollector({
        ...options.collector,
        sources: options.disclosureSources ?? DISCLOSURE_SOURCES,
        reader: DISCLOSURE_ENTRY_READER,
        name: 'disclosure collector',
        store: disclosures,
        subgraphUrls: environment.subgraphUrls,
        requestHeaders: options.collector?.requestHeaders ?? environment.serviceHeaders,
        now,
      });
      disclosureCollector = builtDisclosures;
      // --- end disclosures ---
      // The household register's feed: deceased persons and registrations in doubt are flagged.
      const register = createRegisterStore(db);
      const builtRegister = createFeedCollector({
        ...options.collector,
        sources: [REGISTER_SOURCE],
        reader: REGISTER_ENTRY_READER,
        name: 'register collector',
        store: register,
        subgraphUrls: environment.subgraphUrls,
        requestHeaders: options.collector?.requestHeaders ?? environment.serviceHeaders,
        now,
      });
      registerCollector = builtRegister;
      // The licensing departments' occupation feeds: who holds which licence, for occupations.
      const occupations = createOccupationStore(db);
      const builtOccupations = createFeedCollector({
        ...options.collector,
        sources: OCCUPATION_SOURCES,
        reader: OCCUPATION_ENTRY_READER,
        name: 'occupation collector',
        store: occupations,
        subgraphUrls: environment.subgraphUrls,
        requestHeaders: options.collector?.requestHeaders ?? environment.serviceHeaders,
        now,
      });
      occupationCollector = builtOccupations;
      const measuresCatalog = loadMeasures({ path: options.measuresPath });
      // A measures catalog that could reward a person the green channel refuses never loads.
      checkMeasuresAgainstRules(measuresCatalog, rules);
      // Warnings for the operator (a calendar ending, a provisional due date), as JSON log lines.
      const logger = createLogger({ service: 'credit', component: 'credit rules' });
      const log = options.log ?? ((line: string) => logger.warn(line));
      const envStale = Number(process.env.CREDIT_STALE_AFTER_MS);
      // One bound for every source when a test or the operator says so; else each its own.
      const override =
        options.staleAfterMs ?? (Number.isFinite(envStale) && envStale > 0 ? envStale : undefined);
      const services = {
        store,
        rules,
        now,
        sourceDepts: [
          ...(options.collector?.sources ?? CREDIT_SOURCES).map((source) => source.dept),
          REGISTER_SOURCE.dept,
        ],
        staleAfterMs: (dept: string) =>
          override ?? rules.staleness.bySource.get(dept) ?? rules.staleness.defaultMs,
        register,
        consents: createConsentStore(db),
        goodConduct: createGoodConductStore(db),
        policy: environment.policy ?? loadPolicy(),

        objections: createObjectionStore(db),
        calendar,
        log,
        // --- end objections ---

        measures: {
          catalog: measuresCatalog,
          store: createMeasuresStore(db),
        },
        disclosures,
        // --- end measures and disclosures ---
        occupations,
        collectNow: async () => {
          const [credit, register, disclosure, occupation] = await Promise.all([
            built.collectOnce(),
            builtRegister.collectOnce(),
            builtDisclosures.collectOnce(),
            builtOccupations.collectOnce(),
          ]);
          return [
            ...credit.map((report) => ({ ...report, feed: 'credit' as const })),
            ...register.map((report) => ({ ...report, feed: 'register' as const })),
            ...disclosure.map((report) => ({ ...report, feed: 'disclosure' as const })),
            ...occupation.map((report) => ({ ...report, feed: 'occupation' as const })),
          ];
        },
      };
      return {
        resolvers: {
          ...creditResolvers,
          Mutation: {
            ...creditMutationResolvers,
            ...decisionWriteResolvers({
              subgraph: 'credit',
              writer: createDecisionWriter({
                schema: 'credit',
                db,
                projection: goodConductDecisionProjection,
                now,
              }),
              now,
            }).Mutation,
          },
        },
        context: (base) => createCreditContext(services, base),
        resolveSubjectReference: (reference) => resolveSubjectReference(services, reference),
        start: async () => {
          // Due dates keep working past the calendar, provisionally; the operator should know.
          const warning = calendarEndWarning(calendar, chinaToday(now()));
          if (warning !== null) log(`credit: ${warning}`);
          if (options.collectOnStart ?? true) {
            await Promise.all([
              built.start(),
              builtRegister.start(),
              builtDisclosures.start(),
              builtOccupations.start(),
            ]);
          }
        },
        stop: async () => {
          await Promise.all([
            built.stop(),
            builtRegister.stop(),
            builtDisclosures.stop(),
            builtOccupations.stop(),
          ]);
        },
        metrics: (registry) => {
          registerCollectionAgeMetric(registry, {
            findSourceStates: () => store.findSourceStates(),
            sources: services.sourceDepts,
            now,
          });
          registerDisclosureTimelinessMetric(registry, {
            timeliness: () =>
              disclosures.timeliness(
                rules.catalog.items
                  .filter((item) => item.publicationMonths !== null)
                  .map((item) => item.code),
              ),
          });
        },
      };
    },
    seed: (db, persons, { asOf }) => seedCredit(db, persons, asOf),
    async collectOnce() {
      if (!collector || !registerCollector || !occupationCollector) {
        throw new Error('credit subgraph: collectOnce() before build()');
      }
      // Disclosure and occupation failures are logged by their collectors; the register reports
      // with the feeds.
      const [reports, registerReports] = await Promise.all([
        collector.collectOnce(),
        registerCollector.collectOnce(),
        this.collectDisclosuresOnce(),
        occupationCollector.collectOnce(),
      ]);
      return [...reports, ...registerReports];
    },
    async collectDisclosuresOnce() {
      if (!disclosureCollector) {
        throw new Error('credit subgraph: collectDisclosuresOnce() before build()');
      }
      return disclosureCollector.collectOnce();
    },
  };
}
