import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { loadTrustedDocuments } from '../gateway/operations/load-trusted-documents';
import { startSystem } from '../scripts/lib/start-system';
import type { RunningSystem } from '../scripts/lib/start-system';
import { SUPERGRAPH_PATH } from '../scripts/lib/system-security';
import { createTestSecurity } from './support/test-security';

/** Approval workflows call reviewed operations (operations/*.graphql) by their sha256. */

const documents = loadTrustedDocuments();

describe('trusted documents in operations/', () => {
  it('are all valid against the supergraph, so a breaking schema change fails here', () => {
    const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect(documents.length).toBeGreaterThanOrEqual(2);
    for (const doc of documents) {
      expect([doc.name, validate(schema, parse(doc.text)).map((e) => e.message)]).toEqual([
        doc.name,
        [],
      ]);
    }
  });
});

describe('calling a trusted document by hash through the gateway', () => {
  let system: RunningSystem;
  let dataDir: string;
  let personId: string;
  const security = createTestSecurity();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-ops-'));
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
    [personId] = fixtures.scenarios.tax_arrears;
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = async (body: Record<string, unknown>) => {
    const headers = await security.userHeaders(
      { sub: 'licensing-system', clientType: 'system', dept: 'AMR', roles: ['approval'] },
      'ADMIN_LICENSING',
      'XK-2026-0042',
    );
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return (await response.json()) as {
      data?: { person: { creditProfile: { score: number; level: string } | null } | null };
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  };
  const byHash = (sha256Hash: string) => ({
    variables: { personId },
    extensions: { persistedQuery: { version: 1, sha256Hash } },
  });

  it('runs the licensing credit check from its hash alone', async () => {
    const check = documents.find((doc) => doc.name === 'licensing-credit-check');
    const result = await send(byHash(check!.sha256));
    expect(result.errors).toBeUndefined();
    expect(result.data?.person?.creditProfile).toEqual(
      expect.objectContaining({ score: expect.any(Number), level: expect.any(String) }),
    );
  });

  it('refuses a hash that names no trusted document', async () => {
    const result = await send(byHash('0'.repeat(64)));
    expect(result.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('does not let a client register a document of its own', async () => {
    const query = 'query Mine($personId: ID!) { person(id: $personId) { id } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    await send({ query, ...byHash(sha256Hash) });
    const again = await send(byHash(sha256Hash));
    expect(again.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
