import { join } from 'node:path';
import { loadAuditHmacKey } from '../../lib/audit/audit-hmac-key';
import { checkChainStatus } from '../../lib/audit/check-chain-status';
import type { ChainStatus } from '../../lib/audit/check-chain-status';
import { AUDIT_MIGRATIONS_DIR, AUDIT_SCHEMA } from '../../lib/audit/migrate-audit-store';
import { withQueryTimeout } from '../../lib/db/with-query-timeout';
import type { SubgraphModule } from '../kit/subgraph-module';
import { auditResolvers, createAuditContext } from './resolvers';
import type { AuditContext } from './resolvers';
import { loadAuditReadConfig } from './rules/load-audit-read-config';
import { createAuditReadStore } from './store';

/** Options of {@link createAuditSubgraph}. */
export interface AuditSubgraphOptions {
  /** The read side's settings file; default `<repo>/policy/audit-read.yaml`. */
  configPath?: string;
  /**
   * The audit HMAC key the writers use (to search by person). Default: loaded on first need with
   * loadAuditHmacKey from `AUDIT_HMAC_KEY`, else `<DATA_DIR or .data>/keys/audit-hmac.key`; never
   * created here (a new key would match none of the stored HMACs).
   */
  hmacKey?: Buffer | (() => Promise<Buffer>);
  /**
   * Longest wait for one read of the audit store before the query fails (a locked or hanging
   * store must not hang the auditors' requests); default 5000 ms.
   */
  readTimeoutMs?: number;
}

/** The key source: a fixed key, or a loader whose success is kept (a failure is retried). */
function keySource(option: AuditSubgraphOptions['hmacKey']): () => Promise<Buffer> {
  if (Buffer.isBuffer(option)) return () => Promise.resolve(option);
  const load =
    option ?? (() => loadAuditHmacKey({ dataDir: process.env.DATA_DIR ?? '.data', create: false }));
  let loading: Promise<Buffer> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/**
 * The audit read side (DESIGN §5), subgraph `audit`: Query.auditEvents, Query.auditAlerts and
 * Person.accessLog for the audit team, Query.myAccessLog for citizens. It owns no tables of its
 * own: its schema IS the audit store's (`audit`, lib/audit/migrations), so `startSubgraph`
 * applies the same versioned migrations migrateAuditStore does, under the same schema and
 * version names; whichever runs first applies them and the other skips them.
 */
export function createAuditSubgraph(
  options: AuditSubgraphOptions = {},
): SubgraphModule<AuditContext> {
  return {
    name: AUDIT_SCHEMA,
    sdlFile: join(__dirname, 'audit.graphql'),
    migrationsDir: AUDIT_MIGRATIONS_DIR,
    build(db, environment) {
      const now = environment.now ?? (() => new Date());
      // One check at a time: a second caller waits and then verifies what is new since.
      let checking: Promise<unknown> = Promise.resolve();
      const checkChains = (restart: boolean): Promise<ChainStatus> => {
        const run = checking.then(() => checkChainStatus(db, { restart, now }));
        checking = run.catch(() => undefined);
        return run;
      };
      const services = {
        store: createAuditReadStore(withQueryTimeout(db, options.readTimeoutMs ?? 5000)),
        config: loadAuditReadConfig({ path: options.configPath }),
        now,
        hmacKey: keySource(options.hmacKey ?? environment.auditHmacKey),
        checkChains,
      };
      return {
        resolvers: auditResolvers,
        context: (base) => createAuditContext(services, base),
      };
    },
  };
}
