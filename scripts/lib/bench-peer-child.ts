/**
 * One process of `npm run bench -- --peers` (scripts/bench-peers.ts), so that each gateway and
 * the subgraphs have their own CPU figures: `tsx scripts/lib/bench-peer-child.ts <role>` with the
 * settings as JSON in `BENCH_PEER` ({@link PeerSettings}). Prints `READY <json>` on stdout once
 * it listens, and stops on SIGTERM.
 *
 * Roles: `subgraphs` (every subgraph in this process, on the PostgreSQL server, audited),
 * `subgraph` (the one subgraph `settings.subgraph` names, alone in this process as in production,
 * on its own PostgreSQL database, with its own audit chain on the shared audit database), `gateway` (this gateway, everything on: policy, request limits, audit), `gateway-bare` (this
 * gateway with audit and request limits off; the policy cannot be switched off), `apollo`
 * (@apollo/gateway with this project's keep-alive fetcher and no security of its own), `hive`
 * (Hive Gateway, defaults, no security of its own). The last two only attach the internal
 * context token the subgraphs require, for the caller the benchmark names in `x-bench-caller`:
 * that is all a gateway must do to be let in.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { createKeepAliveFetcher } from '../../gateway/keep-alive-fetcher';
import { loadLimitsConfig } from '../../gateway/limits/load-limits-config';
import type { LimitsConfig } from '../../gateway/limits/limits-config';
import { startGateway } from '../../gateway/start-gateway';
import type { Caller } from '../../lib/auth/caller';
import { callerFromClaims } from '../../lib/auth/caller-claims';
import {
  GATEWAY_ISSUER,
  INTERNAL_CONTEXT_HEADER,
  signInternalToken,
} from '../../lib/auth/internal-token';
import { openKeyStore } from '../../lib/auth/key-store';
import { loadAuditHmacKey } from '../../lib/audit/audit-hmac-key';
import { postgresDatabase } from '../../lib/db/postgres-database';
import { ALL_SUBGRAPHS } from '../../subgraphs/all-subgraphs';
import { startSubgraph } from '../../subgraphs/kit/start-subgraph';
import { openServiceAudit } from './service-audit-writer';
import { startSystem } from './start-system';
import { databaseUrlVariable } from './system-databases';
import { SUPERGRAPH_PATH, createSystemSecurity } from './system-security';

/** What the benchmark tells each child. */
export interface PeerSettings {
  /** Data folder of the seeded system (its keys are under `keys/`). */
  dataDir: string;
  /** `DATABASE_URL_<NAME>` of every subgraph and the audit store. */
  databaseEnv: Record<string, string>;
  /** Subgraph name → URL (gateways, and the credit platform's collector). */
  subgraphUrls?: Record<string, string>;
  /** The subgraph the `subgraph` role runs. */
  subgraph?: string;
}

const settings = JSON.parse(process.env.BENCH_PEER ?? '{}') as PeerSettings;
const keys = openKeyStore(settings.dataDir);

/** The default limits with budgets one benchmark client cannot exhaust (still taken from). */
function benchLimits(): LimitsConfig {
  const defaults = loadLimitsConfig();
  const unthrottled = { perSecond: 1_000_000, burst: 1_000_000 };
  return {
    ...defaults,
    rateLimits: {
      ...defaults.rateLimits,
      identity: unthrottled,
      department: unthrottled,
      identityByClientType: {},
    },
  };
}

/** The internal context token header for `caller` on a fetch to `subgraph`. */
async function tokenHeader(subgraph: string, caller: Caller): Promise<string> {
  const { privateKey } = await keys.keyPair('gateway-internal');
  return signInternalToken(caller, {
    audience: subgraph,
    requestId: `bench-${process.pid}-${Math.random().toString(36).slice(2)}`,
    issuer: GATEWAY_ISSUER,
    key: privateKey,
  });
}

function benchCaller(header: string | string[] | null | undefined): Caller {
  if (typeof header !== 'string') throw new Error('x-bench-caller header missing');
  return callerFromClaims(JSON.parse(header));
}

/** The supergraph with each subgraph's URL replaced by where it runs now. */
function supergraphSdl(urls: Record<string, string>): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8').replace(
    /@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g,
    (whole, name: string) =>
      urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

type Started = { url: string; extra?: Record<string, unknown>; stop(): Promise<void> };

async function startSubgraphs(): Promise<Started> {
  const system = await startSystem({
    dataDir: settings.dataDir,
    env: { ...process.env, ...settings.databaseEnv },
    gatewayPort: 0,
    log: () => {},
  });
  return {
    url: system.gatewayUrl,
    extra: { subgraphs: Object.fromEntries(system.subgraphs.map((s) => [s.name, s.url])) },
    stop: system.stop,
  };
}

