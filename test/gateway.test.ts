import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { buildPageScripts } from '../gateway/pages/build-page-scripts';
import { startGateway } from '../gateway/start-gateway';
import type { RunningGateway } from '../gateway/start-gateway';
import { createAuditWriter } from '../lib/audit/audit-writer';
import type { AuditWriter } from '../lib/audit/audit-writer';
import { migrateAuditStore } from '../lib/audit/migrate-audit-store';
import type { Caller, CallerIdentity } from '../lib/auth/caller';
import { INTERNAL_CONTEXT_HEADER } from '../lib/auth/internal-token';
import { createMemoryKeyStore } from '../lib/auth/key-store';
import { signUserToken } from '../lib/auth/user-token';
import { startApolloHttpServer } from '../lib/http/apollo-http-server';
import { captureLogs } from '../lib/log/capture-logs';
import type { RunningHttpServer } from '../lib/http/apollo-http-server';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { parsePolicy } from '../lib/policy/parse-policy';
import { composeSupergraph } from '../scripts/lib/compose-supergraph';
import type { ComposableSubgraph } from '../scripts/lib/compose-supergraph';
import { createSystemSecurity } from '../scripts/lib/system-security';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { applyPolicy } from '../subgraphs/kit/authz/apply-policy';
import type { SubgraphSecurity } from '../subgraphs/kit/authz/subgraph-security';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startGatewayForTest } from './support/start-gateway-for-test';
import type { ExtraSubgraph, GatewayForTest } from './support/start-gateway-for-test';
import { createTestSecurity } from './support/test-security';
import type { TestSecurity } from './support/test-security';

const PROBE_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

type Person @key(fields: "id") {
  id: ID!
  "What the probe subgraph saw of the gateway's fetch."
  probe: ProbeSighting
  "Always fails with an internal error whose message names a database URL."
  probeFailure: String
}

type ProbeSighting {
  requestId: String!
  note: String!
}
`;

/**
 * The policy of this file (test only): a person's fields, the probe's included, to developer
 * clients, and the department feeds to the credit collector running in the background.
 */
const PROBE_POLICY = parsePolicy(
  `format: 1
identityFields: [Person.id]
rules:
  - id: test-developer-person
    description: Test only — every Person field and the probe's sightings to developer clients.
    fields: [Query.person, Person.*, ProbeSighting.*]
    when: { clientType: [developer] }
    effect: allow
  - id: test-collector-feeds
    description: The credit collector reads the department feeds, as in the default policy.
    fields:
      - Query.taxCreditFeed
      - Query.courtCreditFeed
      - Query.marketCreditFeed
      - Query.educationCreditFeed
      - CreditFeedPage.*
      - CreditFeedEntry.*
    when: { dept: [NDRC], clientType: [system], roles: [credit-collector] }
    effect: allow
