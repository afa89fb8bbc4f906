import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { startGateway } from '../gateway/start-gateway';
import type { RunningGateway } from '../gateway/start-gateway';
import { startApolloHttpServer } from '../lib/http/apollo-http-server';
import type { RunningHttpServer } from '../lib/http/apollo-http-server';
import { makeCitizenId } from '../lib/ids/citizen-id';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import { startGatewayForTest } from './support/start-gateway-for-test';
import type { ExtraSubgraph, GatewayForTest } from './support/start-gateway-for-test';

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

interface ProbeContext {
  requestId: string;
}

/** A small real subgraph that records every fetch: which request id, over which TCP socket. */
interface Probe {
  subgraph: ExtraSubgraph;
  fetches: { requestId: string; socket: Socket }[];
  stop(): Promise<void>;
}

async function startProbe(dir: string): Promise<Probe> {
  const sdlFile = join(dir, 'probe.graphql');
  writeFileSync(sdlFile, PROBE_SDL);
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
    // Same erasure as subgraphs/kit/start-subgraph.ts: resolvers only see this server's context.
    schema: buildSubgraphSchema({
      typeDefs: parse(PROBE_SDL),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
  });
  await apollo.start();
  const http: RunningHttpServer = await startApolloHttpServer<ProbeContext>({
    apollo,
    context: async (req) => {
      const requestId = String(req.headers['x-request-id'] ?? '');
      fetches.push({ requestId, socket: req.socket });
      return { requestId };
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
    subgraph: { name: 'probe', sdlFile, url: http.url },
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

describe('gateway over real subgraphs', () => {
  const residents = [resident(1), resident(2)];
  let dir: string;
  let probe: Probe;
  let system: GatewayForTest;
  let production: RunningGateway;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-test-'));
    probe = await startProbe(dir);
    system = await startGatewayForTest({
      persons: residents,
      seed: ['population'],
      extraSubgraphs: [probe.subgraph],
    });
    production = await startGateway({
      port: 0,
      supergraphSdl: system.supergraphSdl,
      subgraphUrls: system.subgraphUrls,
      production: true,
      playground: false,
    });
  });

  afterAll(async () => {
    await production?.stop();
    await system?.stop();
    await probe?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers one query from population and a second subgraph, with one request id throughout', async () => {
    const { id } = residents[0];
    const result = await post(system.gateway.url, PERSON_WITH_PROBE, { id });
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
      const result = await post(system.gateway.url, PERSON_WITH_PROBE, { id: residents[1].id });
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
      '/playground/react-18.3.1/react.production.min.js',
      '/playground/react-dom-18.3.1/react-dom.production.min.js',
      '/playground/graphiql-3.8.2/graphiql.min.js',
      '/playground/start-playground.js',
    ]);
    const files = [
      'node_modules/graphiql/graphiql.min.css',
      'node_modules/react/umd/react.production.min.js',
      'node_modules/react-dom/umd/react-dom.production.min.js',
      'node_modules/graphiql/graphiql.min.js',
      'gateway/playground/start-playground.js',
    ];
    const served = await Promise.all(
      assets.map(async (path) => {
        const response = await fetch(new URL(path, system.gateway.url));
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          sha256: sha256(Buffer.from(await response.arrayBuffer())),
        };
      }),
    );
    expect(served).toEqual(
      files.map((file) => ({
        status: 200,
        type: file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
        sha256: sha256(readFileSync(join(__dirname, '..', file))),
      })),
    );
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
    const development = await post(system.gateway.url, query, variables);
    expect(development.body.errors?.[0].message).toBe(
      'could not reach postgres://probe:secret@10.1.2.3:5432/probe',
    );
    expect(development.body.errors?.[0].extensions?.stacktrace).toEqual(STACK_TRACE);
    const masked = await post(production.url, query, variables);
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

  it('reports healthy only while every subgraph answers its own /health', async () => {
    const response = await fetch(new URL('/health', system.gateway.url));
    expect(response.status).toBe(200);
    const names = Object.keys(system.subgraphUrls).sort();
    expect(await response.json()).toEqual({
      status: 'ok',
      subgraphs: Object.fromEntries(names.map((name) => [name, 'ok'])),
    });

    await probe.stop();
    const down = await fetch(new URL('/health', system.gateway.url));
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'unavailable',
      subgraphs: Object.fromEntries(
        names.map((name) => [name, name === 'probe' ? 'unavailable' : 'ok']),
      ),
      failing: ['probe'],
    });
  });

  it("returns the other subgraphs' data and an error naming the subgraph that is down", async () => {
    await probe.stop();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { id } = residents[0];
    const result = await post(system.gateway.url, PERSON_WITH_PROBE, { id });
    const warnings = [...warn.mock.calls];
    warn.mockRestore();
    // Operators get the cause with the request id; the client gets the subgraph's name.
    expect(warnings).toEqual([
      [
        expect.stringMatching(
          `^subgraph probe unavailable \\(request ${result.headers.get('x-request-id')}\\): .*ECONNREFUSED`,
        ),
      ],
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
    const result = await post(production.url, PERSON_WITH_PROBE, { id });
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