/** The subgraph `settings.subgraph`, alone in this process (scripts/run-subgraph.ts does the same). */
async function startOneSubgraph(): Promise<Started> {
  const name = settings.subgraph ?? '';
  const module = ALL_SUBGRAPHS.find((candidate) => candidate.name === name);
  const url = settings.databaseEnv[databaseUrlVariable(name)];
  if (!module || !url) throw new Error(`no subgraph or database named ${JSON.stringify(name)}`);
  const security = createSystemSecurity({ keys, env: process.env });
  const auditEnv = {
    ...process.env,
    AUDIT_DATABASE_URL: settings.databaseEnv[databaseUrlVariable('audit')],
    AUDIT_HMAC_KEY: readFileSync(`${settings.dataDir}/keys/audit-hmac.key`, 'utf8').trim(),
  };
  const audit = await openServiceAudit(name, auditEnv);
  const db = postgresDatabase(url);
  const service = await startSubgraph(module, {
    db,
    environment: {
      subgraphUrls: settings.subgraphUrls ?? {},
      serviceHeaders: security.serviceHeaders,
      auditHmacKey: await loadAuditHmacKey({ env: auditEnv }),
    },
    security: await security.subgraph(name),
    audit: audit?.writer,
  });
  return {
    url: service.url,
    async stop() {
      await service.stop();
      await audit?.close();
    },
  };
}

async function startThisGateway(everythingOn: boolean): Promise<Started> {
  const security = createSystemSecurity({ keys, env: process.env });
  const audit = everythingOn
    ? await openServiceAudit(`gateway-bench-${process.pid}`, {
        ...process.env,
        AUDIT_DATABASE_URL: settings.databaseEnv.DATABASE_URL_AUDIT,
        AUDIT_HMAC_KEY: readFileSync(`${settings.dataDir}/keys/audit-hmac.key`, 'utf8').trim(),
      })
    : undefined;
  const gateway = await startGateway({
    port: 0,
    subgraphUrls: settings.subgraphUrls ?? {},
    security: await security.gateway(audit?.writer),
    limits: everythingOn ? benchLimits() : false,
  });
  return {
    url: gateway.url,
    async stop() {
      await gateway.stop();
      await audit?.close();
    },
  };
}

async function startApollo(): Promise<Started> {
  const fetcher = createKeepAliveFetcher();
  const urls = settings.subgraphUrls ?? {};
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdl(urls),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<{ caller: Caller }>({
        url: urls[name] ?? url,
        fetcher: fetcher.fetch,
        async willSendRequest({ request, context }) {
          request.http?.headers.set(
            INTERNAL_CONTEXT_HEADER,
            await tokenHeader(name, context.caller),
          );
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ caller: benchCaller(req.headers['x-bench-caller']) }),
  });
  return {
    url,
    async stop() {
      await server.stop();
      await fetcher.close();
    },
  };
}

async function startHive(): Promise<Started> {
  // Loaded only here: Hive Gateway is a development dependency of the benchmark alone.
  const { createGatewayRuntime } = await import('@graphql-hive/gateway');
  const urls = settings.subgraphUrls ?? {};
  const names = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl(urls),
    logging: 'error',
    plugins: () => [
      {
        async onFetch({ url, options, setOptions, context }) {
          const name = names.get(url);
          if (!name) return;
          const request = (context as { request?: Request }).request;
          const caller = benchCaller(request?.headers.get('x-bench-caller'));
          setOptions({
            ...options,
            headers: {
              ...(options.headers as Record<string, string>),
              [INTERNAL_CONTEXT_HEADER]: await tokenHeader(name, caller),
            },
          });
        },
      },
    ],
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose();
    },
  };
}

const ROLES: Record<string, () => Promise<Started>> = {
  subgraphs: startSubgraphs,
  subgraph: startOneSubgraph,
  gateway: () => startThisGateway(true),
  'gateway-bare': () => startThisGateway(false),
  apollo: startApollo,
  hive: startHive,
};

async function main(): Promise<void> {
  const role = process.argv[2] ?? '';
  const start = ROLES[role];
  if (!start) throw new Error(`usage: bench-peer-child <${Object.keys(ROLES).join('|')}>`);
  const started = await start();
  console.log(`READY ${JSON.stringify({ url: started.url, ...started.extra })}`);
  process.once('SIGTERM', () => {
    started.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
