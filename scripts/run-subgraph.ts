/**
 * Runs one subgraph alone, as in production: `npm run start:subgraph -- tax` with
 * `DATABASE_URL` (its own PostgreSQL database), `PORT`, `HOST`, and for the credit platform the
 * department URLs as `SUBGRAPH_URL_<NAME>`; `KEYS_DIR` holds the keys it trusts.
 */
import { openKeyStore } from '../lib/auth/key-store';
import { createLogger } from '../lib/log/create-logger';
import { startTracing } from '../lib/tracing/start-tracing';
import { createRedisReplayGuard } from '../lib/auth/redis-replay-guard';
import { DEFAULT_PORTS } from '../lib/config/default-ports';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { openDatabase } from '../subgraphs/kit/db/open-database';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import { openServiceAudit } from './lib/service-audit-writer';
import { stopOnSignals } from './lib/stop-on-signals';
import { subgraphUrlsFromEnv } from './lib/subgraph-urls-from-env';
import { createSystemSecurity } from './lib/system-security';

const log = createLogger({ service: process.argv[2] ?? 'subgraph' });

async function main(): Promise<void> {
  const name = process.argv[2];
  const module = ALL_SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!module) {
    const known = ALL_SUBGRAPHS.map((candidate) => candidate.name).join(', ');
    throw new Error(`usage: npm run start:subgraph -- <name>   (one of: ${known})`);
  }
  const url = process.env.DATABASE_URL;
  if (!url && process.env.NODE_ENV === 'production') {
    throw new Error(
      'DATABASE_URL is required in production (one PostgreSQL database per department)',
    );
  }
  const tracing = startTracing({ serviceName: `credit-federation-${name}` });
  // Keys: `<KEYS_DIR>/keys/gateway-internal.public.pem` and `collector-internal.public.pem`
  // (plus the collector's private key on the credit platform's host); dev keys in `.data`.
  const security = createSystemSecurity({ keys: openKeyStore(process.env.KEYS_DIR ?? '.data') });
  const audit = await openServiceAudit(name);
  const db = await openDatabase({ url, dataDir: url ? undefined : `.data/alone-${name}` });
  // Several instances of one subgraph share what tokens they accepted through REDIS_URL.
  const redisUrl = process.env.REDIS_URL?.trim();
  const replayGuard = redisUrl ? createRedisReplayGuard({ url: redisUrl }) : undefined;
  const service = await startSubgraph(module, {
    db,
    port: Number(process.env.PORT ?? DEFAULT_PORTS[module.name]),
    host: process.env.HOST,
    environment: {
      subgraphUrls: subgraphUrlsFromEnv(
        ALL_SUBGRAPHS.map((m) => m.name),
        process.env,
      ),
      serviceHeaders: security.serviceHeaders,
    },
    security: await security.subgraph(module.name),
    audit: audit?.writer,
    metricsToken: process.env.METRICS_TOKEN?.trim() || undefined,
    processMetrics: true,
    replayGuard,
  });
  log.info(`${name} subgraph at ${service.url} (${db.kind})`);
  stopOnSignals(async () => {
    await service.stop();
    await replayGuard?.close();
    await audit?.close();
    await tracing?.shutdown();
  });
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'subgraph failed to start');
  process.exit(1);
});
