import { join } from 'node:path';
import { loadPolicy } from '../../lib/policy/load-policy';
import type { SubgraphModule } from '../kit/subgraph-module';
import type { SourceReport } from './collector/collect-source';
import { createCreditCollector } from './collector/create-credit-collector';
import type { CreditCollector, CreditCollectorOptions } from './collector/create-credit-collector';
import { CREDIT_SOURCES } from './collector/credit-sources';
import { createCreditContext, creditResolvers } from './resolvers';
import type { CreditContext } from './resolvers';
import { loadCatalog } from './rules/load-catalog';
import { loadCreditRules } from './rules/load-credit-rules';
import { createConsentStore } from './consent-store';
import { seedCredit } from './seed';
import { createCreditStore } from './store';

/** Options of {@link createCreditSubgraph}. */
export interface CreditSubgraphOptions {
  /** The catalog file; default `<repo>/policy/catalog.yaml`. */
  catalogPath?: string;
  /** The scoring rules file; default `<repo>/policy/credit-rules.yaml`. */
  rulesPath?: string;
  /**
   * A source is stale without a successful collection for this long; default
   * `CREDIT_STALE_AFTER_MS` from the environment, else 24 h.
   */
  staleAfterMs?: number;
  /** Whether the service's `start()` starts the collector; default true (tests drive it). */
  collectOnStart?: boolean;
  /** Collector settings (interval, page size, timeouts, request headers, log); defaults there. */
  collector?: Omit<CreditCollectorOptions, 'store' | 'subgraphUrls' | 'now'>;
}

/** The credit subgraph module, plus a handle on the collector of its running instance. */
export interface CreditSubgraphModule extends SubgraphModule<CreditContext> {
  /** Runs one collection pass in the most recently built instance (start-all, tests). */
  collectOnce(): Promise<SourceReport[]>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The credit platform subgraph (发改局 NDRC): collects department credit feeds, applies the
 * catalog and scoring rules (policy/*.yaml, loaded and validated at build) and serves
 * `Person.creditRecords`, `Person.creditProfile` and `Query.creditCatalog`, and keeps citizens'
 * consents to organisations (`grantConsent`, `revokeConsent`, `Person.consents`, and the
 * gateway's internal `activeConsentsForOrg`).
 */
export function createCreditSubgraph(options: CreditSubgraphOptions = {}): CreditSubgraphModule {
  let collector: CreditCollector | undefined;
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
      const now = environment.now ?? (() => new Date());
      const built = createCreditCollector({
        ...options.collector,
        store,
        subgraphUrls: environment.subgraphUrls,
        requestHeaders: options.collector?.requestHeaders ?? environment.serviceHeaders,
        now,
      });
      collector = built;
      const envStale = Number(process.env.CREDIT_STALE_AFTER_MS);
      const services = {
        store,
        rules,
        now,
        sourceDepts: (options.collector?.sources ?? CREDIT_SOURCES).map((source) => source.dept),
        staleAfterMs:
          options.staleAfterMs ?? (Number.isFinite(envStale) && envStale > 0 ? envStale : DAY_MS),
        consents: createConsentStore(db),
        policy: environment.policy ?? loadPolicy(),
      };
      return {
        resolvers: creditResolvers,
        context: (base) => createCreditContext(services, base),
        start: async () => {
          if (options.collectOnStart ?? true) await built.start();
        },
        stop: () => built.stop(),
      };
    },
    seed: (db, persons) =>
      seedCredit(db, persons, process.env.SEED_AS_OF ?? new Date().toISOString().slice(0, 10)),
    async collectOnce() {
      if (!collector) throw new Error('credit subgraph: collectOnce() before build()');
      return collector.collectOnce();
    },
  };
}
