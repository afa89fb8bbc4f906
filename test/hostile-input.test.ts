/**
 * Hostile input through the real gateway (policy/limits.yaml, docs/SECURITY.md "Request limits"):
 * every bomb is refused before validation or planning with the code naming its limit and the
 * measured value, and a normal query sent at the same moment still answers. The gate is the
 * same whatever the storage, so one embedded system serves the whole file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway } from '../gateway/start-gateway';
import type { RunningGateway } from '../gateway/start-gateway';
import { loadLimitsConfig } from '../gateway/limits/load-limits-config';
import { loadTrustedDocuments } from '../gateway/operations/load-trusted-documents';
import type { CallerIdentity } from '../lib/auth/caller';
import { signUserToken } from '../lib/auth/user-token';
import { startSystem } from '../scripts/lib/start-system';
import type { RunningSystem } from '../scripts/lib/start-system';
import { createTestSecurity } from './support/test-security';

const NDRC_OFFICER: CallerIdentity = {
  sub: 'officer-ndrc-hostile',
  clientType: 'officer',
  dept: 'NDRC',
  roles: ['officer'],
};
const APPROVAL_SYSTEM: CallerIdentity = {
  sub: 'licensing-system-hostile',
  clientType: 'system',
  dept: 'AMR',
  roles: ['approval'],
};

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level } }
}`;

/** A generous sanity bound: the bombs below took seconds to minutes (or the process) before. */
const SANE_MS = 5000;

interface Sent {
  status: number;
  ms: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

function repeat(count: number, item: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => item(index)).join(' ');
}

