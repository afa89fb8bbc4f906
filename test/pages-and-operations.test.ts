/**
 * The four users of the system in a real browser (Debian's chromium via playwright-core), and what
 * operators watch, all against ONE running system (browser tests are slow on two cores):
 * the audit team works in /audit/, a resident in /me/, a developer signs in in the playground,
 * no page asks anything of another host; /metrics counts exactly the requests made; a trace
 * crosses from the gateway into the subgraphs; and no log line of the whole run names a person.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { decodeJwt } from 'jose';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CSV_COLUMNS } from '../gateway/pages/browser/audit/audit-export';
import type { CallerIdentity, Purpose } from '../lib/auth/caller';
import { captureLogs } from '../lib/log/capture-logs';
import type { CapturedLogs } from '../lib/log/capture-logs';
import { maskIdNumber } from '../lib/policy/maskers';
import { startTracing } from '../lib/tracing/start-tracing';
import type { Tracing } from '../lib/tracing/start-tracing';
import type { Fixtures } from '../scripts/seed/build-fixtures';
import { startSystem } from '../scripts/lib/start-system';
import type { RunningSystem } from '../scripts/lib/start-system';
import { createTestSecurity } from './support/test-security';

/** Debian's chromium (apt-get install chromium); the test needs no download and no internet. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const NDRC_OFFICER: CallerIdentity = {
  sub: 'officer-ndrc-browser',
  clientType: 'officer',
  dept: 'NDRC',
  roles: ['officer'],
};
const TAX_OFFICER: CallerIdentity = {
  sub: 'officer-tax-browser',
  clientType: 'officer',
  dept: 'TAX',
  roles: ['officer'],
};
const AUDITOR: CallerIdentity = {
  sub: 'auditor-browser',
  clientType: 'auditor',
  dept: 'AUDIT',
  roles: ['auditor'],
};

const PROFILE = `query BrowserProfile($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level } }
}`;
const PROFILE_WITH_TAX = `query BrowserProfileWithTax($id: ID!) {
  person(id: $id) { id creditProfile { score } tax { arrears { amount } } }
}`;
const EVENTS = `query Events($filter: AuditEventFilter, $after: String) {
  auditEvents(filter: $filter, first: 500, after: $after) {
    entries { writer seq requestId subjects }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface Answer {
  status: number;
  requestId: string;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

/** One Prometheus sample: `name{labels} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample named `name` whose labels include `labels` (0 if none yet). */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter(
    (sample) =>
      sample.name === name &&
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} is ambiguous`);
  return found[0]?.value ?? 0;
}

describe('pages, metrics, traces and logs of one running system', () => {
  const security = createTestSecurity();
  const spans = new InMemorySpanExporter();
  let logs: CapturedLogs;
  let tracing: Tracing | undefined;
  let dataDir: string;
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;
  let origin: string;
  let fixtures: Fixtures;
  /** A seeded person with a tax arrear: a record with points, in the dev sign-in list. */
  let person: string;
  /** Every request any page made, as `METHOD url`. */
  const requests: string[] = [];
  /** Script errors of any page. */
  const pageErrors: string[] = [];
  /** Console errors of any page. */
  const consoleErrors: string[] = [];

  const ask = async (
    identity: CallerIdentity | undefined,
    query: string,
    variables: Record<string, unknown>,
    purpose?: Purpose,
    extra: Record<string, string> = {},
  ): Promise<Answer> => {
    const headers = identity
      ? await security.userHeaders(identity, purpose, purpose ? 'CASE-BROWSER-0001' : undefined)
      : {};
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers, ...extra },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? '',
      body: (await response.json()) as Answer['body'],
    };
  };

  const newPage = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(new URL(path, system.gatewayUrl).href);
    return page;
  };

  const signInAsDemoAuditor = async (page: Page) => {
    await page.locator('#dev-sign-in').click();
    await page.locator('#tab-search').waitFor();
  };

  beforeAll(async () => {
    // Every log line of the run, from the first service started to the last stopped.
    logs = captureLogs('debug');
    tracing = startTracing({ serviceName: 'credit-federation', exporter: spans });
    dataDir = mkdtempSync(join(tmpdir(), 'cf-pages-'));
    [system, browser] = await Promise.all([
      startSystem({
        dataDir,
        gatewayPort: 0,
        seedPersons: 120,
        keys: security.keys,
        env: {},
        log: () => undefined,
      }),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      }),
    ]);
    origin = new URL(system.gatewayUrl).origin;
    context = await browser.newContext({ acceptDownloads: true });
    context.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as Fixtures;
    person = fixtures.scenarios.tax_arrears[0];
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
    await tracing?.shutdown();
    logs?.restore();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the auditor searches a person, sees the events of our queries, opens one and exports the search', async () => {
    const asked = [
      await ask(NDRC_OFFICER, PROFILE, { id: person }, 'ADMIN_LICENSING'),
      await ask(NDRC_OFFICER, PROFILE_WITH_TAX, { id: person }, 'ADMIN_LICENSING'),
    ];
    expect(asked.map((answer) => answer.status)).toEqual([200, 200]);
    const requestIds = asked.map((answer) => answer.requestId);

    const page = await newPage('/audit/');
    await signInAsDemoAuditor(page);
    await page.locator('input[name=subjectId]').fill(person);
    await page.locator('#search').click();
    await page.locator(`tr.event[data-request-id="${requestIds[1]}"]`).first().waitFor();
    const shown = await page
      .locator('tr.event')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-request-id')));
    expect(shown).toEqual(expect.arrayContaining(requestIds));

    // The gateway's record of the query that asked for tax data, with each field's rule.
    await page
      .locator(`tr.event[data-request-id="${requestIds[1]}"]`, { hasText: 'gateway #' })
      .click();
    const decided = await page.locator('#field-rules tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        outcome: row.className.replace('outcome-', ''),
        field: row.children[0].textContent,
        rule: row.children[2].textContent,
      })),
    );
    expect(decided).toEqual(
      expect.arrayContaining([
        { outcome: 'returned', field: 'Query.person', rule: 'officer-person-lookup' },
        { outcome: 'denied', field: 'Person.tax', rule: 'default-deny' },
      ]),
    );

    // The export holds exactly what the API returns for the same search, every page of it.
    const auditor = await security.userHeaders(AUDITOR);
    const expected: { writer: string; seq: string; requestId: string | null }[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const response = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auditor },
        body: JSON.stringify({
          query: EVENTS,
          variables: { filter: { subjectId: person }, after },
        }),
      });
      const { data } = (await response.json()) as {
        data: {
          auditEvents: {
            entries: { writer: string; seq: string; requestId: string | null }[];
            pageInfo: { endCursor: string | null; hasNextPage: boolean };
          };
        };
      };
      expected.push(...data.auditEvents.entries);
      after = data.auditEvents.pageInfo.endCursor;
      more = data.auditEvents.pageInfo.hasNextPage;
    }
    const download = async (button: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(button).click(),
      ]);
      return readFileSync((await file.path()) ?? '', 'utf8');
    };
    const exported = (await download('#export-jsonl'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { writer: string; seq: string; subjects: string[] });
    // Records written meanwhile (the collector's, the export's own searches) come after ours.
    const key = (entry: { writer: string; seq: string }) => `${entry.writer}#${entry.seq}`;
    expect(exported.map(key)).toEqual(expect.arrayContaining(expected.map(key)));
    expect(exported.map((entry) => entry.subjects)).toEqual(
      exported.map(() => expect.arrayContaining([maskIdNumber(person)])),
    );
    const csv = (await download('#export-csv'))
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.length - 1).toBeGreaterThanOrEqual(expected.length);
    // Chinese first, English on request.
    expect(await page.locator('h1').textContent()).toBe('审计控制台');
    await page.locator('#lang').click();
    expect(await page.locator('h1').textContent()).toBe('Audit console');
    // The choice is remembered for every page: back to Chinese for the next users.
    await page.locator('#lang').click();
    expect(await page.locator('h1').textContent()).toBe('审计控制台');
    await page.close();
  });

  it('a resident sees the points of a record and an access by a department', async () => {
    const taxRead = await ask(
      TAX_OFFICER,
      `query TaxCheck($id: ID!) { person(id: $id) { tax { arrears { amount } } } }`,
      { id: person },
      'ADMIN_ENFORCEMENT',
    );
    expect(taxRead.status).toBe(200);
    const citizen: CallerIdentity = {
      sub: 'citizen-browser',
      clientType: 'citizen',
      personId: person,
      roles: [],
    };
    const own = await ask(
      citizen,
      `query Own($id: ID!) { person(id: $id) { creditProfile { score breakdown { recordId points reason } } } }`,
      { id: person },
    );
    const profile = (
      own.body.data as {
        person: {
          creditProfile: {
            score: number;
            breakdown: { recordId: string; points: number; reason: string }[];
          };
        };
      }
    ).person.creditProfile;
    expect(profile.breakdown.some((line) => line.points < 0)).toBe(true);

    const page = await newPage('/me/');
    await page.locator(`#dev-citizen option[value="${person}"]`).waitFor({ state: 'attached' });
    await page.locator('#dev-citizen').selectOption(person);
    await page.locator('#dev-sign-in').click();
    await page.locator('#access-log').waitFor();
    expect(await page.locator('#score').textContent()).toBe(String(profile.score));
    const lines = await page.locator('#points li.point').evaluateAll((items) =>
      items.map((item) => ({
        recordId: item.getAttribute('data-record-id'),
        points: item.querySelector('.points-value')?.textContent,
        reason: item.querySelector('.reason')?.textContent,
      })),
    );
    expect(lines).toEqual(
      profile.breakdown.map((line) => ({
        recordId: line.recordId,
        points: `${line.points > 0 ? '+' : ''}${line.points} 分`,
        reason: line.reason,
      })),
    );
    const taxAccess = page.locator('tr.access-entry[data-dept="TAX"]').first();
    expect(await taxAccess.textContent()).toEqual(expect.stringContaining('县税务局'));
    expect(await taxAccess.textContent()).toEqual(expect.stringContaining('监管执法'));
    // Who read it is a department, never the officer.
    expect(await page.locator('#access-log').textContent()).not.toContain(TAX_OFFICER.sub);

    // A resident with an objection under review sees it with the day it must be answered by.
    const objector = fixtures.scenarios.under_objection[0];
    const records = await ask(
      { ...citizen, personId: objector },
      `query Own($id: ID!) { person(id: $id) { creditRecords { objection { status dueOn } } } }`,
      { id: objector },
    );
    const open = (
      records.body.data as {
        person: { creditRecords: { objection: { status: string; dueOn: string } | null }[] };
      }
    ).person.creditRecords.flatMap((record) =>
      record.objection?.status === 'OPEN' ? [record.objection.dueOn] : [],
    );
    expect(open.length).toBeGreaterThan(0);
    await page.locator('#sign-out').click();
    await page.locator('#dev-citizen').selectOption(objector);
    await page.locator('#dev-sign-in').click();
    await page.locator('#access-log').waitFor();
    const matters = await page.locator('#open-matters li').allTextContents();
    expect(matters).toEqual(open.map((dueOn) => expect.stringContaining(`应于 ${dueOn} 前答复`)));
    await page.close();
  });

  it("the playground's sign-in runs the officer profile query of a seeded person", async () => {
    const page = await newPage('/');
    await page.locator('#sign-in-dept option[value="NDRC"]').waitFor({ state: 'attached' });
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    // Defaults of the bar: an NDRC officer asking for ADMIN_LICENSING.
    await page.locator('#sign-in').click();
    await page.waitForFunction(
      "document.querySelector('#sign-in-status')?.textContent.includes('dev-officer-ndrc')",
    );
    const answered = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('OfficerProfile'),
    );
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    const shown = `document.querySelector('.result-window .CodeMirror')?.CodeMirror?.getValue() ?? ''`;
    await page.waitForFunction(`(${shown}).includes('"person"')`);
    const returned = (await response.json()) as {
      data: { person: { id: string; creditProfile: { score: number } } };
    };
    expect(JSON.parse(await page.evaluate<string>(shown))).toEqual(returned);
    expect(response.request().headers()).toMatchObject({
      authorization: expect.stringMatching(/^Bearer ey/),
      'x-purpose': 'ADMIN_LICENSING',
      'x-case-ref': 'CASE-2026-0001',
    });
    const api = await ask(
      NDRC_OFFICER,
      `query P($id: ID!) { person(id: $id) { creditProfile { score } } }`,
      { id: person },
      'ADMIN_LICENSING',
    );
    expect({ status: response.status(), person: returned.data.person }).toEqual({
      status: 200,
      person: expect.objectContaining({
        id: person,
        creditProfile: expect.objectContaining(
          (api.body.data as { person: { creditProfile: object } }).person.creditProfile,
        ),
      }),
    });
    await page.close();
  });

  it('/metrics on the gateway and the subgraphs counts exactly the requests made', async () => {
    const scrape = async (url: string) =>
      parseMetrics(await (await fetch(new URL('/metrics', url))).text());
    const credit = system.subgraphs.find((service) => service.name === 'credit');
    const population = system.subgraphs.find((service) => service.name === 'population');
    if (!credit || !population) throw new Error('subgraphs missing');
    const [gatewayBefore, populationBefore] = await Promise.all([
      scrape(system.gatewayUrl),
      scrape(population.url),
    ]);
    const probe = (query: string) =>
      fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...officerHeaders },
        body: JSON.stringify({ query, variables: { id: person }, operationName: 'MetricsProbe' }),
      });
    const officerHeaders = await security.userHeaders(
      NDRC_OFFICER,
      'ADMIN_LICENSING',
      'CASE-METRICS',
    );
    const good = `query MetricsProbe($id: ID!) { person(id: $id) { householdStatus } }`;
    const invalid = `query MetricsProbe($id: ID!) { person(id: $id) { noSuchField } }`;
    const denied = `query MetricsProbe($id: ID!) { person(id: $id) { tax { arrears { amount } } } }`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await probe(good)).status);
    for (let i = 0; i < 3; i += 1) statuses.push((await probe(invalid)).status);
    for (let i = 0; i < 2; i += 1) statuses.push((await probe(denied)).status);
    for (let i = 0; i < 2; i += 1) {
      const refused = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
        body: JSON.stringify({ query: good, variables: { id: person } }),
      });
      statuses.push(refused.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 400, 400, 400, 200, 200, 401, 401]);

    const [gateway, populationAfter, creditNow] = await Promise.all([
      scrape(system.gatewayUrl),
      scrape(population.url),
      scrape(credit.url),
    ]);
    const delta = (after: Sample[], before: Sample[], name: string, labels = {}) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);
    const probeLabels = { service: 'gateway', operation: 'MetricsProbe' };
    expect({
      operations: delta(gateway, gatewayBefore, 'cf_graphql_requests_total', probeLabels),
      latencies: delta(
        gateway,
        gatewayBefore,
        'cf_graphql_request_duration_seconds_count',
        probeLabels,
      ),
      invalid: delta(gateway, gatewayBefore, 'cf_graphql_errors_total', {
        code: 'GRAPHQL_VALIDATION_FAILED',
      }),
      unauthenticated: delta(gateway, gatewayBefore, 'cf_graphql_errors_total', {
        code: 'UNAUTHENTICATED',
      }),
      refusedHttp: delta(gateway, gatewayBefore, 'cf_http_requests_total', {
        route: 'graphql',
        method: 'POST',
        status: '401',
      }),
      deniedByRule: delta(gateway, gatewayBefore, 'cf_policy_denied_fields_total', {
        rule: 'default-deny',
      }),
      populationFetches: delta(gateway, gatewayBefore, 'cf_subgraph_fetch_duration_seconds_count', {
        subgraph: 'population',
        outcome: 'ok',
      }),
      atPopulation: delta(populationAfter, populationBefore, 'cf_graphql_requests_total', {
        service: 'population',
        operation: 'MetricsProbe',
      }),
    }).toEqual({
      operations: 10,
      latencies: 10,
      invalid: 3,
      unauthenticated: 2,
      refusedHttp: 2,
      // Person.tax, TaxInfo.arrears and TaxArrear.amount, granted to NDRC by no rule, twice.
      deniedByRule: 6,
      // The five good probes; the denied ones ask population for the person's key only.
      populationFetches: 7,
      atPopulation: 7,
    });
    // Every operation's record was committed to the gateway's audit chain, and none waits now.
    expect(
      valueOf(gateway, 'cf_audit_commit_duration_seconds_count', {
        writer: 'gateway',
        outcome: 'ok',
      }),
    ).toBeGreaterThan(0);
    expect(valueOf(gateway, 'cf_audit_queue_depth', { writer: 'gateway' })).toBe(0);
    const ages = creditNow.filter((sample) => sample.name === 'cf_credit_collection_age_seconds');
    expect(ages.map((sample) => sample.labels.source).sort()).toEqual(
      expect.arrayContaining(['COURT', 'EDU', 'TAX']),
    );
    expect(ages.every((sample) => Number.isFinite(sample.value) && sample.value >= 0)).toBe(true);
  });

  it('carries the W3C trace context from the gateway into every subgraph it fetches from', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parent = '00f067aa0ba902b7';
    const answer = await ask(NDRC_OFFICER, PROFILE, { id: person }, 'ADMIN_LICENSING', {
      traceparent: `00-${traceId}-${parent}-01`,
    });
    expect(answer.status).toBe(200);
    const inTrace = async () => {
      for (let tries = 0; tries < 50; tries += 1) {
        const found = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
        const servers = found.filter((s) => s.attributes['cf.service'] !== undefined);
        if (servers.length >= 3) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    };
    const found = await inTrace();
    const gatewaySpan = found.find((s) => s.attributes['cf.service'] === 'gateway');
    const fetches = found.filter((s) => s.name === 'gateway.fetch');
    const fetchIds = new Set(fetches.map((s) => s.spanContext().spanId));
    const subgraphSpans = found.filter(
      (s) => s.attributes['cf.service'] !== undefined && s.attributes['cf.service'] !== 'gateway',
    );
    expect({
      gatewayParent: gatewaySpan?.parentSpanId,
      fetches: fetches.length > 0,
      subgraphs: subgraphSpans.map((s) => s.attributes['cf.service']).sort(),
      subgraphParentsAreFetches: subgraphSpans.every((s) => fetchIds.has(s.parentSpanId ?? '')),
    }).toEqual({
      gatewayParent: parent,
      fetches: true,
      subgraphs: ['credit', 'population'],
      subgraphParentsAreFetches: true,
    });
  });

  it('turns chain status red, naming the entry, when a row of the audit store is tampered with', async () => {
    const page = await newPage('/audit/');
    await signInAsDemoAuditor(page);
    await page.locator('#tab-chain').click();
    await page.locator('#chain-summary.ok').waitFor();

    const asked = await ask(NDRC_OFFICER, PROFILE, { id: person }, 'ADMIN_LICENSING');
    const [{ seq }] = await system.auditDb.query<{ seq: string }>(
      `SELECT seq::text AS seq FROM audit.entries WHERE writer = 'gateway' AND request_id = $1`,
      [asked.requestId],
    );
    // As a database superuser could: with the append-only triggers off.
    await system.auditDb.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(
        `UPDATE audit.entries SET payload = jsonb_set(payload, '{caseRef}', '"CASE-FORGED"')
         WHERE writer = 'gateway' AND seq = $1`,
        [seq],
      );
    });
    await page.locator('#chain-check').click();
    await page.locator('#chain-summary.broken').waitFor();
    const row = await page.locator('tr.chain[data-writer="gateway"]').textContent();
    expect(row).toContain(`seq ${seq}`);
    expect(row).toContain('hash mismatch (edited)');
    expect(await page.locator('tr.chain.broken').count()).toBe(1);
    await page.close();
  });

  it('dev sign-in mints half-hour tokens for valid identities only, and offers seeded persons', async () => {
    const mint = (body: string, type = 'application/json') =>
      fetch(new URL('/dev/token', system.gatewayUrl), {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
    const minted = await mint(JSON.stringify({ client: 'officer', dept: 'tax', roles: 'officer' }));
    const { token, identity } = (await minted.json()) as { token: string; identity: unknown };
    const claims = decodeJwt(token);
    expect({
      status: minted.status,
      identity,
      lifetime: (claims.exp ?? 0) - (claims.iat ?? 0),
    }).toEqual({
      status: 200,
      identity: { sub: 'dev-officer-tax', clientType: 'officer', dept: 'TAX', roles: ['officer'] },
      lifetime: 1800,
    });
    const used = await ask(undefined, PROFILE, { id: person }, undefined, {
      authorization: `Bearer ${token}`,
      'x-purpose': 'ADMIN_ENFORCEMENT',
      'x-case-ref': 'CASE-DEV-1',
    });
    expect(used.status).toBe(200);
    const refusals = await Promise.all([
      mint(JSON.stringify({ client: 'officer' })),
      mint(JSON.stringify({ client: 'citizen', person: '511921198503150010' })),
      mint(JSON.stringify({ client: 'officer', dept: 'TAX', admin: true })),
      mint(JSON.stringify({ client: 'officer', dept: 'TAX' }), 'text/plain'),
      mint(JSON.stringify({ client: 'officer', dept: 'TAX', roles: 'x'.repeat(5000) })),
    ]);
    expect(
      await Promise.all(
        refusals.map(async (response) => ({
          status: response.status,
          code: ((await response.json()) as { errors: { extensions: { code: string } }[] })
            .errors[0].extensions.code,
        })),
      ),
    ).toEqual([
      { status: 400, code: 'BAD_USER_INPUT' },
      { status: 400, code: 'BAD_USER_INPUT' },
      { status: 400, code: 'BAD_USER_INPUT' },
      { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    ]);
    const offered = (await (await fetch(new URL('/dev/identities', system.gatewayUrl))).json()) as {
      citizens: { scenario: string; id: string; masked: string }[];
      orgs: string[];
    };
    expect(offered.citizens).toEqual(
      expect.arrayContaining([
        { scenario: 'tax_arrears', id: person, masked: maskIdNumber(person) },
      ]),
    );
    expect(offered.orgs).toEqual([fixtures.orgs.consented]);
  });

  it('no page requested anything from another host', () => {
    const foreign = requests.filter(
      (request) =>
        !request.split(' ')[1].startsWith(`${origin}/`) &&
        // The exports are files made in the page itself.
        !request.split(' ')[1].startsWith(`blob:${origin}/`),
    );
    expect(foreign).toEqual([]);
    const paths = new Set(requests.map((request) => request.replace(origin, '')));
    expect([...paths]).toEqual(
      expect.arrayContaining(['GET /audit/', 'GET /me/', 'GET /', 'POST /', 'POST /dev/token']),
    );
    expect(pageErrors).toEqual([]);
    // GraphiQL asks for the schema before sign-in, with the placeholder token.
    expect(consoleErrors.filter((error) => !error.includes('status of 401'))).toEqual([]);
  });

  it('no log line of the whole run names a person, and every request left one with its id', async () => {
    const population = system.subgraphs.find((service) => service.name === 'population');
    const persons = await (population?.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM population.persons',
    ) ?? Promise.resolve([]));
    expect(persons.length).toBe(120);
    const lines = [...logs.lines];
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLines = parsed.filter((line) => line.msg === 'graphql request');
    expect(requestLines.length).toBeGreaterThan(50);
    expect(
      requestLines.filter(
        (line) => line.service === 'gateway' && typeof line.requestId !== 'string',
      ),
    ).toEqual([]);
    const naming = lines.filter((line) =>
      persons.some(({ id, name }) => line.includes(id) || line.includes(name)),
    );
    expect(naming).toEqual([]);
    // Nor which officer asked: that is for the audit log alone.
    expect(lines.filter((line) => line.includes(NDRC_OFFICER.sub))).toEqual([]);
  });
});
