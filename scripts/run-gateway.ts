/**
 * Runs the gateway alone, as in production: `npm run start:gateway` with `SUBGRAPH_URL_<NAME>`
 * for every subgraph, `PORT`, `HOST`, `JWKS_URL` or `JWT_PUBLIC_KEY_FILE` for user tokens, and
 * `KEYS_DIR` holding the gateway's internal signing key (`keys/gateway-internal.private.pem`).
 */
import { startGateway } from '../gateway/start-gateway';
import { createLogger } from '../lib/log/create-logger';
import { startTracing } from '../lib/tracing/start-tracing';
import { openKeyStore } from '../lib/auth/key-store';
import { DEFAULT_PORTS } from '../lib/config/default-ports';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { openServiceAudit } from './lib/service-audit-writer';
import { stopOnSignals } from './lib/stop-on-signals';
import { subgraphUrlsFromEnv } from './lib/subgraph-urls-from-env';
import { createSystemSecurity } from './lib/system-security';

const log = createLogger({ service: 'gateway' });

async function main(): Promise<void> {
  const tracing = startTracing({ serviceName: 'credit-federation-gateway' });
  const security = createSystemSecurity({ keys: openKeyStore(process.env.KEYS_DIR ?? '.data') });
  const audit = await openServiceAudit('gateway');
  const gateway = await startGateway({
    port: Number(process.env.PORT ?? DEFAULT_PORTS.gateway),
    host: process.env.HOST,
    subgraphUrls: subgraphUrlsFromEnv(
      ALL_SUBGRAPHS.map((module) => module.name),
      process.env,
    ),
    security: await security.gateway(audit?.writer),
    metricsToken: process.env.METRICS_TOKEN?.trim() || undefined,
    devSignIn: security.devUserTokens ? { keys: security.keys } : undefined,
  });
  log.info(`gateway at ${gateway.url} (policy ${security.policy.version})`);
  stopOnSignals(async () => {
    await gateway.stop();
    await audit?.close();
    await tracing?.shutdown();
  });
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