`,
  'test/gateway.test.ts PROBE_POLICY',
);

interface ProbeContext {
  requestId: string;
  caller: Caller;
}

/**
 * A small real subgraph secured like the kit's (internal token verified, policy shield applied)
 * that records every fetch: which request id, for which caller, over which TCP socket.
 */
interface Probe {
  subgraph: ExtraSubgraph;
  fetches: { requestId: string; caller: Caller; socket: Socket }[];
  stop(): Promise<void>;
}

function writeProbeSdl(dir: string): ComposableSubgraph {
  const sdlFile = join(dir, 'probe.graphql');
  writeFileSync(sdlFile, PROBE_SDL);
  return { name: 'probe', sdlFile };
}

async function startProbe(sdl: ComposableSubgraph, security: SubgraphSecurity): Promise<Probe> {
  const fetches: Probe['fetches'] = [];
  const resolvers: GraphQLResolverMap<ProbeContext> = {
    Person: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      probe: (person: { id: string }, _args: unknown, context: ProbeContext) => ({
        requestId: context.requestId,
        note: `probe saw ${person.id}`,
      }),
      probeFailure: () => {
        throw new Error('could not reach postgres://probe:secret@10.1.2.3:5432/probe');
      },
    },
  };
  const apollo = new ApolloServer<ProbeContext>({
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    // Same erasure and shield as subgraphs/kit/start-subgraph.ts.
    schema: applyPolicy(
      buildSubgraphSchema({
        typeDefs: parse(PROBE_SDL),
        resolvers: resolvers as GraphQLResolverMap<unknown>,
      }),
      security.policy,
    ),
  });
  await apollo.start();
  const http: RunningHttpServer = await startApolloHttpServer<ProbeContext>({
    apollo,
    context: async (req) => {
      const { requestId, caller } = await security.verifyInternalToken(
        req.headers[INTERNAL_CONTEXT_HEADER],
      );
      fetches.push({ requestId, caller, socket: req.socket });
      return { requestId, caller };
    },
    routes: {
      '/health': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok"}');
      },
    },
  });
  let stopped = false;
  return {
    subgraph: { ...sdl, url: http.url },
    fetches,
    async stop() {
      if (stopped) return;
      stopped = true;
      await http.stop();
      await apollo.stop();
    },
  };
}

function resident(index: number): SyntheticPerson {
  return {
    index,
    id: makeCitizenId('511921', '19850315', 100 + index),
    name: `测试${index}`,
    gender: index % 2 === 0 ? 'FEMALE' : 'MALE',
    birthDate: '1985-03-15',
    householdRegion: '511921',
    householdAddress: `诺江镇${index}号`,
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: '1985-03-15',
    scenario: 'clean',
    seed: index,
  };
}

interface HttpResult {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as HttpResult['body'];
  return { status: response.status, headers: response.headers, body };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// Arrays parsed by fetch come from outside Jest's sandbox, so `expect.any(Array)` misses them.
const STACK_TRACE = expect.arrayContaining([expect.stringMatching(/^GraphQLError: /)]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PERSON_WITH_PROBE =
  'query ($id: ID!) { person(id: $id) { id name householdStatus probe { requestId note } } }';
const INTROSPECTION = '{ __schema { queryType { name } } }';

/** A developer reading test data (the policy above grants them every Person field). */
const DEVELOPER: CallerIdentity = { sub: 'dev', clientType: 'developer', dept: 'NDRC', roles: [] };
const OFFICER: CallerIdentity = {
  sub: 'officer-psb',
  clientType: 'officer',
  dept: 'PSB',
  roles: ['officer'],
};

describe('gateway over real subgraphs', () => {
  const residents = [resident(1), resident(2)];
  let dir: string;
  let probe: Probe;
  let security: TestSecurity;
  let system: GatewayForTest;
  let production: RunningGateway;
  /** The production gateway's audit chain (production refuses to run unaudited). */
  let audit: AuditWriter;
  /** Headers of the developer reading person data for a declared purpose. */
  let developer: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
    const probeSdl = writeProbeSdl(dir);
    // The policy names the probe's type, so it is checked against the supergraph with the probe
    // (where the probe will listen does not matter to that check).
    const withProbe = composeSupergraph([...ALL_SUBGRAPHS, probeSdl], {
      urls: { probe: 'http://probe.invalid/' },
    }).supergraphSdl;
    security = createTestSecurity({ policy: PROBE_POLICY, supergraphSdl: withProbe });
    probe = await startProbe(probeSdl, await security.subgraph('probe'));
    system = await startGatewayForTest({
      persons: residents,
      seed: ['population'],
      extraSubgraphs: [probe.subgraph],
      extraDatabases: ['audit'],
      security,
    });
    // Production verifies user tokens against a configured public key, never the dev key store.
    const userTokenKey = join(dir, 'user-token.public.pem');
    const publicKey = await security.keys.publicKey('user-token');
    writeFileSync(userTokenKey, publicKey.export({ type: 'spki', format: 'pem' }));
    const productionSecurity = createSystemSecurity({
      keys: security.keys,
      policy: security.policy,
      supergraphSdl: system.supergraphSdl,
      production: true,
      env: { JWT_PUBLIC_KEY_FILE: userTokenKey },
    });
    await migrateAuditStore(system.databases.dbs.audit);
    audit = createAuditWriter({
      db: system.databases.dbs.audit,
      writer: 'gateway',
      hmacKey: randomBytes(32),
    });
    production = await startGateway({
      port: 0,
      supergraphSdl: system.supergraphSdl,
      subgraphUrls: system.subgraphUrls,
      production: true,
      playground: false,
      security: await productionSecurity.gateway(audit),
    });
    developer = await security.userHeaders(DEVELOPER, 'ADMIN_ENFORCEMENT', 'CASE-TEST-0001');
  });

  afterAll(async () => {
    await production?.stop();
    await audit?.close();
    await system?.stop();
    await probe?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers one query from population and a second subgraph, with one request id throughout', async () => {
    const { id } = residents[0];
    const result = await post(system.gateway.url, PERSON_WITH_PROBE, { id }, developer);
    const requestId = result.headers.get('x-request-id') ?? '';
    expect(requestId).toMatch(UUID);
    expect(result.body).toEqual({
      data: {
        person: {
          id,
          name: '测试1',
          householdStatus: 'ACTIVE',
          probe: { requestId, note: `probe saw ${id}` },
        },
      },
    });
    // The probe trusted the gateway's signed token, which carries who asked and why.
    expect(probe.fetches.at(-1)?.caller).toEqual({
      ...DEVELOPER,
      purpose: 'ADMIN_ENFORCEMENT',
      caseRef: 'CASE-TEST-0001',
      consents: [],
    });
  });

  it('makes a fresh request id per operation and ignores one sent by the client', async () => {
    const sent = '00000000-0000-4000-8000-000000000000';
    const first = await post(system.gateway.url, '{ __typename }', {}, { 'x-request-id': sent });
    const second = await post(system.gateway.url, '{ __typename }');
    const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(new Set([sent, ...ids]).size).toBe(3);
  });

  it('reuses one keep-alive connection to a subgraph across sequential operations', async () => {
    const before = probe.fetches.length;
    const responseIds: (string | null)[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await post(
        system.gateway.url,
        PERSON_WITH_PROBE,
        { id: residents[1].id },
        developer,
      );
      responseIds.push(result.headers.get('x-request-id'));
    }
    const fetches = probe.fetches.slice(before);
    expect({
      fetches: fetches.length,
      connections: new Set(fetches.map((fetch) => fetch.socket)).size,
      requestIds: fetches.map((fetch) => fetch.requestId),
    }).toEqual({ fetches: 5, connections: 1, requestIds: responseIds });
  });

  it('serves the GraphiQL page and every asset it loads from the gateway itself', async () => {
    const page = await fetch(system.gateway.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual([
      '/playground/graphiql-3.8.2/graphiql.min.css',
      expect.stringMatching(/^\/pages\/pages\.[0-9a-f]{10}\.css$/),
      '/playground/react-18.3.1/react.production.min.js',
      '/playground/react-dom-18.3.1/react-dom.production.min.js',
      '/playground/graphiql-3.8.2/graphiql.min.js',
      expect.stringMatching(/^\/pages\/playground\.[0-9a-f]{10}\.js$/),
    ]);
    const vendored: Record<string, string> = {
      '/playground/graphiql-3.8.2/graphiql.min.css': 'node_modules/graphiql/graphiql.min.css',
      '/playground/react-18.3.1/react.production.min.js':
        'node_modules/react/umd/react.production.min.js',
      '/playground/react-dom-18.3.1/react-dom.production.min.js':
        'node_modules/react-dom/umd/react-dom.production.min.js',
      '/playground/graphiql-3.8.2/graphiql.min.js': 'node_modules/graphiql/graphiql.min.js',
    };
    const scripts = await buildPageScripts();
    const ours: Record<string, Buffer> = {
      css: readFileSync(join(__dirname, '..', 'gateway', 'pages', 'pages.css')),
      js: scripts.playground,
    };
    const served = await Promise.all(
      assets.map(async (path) => {
        const response = await fetch(new URL(path, system.gateway.url));
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          cache: response.headers.get('cache-control'),
          sha256: sha256(Buffer.from(await response.arrayBuffer())),
        };
      }),
    );
    expect(served).toEqual(
      assets.map((path) => ({
        status: 200,
        type: path.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
        cache: 'public, max-age=31536000, immutable',
        sha256: sha256(
          vendored[path]
            ? readFileSync(join(__dirname, '..', vendored[path]))
            : ours[path.endsWith('.css') ? 'css' : 'js'],
        ),
      })),
    );
  });

  it('serves the audit console and the citizen page, and sends /audit and /me to them', async () => {
    for (const path of ['/audit/', '/me/']) {
      const response = await fetch(new URL(path, system.gateway.url));
      expect({
        status: response.status,
        csp: response.headers.get('content-security-policy'),
        html: await response.text(),
      }).toEqual({
        status: 200,
        csp: expect.stringContaining("script-src 'self'; style-src 'self';"),
        html: expect.stringMatching(/<script src="\/pages\/(audit|me)\.[0-9a-f]{10}\.js">/),
      });
      const bare = await fetch(new URL(path.slice(0, -1), system.gateway.url), {
        redirect: 'manual',
      });
      expect({ status: bare.status, location: bare.headers.get('location') }).toEqual({
        status: 301,
        location: path,
      });
    }
  });

  it('refuses dev sign-in where it is not configured, and a production gateway with it', async () => {
    const refused = await fetch(new URL('/dev/token', production.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client: 'officer', dept: 'TAX' }),
    });
    expect({ status: refused.status, body: await refused.json() }).toEqual({
      status: 403,
      body: { errors: [{ message: expect.any(String), extensions: { code: 'DEV_SIGN_IN_OFF' } }] },
    });
    await expect(
      startGateway({
        port: 0,
        supergraphSdl: system.supergraphSdl,
        subgraphUrls: system.subgraphUrls,
        production: true,
        security: await security.gateway(audit),
        devSignIn: { keys: security.keys },
      }),
    ).rejects.toThrow('dev sign-in is refused in production');
  });

  it('refuses a request target it cannot parse, and keeps serving', async () => {
    const { port } = new URL(system.gateway.url);
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('error', reject);
      socket.once('data', (data) => {
        resolve(data.toString().split('\r\n')[0]);
        socket.destroy();
      });
      socket.write('GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n');
    });
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(new URL('/health', system.gateway.url))).status).toBe(200);
  });

  it('still answers GraphQL GET requests on / from non-browsers', async () => {
    const response = await fetch(new URL('/?query=%7B__typename%7D', system.gateway.url), {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('masks internal errors in production: no message text, no stack trace, no URL', async () => {
    const query = 'query ($id: ID!) { person(id: $id) { name probeFailure } }';
    const variables = { id: residents[0].id };
    const development = await post(system.gateway.url, query, variables, developer);
    expect(development.body.errors?.[0].message).toBe(
      'could not reach postgres://probe:secret@10.1.2.3:5432/probe',
    );
    expect(development.body.errors?.[0].extensions?.stacktrace).toEqual(STACK_TRACE);
    const masked = await post(production.url, query, variables, developer);
    expect(masked.body).toEqual({
      data: { person: { name: '测试1', probeFailure: null } },
      errors: [
        {
          message: 'Internal server error',
          path: ['person', 'probeFailure'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'probe' },
        },
      ],
    });
  });

  it('lets a developer introspect and, in development mode, an officer too', async () => {
    for (const identity of [DEVELOPER, OFFICER]) {
      const headers = await security.userHeaders(identity);
      const result = await post(system.gateway.url, INTROSPECTION, {}, headers);
      expect({ status: result.status, body: result.body }).toEqual({
        status: 200,
        body: { data: { __schema: { queryType: { name: 'Query' } } } },
      });
    }
  });

  it('refuses introspection to an officer in production, but not to a developer', async () => {
    const officer = await post(
      production.url,
      INTROSPECTION,
      {},
      await security.userHeaders(OFFICER),
    );
    expect({ status: officer.status, body: officer.body }).toEqual({
      status: 403,
      body: {
        errors: [
          {
            message: 'Introspection is only available to developer clients.',
            extensions: { code: 'FORBIDDEN', ruleId: 'introspection' },
          },
        ],
      },
    });
    const dev = await post(
      production.url,
      INTROSPECTION,
      {},
      await security.userHeaders(DEVELOPER),
    );
    expect({ status: dev.status, body: dev.body }).toEqual({
      status: 200,
      body: { data: { __schema: { queryType: { name: 'Query' } } } },
    });
  });

  it('treats a request without Authorization as the public, which gets no person data', async () => {
    const query = 'query ($id: ID!) { person(id: $id) { id name householdStatus } }';
    const variables = { id: residents[0].id };
    const reason = 'no rule grants Query.person to public without a purpose';
    const result = await post(system.gateway.url, query, variables);
    expect({ status: result.status, body: result.body }).toEqual({
      status: 200,
      body: {
        data: { person: null },
        errors: [
          {
            message: `Access to Query.person denied: ${reason}`,
            path: ['person'],
            extensions: {
              code: 'FORBIDDEN',
              ruleId: 'default-deny',
              reason,
              field: 'Query.person',
              serviceName: 'population',
              stacktrace: STACK_TRACE,
            },
          },
        ],
      },
    });
    // Asked to fail whole, the gateway refuses before planning and names every denied field.
    const rejected = await post(system.gateway.url, query, variables, { 'x-authz-mode': 'reject' });
    const denied = (field: string, path: string, why: string) => ({
      field,
      path,
      ruleId: 'default-deny',
      reason: why,
    });
    const fields = 'Query.person, Person.id, Person.name, Person.householdStatus';
    expect({ status: rejected.status, body: rejected.body }).toEqual({
      status: 403,
      body: {
        errors: [
          {
            message: `Operation refused: 4 field(s) are not granted to this caller for this purpose (${fields}).`,
            extensions: {
              code: 'FORBIDDEN',
              denied: [
                denied('Query.person', 'person', reason),
                denied(
                  'Person.id',
                  'person.id',
                  'Person.id identifies the subject and is shown only with another Person field the caller may see; none is granted to public without a purpose',
                ),
                denied(
                  'Person.name',
                  'person.name',
                  'no rule grants Person.name to public without a purpose',
                ),
                denied(
                  'Person.householdStatus',
                  'person.householdStatus',
                  'no rule grants Person.householdStatus to public without a purpose',
                ),
              ],
              stacktrace: STACK_TRACE,
            },
          },
        ],
      },
    });
  });

  it('answers an invalid token with HTTP 401 and a GraphQL error, without asking any subgraph', async () => {
    // Well formed and unexpired, but signed by a key the gateway does not trust.
    const { privateKey } = await createMemoryKeyStore().keyPair('user-token');
    const forged = await signUserToken(DEVELOPER, { key: privateKey });
    const before = probe.fetches.length;
    const result = await post(
      system.gateway.url,
      PERSON_WITH_PROBE,
      { id: residents[0].id },
      { ...developer, authorization: `Bearer ${forged}` },
    );
    expect({ status: result.status, body: result.body }).toEqual({
      status: 401,
      body: {
        errors: [{ message: 'token signature invalid', extensions: { code: 'UNAUTHENTICATED' } }],
      },
    });
    expect(probe.fetches.length).toBe(before);
  });

  it('reports healthy only while every subgraph answers its own /health', async () => {
    const response = await fetch(new URL('/health', system.gateway.url));
    expect(response.status).toBe(200);
    const names = Object.keys(system.subgraphUrls).sort();
    // Each real subgraph reports its own database; the probe reports nothing but its status.
    const healthy = (name: string) =>
      name === 'probe' ? { status: 'ok' } : { status: 'ok', database: 'ok' };
    expect(await response.json()).toEqual({
      status: 'ok',
      audit: 'not configured',
      rateLimits: 'memory',
      subgraphs: Object.fromEntries(names.map((name) => [name, healthy(name)])),
    });

    await probe.stop();
    const down = await fetch(new URL('/health', system.gateway.url));
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'unavailable',
      audit: 'not configured',
      rateLimits: 'memory',
      subgraphs: Object.fromEntries(
        names.map((name) => [name, name === 'probe' ? { status: 'unavailable' } : healthy(name)]),
      ),
      failing: ['probe'],
    });
  });

  it("returns the other subgraphs' data and an error naming the subgraph that is down", async () => {
    await probe.stop();
    const logs = captureLogs('warn');
    const { id } = residents[0];
    const result = await post(system.gateway.url, PERSON_WITH_PROBE, { id }, developer);
    logs.restore();
    // Operators get the cause with the request id in the JSON log; the client the subgraph's name.
    expect(logs.lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({
        level: 'warn',
        service: 'gateway',
        subgraph: 'probe',
        requestId: result.headers.get('x-request-id'),
        msg: expect.stringMatching(/^subgraph probe unavailable: .*ECONNREFUSED/),
      }),
    ]);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      data: { person: { id, name: '测试1', householdStatus: 'ACTIVE', probe: null } },
      errors: [
        {
          message: 'Subgraph "probe" is unavailable',
          extensions: {
            code: 'SUBGRAPH_UNAVAILABLE',
            serviceName: 'probe',
            subgraph: 'probe',
            reason: expect.stringContaining('ECONNREFUSED'),
            stacktrace: STACK_TRACE,
          },
        },
      ],
    });
  });

  it('says the same in production without the internal address or a stack trace', async () => {
    await probe.stop();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { id } = residents[0];
    const result = await post(production.url, PERSON_WITH_PROBE, { id }, developer);
    warn.mockRestore();
    expect(result.body).toEqual({
      data: { person: { id, name: '测试1', householdStatus: 'ACTIVE', probe: null } },
      errors: [
        {
          message: 'Subgraph "probe" is unavailable',
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'probe', subgraph: 'probe' },
        },
      ],
    });
    expect(JSON.stringify(result.body)).not.toMatch(/127\.0\.0\.1|localhost|http:/);
  });
});