describe('hostile input through the gateway', () => {
  let system: RunningSystem;
  let dataDir: string;
  let ids: string[];
  let officer: Record<string, string>;
  let approval: Record<string, string>;
  const security = createTestSecurity();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-hostile-'));
    system = await startSystem({
      dataDir,
      gatewayPort: 0,
      seedPersons: 60,
      keys: security.keys,
      log: () => {},
    });
    const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as {
      scenarios: Record<string, string[]>;
    };
    ids = Object.values(fixtures.scenarios).flat();
    officer = await security.userHeaders(NDRC_OFFICER, 'ADMIN_LICENSING', 'CASE-HOSTILE-1');
    approval = await security.userHeaders(APPROVAL_SYSTEM, 'ADMIN_LICENSING', 'XK-2026-0042');
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function send(
    body: unknown,
    headers: Record<string, string> = officer,
    url = system.gatewayUrl,
  ): Promise<Sent> {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const parsed = (await response.json()) as Sent['body'];
    return {
      status: response.status,
      ms: performance.now() - started,
      headers: response.headers,
      body: parsed,
    };
  }

  const profile = () => send({ query: PROFILE, variables: { id: ids[0] } });

  const gatewayRecords = (requestId: string) =>
    system.auditDb.query<{ payload: Record<string, unknown>; size: number }>(
      `SELECT payload, length(payload::text) AS size FROM audit.entries
        WHERE writer = 'gateway' AND request_id = $1`,
      [requestId],
    );

  describe.each<[string, () => unknown, string, string]>([
    [
      'the same-alias field-merge bomb of the report (20,000 fields, 614 KB)',
      () => ({ query: `{ ${repeat(20_000, (i) => `a: person(id: "${i}") { id }`)} }` }),
      'TOKEN_LIMIT_EXCEEDED',
      'maxTokens',
    ],
    [
      'a field-merge bomb within the token limit (300 fields sharing one key)',
      () => ({ query: `{ ${repeat(300, (i) => `a: person(id: "${i}")`)} }` }),
      'FIELD_MERGE_LIMIT_EXCEEDED',
      'maxFieldMergePairs',
    ],
    [
      'deep nesting (100,000 levels)',
      () => ({ query: `{${'a{'.repeat(100_000)}b${'}'.repeat(100_001)}` }),
      'NESTING_LIMIT_EXCEEDED',
      'maxNesting',
    ],
    [
      'a deep valid query (13 levels of fields)',
      () => ({
        query: `{ person(id: "${ids[0]}") { market { roles { enterprise { legalRepresentative { market { roles { enterprise { legalRepresentative { market { roles { enterprise { uscc } } } } } } } } } } } } }`,
      }),
      'DEPTH_LIMIT_EXCEEDED',
      'maxDepth',
    ],
    [
      '10,000 aliases',
      () => ({ query: `{ ${repeat(10_000, (i) => `a${i}: person(id: "${i}") { id }`)} }` }),
      'TOKEN_LIMIT_EXCEEDED',
      'maxTokens',
    ],
    [
      '31 aliases',
      () => ({ query: `{ person(id: "${ids[0]}") { ${repeat(31, (i) => `a${i}: id`)} } }` }),
      'ALIAS_LIMIT_EXCEEDED',
      'maxAliases',
    ],
    [
      'a directive flood',
      () => ({ query: `{ __typename ${'@skip(if: false) '.repeat(300)}}` }),
      'DIRECTIVE_LIMIT_EXCEEDED',
      'maxDirectives',
    ],
    [
      'huge ids lists via aliases (14 × persons of 500 ids)',
      () => ({
        query: `query ($ids: [ID!]!) { ${repeat(14, (i) => `a${i}: persons(ids: $ids) { id name householdStatus }`)} }`,
        variables: { ids: Array.from({ length: 500 }, (_, i) => ids[i % ids.length]) },
      }),
      'COST_LIMIT_EXCEEDED',
      'maxCost',
    ],
    [
      'a list of 40,000 ids (840 KB)',
      () => ({
        query: 'query ($ids: [ID!]!) { persons(ids: $ids) { id } }',
        variables: { ids: Array.from({ length: 40_000 }, (_, i) => ids[i % ids.length]) },
      }),
      'LIST_SIZE_LIMIT_EXCEEDED',
      'maxListSize',
    ],
    [
      'a 1 MB operation name',
      () => ({ query: PROFILE, operationName: 'A'.repeat(1_000_000), variables: { id: ids[0] } }),
      'OPERATION_NAME_INVALID',
      'maxOperationNameLength',
    ],
  ])('%s', (_title, bomb, code, limit) => {
    it(`is refused with ${code} while a normal query still answers`, async () => {
      const [refused, normal] = await Promise.all([send(bomb()), profile()]);
      expect(refused.status).toBe(400);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors).toEqual([
        {
          message: expect.any(String),
          extensions: expect.objectContaining({
            code,
            limit,
            max: expect.any(Number),
            measured: expect.any(Number),
          }),
        },
      ]);
      const { max, measured } = refused.body.errors?.[0]?.extensions ?? {};
      expect(measured as number).toBeGreaterThan(max as number);
      expect(refused.ms).toBeLessThan(SANE_MS);
      expect(normal.status).toBe(200);
      expect(normal.body.errors).toBeUndefined();
      expect(normal.body.data?.person).toMatchObject({ id: ids[0] });
      expect(normal.ms).toBeLessThan(SANE_MS);
    });
  });

  it('records a refused bomb in the audit log without what the client sent', async () => {
    const refused = await send({
      query: PROFILE,
      operationName: 'A'.repeat(1_000_000),
      variables: { id: ids[0] },
    });
    const [record] = await gatewayRecords(refused.headers.get('x-request-id') ?? '');
    expect(record.payload).toMatchObject({
      operationName: null,
      documentHash: createHash('sha256').update(PROFILE).digest('hex'),
      result: 'denied',
      error: 'OPERATION_NAME_INVALID',
      subjects: [],
    });
    expect(record.size).toBeLessThan(1500);
  });

  it('bounds what one anonymous request adds to the audit log', async () => {
    const huge = { query: PROFILE, operationName: 'B'.repeat(900_000), variables: { id: ids[0] } };
    const anonymous = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(huge),
    });
    expect(anonymous.status).toBe(400);
    const [record] = await gatewayRecords(anonymous.headers.get('x-request-id') ?? '');
    expect(record.payload).toMatchObject({ clientType: 'public', operationName: null });
    expect(record.size).toBeLessThan(1500);
  });

  it('refuses a persisted-query hash that is neither a sha256 nor a trusted document id', async () => {
    const refused = await send({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'x'.repeat(100_000) } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_HASH_INVALID');
  });

  it('answers a body over the limit with 413 and a JSON error, not a reset connection', async () => {
    const refused = await send({ query: PROFILE, variables: { pad: 'x'.repeat(1_200_000) } });
    expect(refused.status).toBe(413);
    expect(refused.body).toEqual({
      errors: [
        {
          message: 'request body larger than 1048576 bytes',
          extensions: {
            code: 'PAYLOAD_TOO_LARGE',
            limit: 'maxBodyBytes',
            max: 1048576,
            measured: expect.any(Number),
          },
        },
      ],
    });
  });

  it('answers an unknown operation name with 400', async () => {
    const refused = await send({
      query: PROFILE,
      operationName: 'Nope',
      variables: { id: ids[0] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        message: 'Unknown operation named "Nope".',
        extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
      },
    ]);
  });

  it.each([
    ['U+0000 in a variable', { id: `${'5'.repeat(17)}\u0000` }, '$id'],
    ['an unpaired surrogate in a variable', { id: `${'5'.repeat(17)}\ud800` }, '$id'],
  ])('refuses an id with %s as BAD_USER_INPUT', async (_title, variables, path) => {
    const refused = await send({ query: PROFILE, variables });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      variable: path,
    });
  });

  it('refuses a control character in a string literal as BAD_USER_INPUT', async () => {
    const refused = await send({ query: `{ person(id: "${ids[0].slice(0, 17)}\\u0000") { id } }` });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stores a case reference with a citizen id glued to it masked', async () => {
    const id = ids[1];
    const headers = await security.userHeaders(NDRC_OFFICER, 'ADMIN_LICENSING', `CASE${id}`);
    const answered = await send({ query: PROFILE, variables: { id } }, headers);
    expect(answered.status).toBe(200);
    const [record] = await gatewayRecords(answered.headers.get('x-request-id') ?? '');
    expect(record.payload.caseRef).toBe(`CASE${id.slice(0, 6)}********${id.slice(14)}`);
    expect(JSON.stringify(record.payload)).not.toContain(id);
  });

  describe('the safelist of approval systems', () => {
    const [check] = loadTrustedDocuments().filter((doc) => doc.name === 'licensing-credit-check');

    it('runs a trusted document by hash and by id', async () => {
      for (const sha256Hash of [check.sha256, check.name]) {
        const result = await send(
          {
            variables: { personId: ids[0] },
            extensions: { persistedQuery: { version: 1, sha256Hash } },
          },
          approval,
        );
        expect(result.status).toBe(200);
        expect(result.body.errors).toBeUndefined();
        expect(result.body.data?.person).toMatchObject({ id: ids[0] });
      }
    });

    it('refuses free text from a system client with QUERY_NOT_IN_SAFELIST, and audits it', async () => {
      const refused = await send({ query: PROFILE, variables: { id: ids[0] } }, approval);
      expect(refused.status).toBe(403);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
      const [record] = await gatewayRecords(refused.headers.get('x-request-id') ?? '');
      expect(record.payload).toMatchObject({
        user: APPROVAL_SYSTEM.sub,
        clientType: 'system',
        operationName: null,
        documentHash: createHash('sha256').update(PROFILE).digest('hex'),
        result: 'denied',
        error: 'QUERY_NOT_IN_SAFELIST',
      });
    });

    it('accepts the exact text of a trusted document, and nothing else', async () => {
      const same = await send({ query: check.text, variables: { personId: ids[0] } }, approval);
      expect(same.status).toBe(200);
      const edited = await send(
        { query: `${check.text} `, variables: { personId: ids[0] } },
        approval,
      );
      expect(edited.body.errors?.[0]?.extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
    });

    it('holds only the configured client types to it (officers send their own text)', async () => {
      expect((await profile()).status).toBe(200);
    });
  });

  it('refuses a user token that lives longer than the configured maximum', async () => {
    const { privateKey } = await security.keys.keyPair('user-token');
    const week = await signUserToken(NDRC_OFFICER, { key: privateKey, ttlSeconds: 7 * 24 * 3600 });
    const refused = await send(
      { query: PROFILE, variables: { id: ids[0] } },
      { ...officer, authorization: `Bearer ${week}` },
    );
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.message).toBe(
      'token lifetime 604800 s is longer than the 86400 s this gateway accepts',
    );
  });

  describe('more than 64 fetches to one subgraph in one operation', () => {
    let wide: RunningGateway;

    beforeAll(async () => {
      // Default limits allow 15 root fields; this gateway allows 100, to fan out wider than the
      // 64 connections the fetcher keeps per subgraph.
      const defaults = loadLimitsConfig();
      wide = await startGateway({
        port: 0,
        playground: false,
        subgraphUrls: Object.fromEntries(system.subgraphs.map((s) => [s.name, s.url])),
        security: await security.gateway(),
        limits: {
          ...defaults,
          operation: {
            ...defaults.operation,
            defaults: { ...defaults.operation.defaults, maxRootFields: 100, maxAliases: 100 },
          },
        },
      });
    });

    afterAll(async () => {
      await wide?.stop();
    });

    it('answers every one of them', async () => {
      // Each aliased person is fetched from population, then its profile from credit: one
      // credit fetch per alias, 100 of them at once.
      const query = `{ ${repeat(100, (i) => `p${i}: person(id: "${ids[i % ids.length]}") { id creditProfile { score } }`)} }`;
      const result = await send({ query }, officer, wide.url);
      expect(result.status).toBe(200);
      expect(result.body.errors).toBeUndefined();
      const people = Object.values(result.body.data ?? {}) as {
        creditProfile: { score: number } | null;
      }[];
      expect(people).toHaveLength(100);
      expect(people.every((person) => typeof person.creditProfile?.score === 'number')).toBe(true);
      // The credit subgraph logged one resolver record per request it answered for the operation.
      const fetches = await system.auditDb.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit.entries WHERE writer = 'credit' AND request_id = $1`,
        [result.headers.get('x-request-id')],
      );
      expect(fetches[0].n).toBeGreaterThan(64);
    });
  });
});
