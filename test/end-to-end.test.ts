import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrlVariable } from '../scripts/lib/system-databases';
import { startSystem } from '../scripts/lib/start-system';
import type { RunningSystem } from '../scripts/lib/start-system';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { postGraphQL } from './support/graphql-client';
import { createTestSecurity, loadSeeAllTestPolicy } from './support/test-security';
import { DB_MODES, createTestDatabaseUrls } from './support/test-databases';
import type { TestDatabaseUrls } from './support/test-databases';

/**
 * The whole system as `npm start` runs it: does one request bring every subgraph's data? Uses the
 * test-only see-all policy (a developer token sees every field); what each department may see
 * under the default policy is test/permission-matrix.test.ts.
 */

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) {
    id name householdStatus
    tax { arrears { status } }
    court { dishonestDebtor { status } consumptionRestricted }
    market { roles { role enterprise { uscc status } } }
    education { integrityFile { kind } }
    hrss { decisions { kind } }
    health { violations { kind } }
    justice { sanctions { kind } }
    occupations { occupation dept status }
    creditRecords { catalogCode category sourceDept }
    creditProfile { score level breakdown { recordId points } sources { dept stale lastSuccessAt } rulesVersion }
  }
}`;

interface Profile {
  id: string;
  name: string;
  householdStatus: string;
  tax: { arrears: { status: string }[] } | null;
  court: { dishonestDebtor: { status: string } | null; consumptionRestricted: boolean } | null;
  market: { roles: { role: string; enterprise: { uscc: string; status: string } }[] } | null;
  education: { integrityFile: { kind: string }[] } | null;
  hrss: { decisions: { kind: string }[] } | null;
  health: { violations: { kind: string }[] } | null;
  justice: { sanctions: { kind: string }[] } | null;
  occupations: { occupation: string; dept: string; status: string }[] | null;
  creditRecords: { catalogCode: string; category: string; sourceDept: string }[] | null;
  creditProfile: {
    score: number;
    level: string;
    breakdown: { recordId: string; points: number }[];
    sources: { dept: string; stale: boolean; lastSuccessAt: string | null }[];
    rulesVersion: string;
  } | null;
}

interface Fixtures {
  scenarios: Record<string, string[]>;
}

describe.each(DB_MODES)('the whole system on %s, as npm start runs it', (mode) => {
  let system: RunningSystem;
  let dataDir: string;
  let fixtures: Fixtures;
  let serverDatabases: TestDatabaseUrls | undefined;
  let headers: Record<string, string>;
  const security = createTestSecurity({ policy: loadSeeAllTestPolicy() });

  const ask = <Data>(query: string, variables: Record<string, unknown>) =>
    postGraphQL<Data>(system.gatewayUrl, query, variables, headers);
  const profileOf = (id: string) => ask<{ person: Profile }>(PROFILE, { id });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cf-e2e-'));
    const env: NodeJS.ProcessEnv = {};
    if (mode === 'postgres') {
      serverDatabases = await createTestDatabaseUrls(ALL_SUBGRAPHS.map((m) => m.name));
      for (const [name, url] of Object.entries(serverDatabases.urls)) {
        env[databaseUrlVariable(name)] = url;
      }
    }
    system = await startSystem({
      dataDir,
      gatewayPort: 0,
      seedPersons: 240,
      env,
      keys: security.keys,
      policy: security.policy,
      log: () => {},
    });
    headers = await security.userHeaders(
      { sub: 'e2e-developer', clientType: 'developer', dept: 'NDRC', roles: [] },
      'ADMIN_ENFORCEMENT',
      'CASE-E2E-0001',
    );
    fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as Fixtures;
  });

  afterAll(async () => {
    await system?.stop();
    await serverDatabases?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers one request with data from every department subgraph', async () => {
    const [id] = fixtures.scenarios.tax_arrears;
    const result = await profileOf(id);
    expect(result.errors).toBeUndefined();
    const person = result.data?.person as Profile;
    expect(person.id).toBe(id);
    expect(person.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    expect(person.householdStatus).toBe('ACTIVE');
    expect(person.tax?.arrears.map((a) => a.status)).toContain('OUTSTANDING');
    expect(person.court).toEqual({ dishonestDebtor: null, consumptionRestricted: false });
    expect(person.market).not.toBeNull();
    expect(person.education).not.toBeNull();
    expect(person.hrss).not.toBeNull();
    expect(person.health).not.toBeNull();
    expect(person.justice).not.toBeNull();
    expect(person.occupations).not.toBeNull();
    expect(person.creditRecords).toContainEqual({
      catalogCode: 'TAX_ARREARS',
      category: 'GENERAL_BAD',
      sourceDept: 'TAX',
    });
    const profile = person.creditProfile;
    const sum = profile?.breakdown.reduce((total, entry) => total + entry.points, 0) ?? NaN;
    expect(profile?.score).toBe(1000 + sum);
    expect(sum).toBeLessThan(0);
    expect(profile?.sources.map((s) => [s.dept, s.stale])).toEqual([
      ['TAX', false],
      ['COURT', false],
      ['AMR', false],
      ['EDU', false],
      ['HRSS', false],
      ['HEALTH', false],
      ['JUSTICE', false],
      ['PSB', false],
    ]);
  });

  it('shows each fixture scenario the way its name says', async () => {
    const first = (scenario: string) => fixtures.scenarios[scenario][0];
    const clean = (await profileOf(first('clean'))).data?.person;
    expect(clean?.creditRecords).toEqual([]);
    expect(clean?.creditProfile?.score).toBe(1000);

    const dishonest = (await profileOf(first('serious_dishonest'))).data?.person;
    expect(dishonest?.court?.dishonestDebtor?.status).toBe('LISTED');
    expect(dishonest?.creditRecords).toContainEqual({
      catalogCode: 'COURT_DISHONEST_DEBTOR',
      category: 'SERIOUS_BAD',
      sourceDept: 'COURT',
    });

    const student = (await profileOf(first('student_integrity'))).data?.person;
    expect(student?.education?.integrityFile.length).toBeGreaterThan(0);
    expect(student?.creditRecords?.some((r) => r.sourceDept === 'EDU')).toBe(true);

    const legalRep = (await profileOf(first('legal_rep_abnormal_enterprise'))).data?.person;
    expect(legalRep?.market?.roles).toContainEqual(
      expect.objectContaining({
        role: 'LEGAL_REPRESENTATIVE',
        enterprise: expect.objectContaining({ status: 'ABNORMAL_OPERATION' }),
      }),
    );

    const deceased = (await profileOf(first('deceased'))).data?.person;
    expect(deceased?.householdStatus).toBe('DECEASED');
  });

  it('asks each subgraph a small constant number of statements for 240 persons', async () => {
    const population = system.subgraphs.find((s) => s.name === 'population');
    const rows = await population!.db.query<{ id: string }>('SELECT id FROM population.persons');
    expect(rows).toHaveLength(240);
    const before = Object.fromEntries(system.subgraphs.map((s) => [s.name, s.db.statements]));
    const result = await ask<{ persons: Profile[] }>(
      `query ($ids: [ID!]!) { persons(ids: $ids) {
        id name tax { arrears { status } } court { consumptionRestricted }
        market { roles { enterprise { status } } } education { integrityFile { kind } }
        creditRecords { catalogCode } creditProfile { score } } }`,
      { ids: rows.map((r) => r.id) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.persons).toHaveLength(240);
    const used = Object.fromEntries(
      system.subgraphs.map((s) => [s.name, s.db.statements - before[s.name]]),
    );
    // The audit store's appends are group-committed per writer, not per person: at most one
    // batch for the gateway and one per subgraph that resolved person fields.
    const { audit, ...departments } = used;
    for (const [name, count] of Object.entries(departments)) {
      expect([name, count <= 3]).toEqual([name, true]);
    }
    expect(audit).toBeLessThanOrEqual(ALL_SUBGRAPHS.length * 3);
  });

  it('returns partial data and names the subgraph that is down', async () => {
    const [id] = fixtures.scenarios.tax_arrears;
    const tax = system.subgraphs.find((s) => s.name === 'tax');
    await tax!.stop();
    const result = await profileOf(id);
    const person = result.data?.person as Profile;
    expect(person.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    expect(person.tax).toBeNull();
    expect(person.court).not.toBeNull();
    expect(person.creditProfile?.score).toBeLessThan(1000);
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'tax' }),
      }),
    );
    const health = await fetch(new URL('/health', system.gatewayUrl));
    expect(health.status).toBe(503);
  });
});
