import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CollectedPage, SourceState } from '../../store';
import { createCreditCollector } from '../create-credit-collector';
import type { CreditSource } from '../credit-sources';

const AT = new Date('2025-06-15T04:00:00.000Z');
const GOOD: CreditSource = { dept: 'TAX', subgraph: 'tax', feedField: 'taxCreditFeed' };
const BROKEN: CreditSource = { dept: 'COURT', subgraph: 'court', feedField: 'courtCreditFeed' };

function entry(seq: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sourceRecordId: `R${seq}`,
    personId: '511921198503150107',
    catalogCode: 'TAX_ARREARS',
    title: `欠税 ${seq}`,
    decidedAt: '2025-03-01',
    decisionNo: `No.${seq}`,
    status: 'ACTIVE',
    statusChangedAt: null,
    changeSeq: String(seq),
    ...overrides,
  };
}

/** An in-memory stand-in for the credit store: pages committed and failures recorded. */
function memoryStore() {
  const states = new Map<string, SourceState>();
  const pages: CollectedPage[] = [];
  let passes = 0;
  return {
    pages,
    states,
    get passes() {
      return passes;
    },
    async findSourceStates() {
      passes += 1;
      return [...states.values()];
    },
    async commitPage(page: CollectedPage) {
      pages.push(page);
      const previous = states.get(page.source);
      states.set(page.source, {
        source: page.source,
        cursor: page.cursor,
        lastAttemptAt: page.attemptAt,
        lastSuccessAt: page.successAt ?? previous?.lastSuccessAt ?? null,
        lastError: page.successAt ? null : (previous?.lastError ?? null),
      });
      return page.entries.length;
    },
    async recordFailure(source: string, attemptAt: Date, error: string) {
      const previous = states.get(source);
      states.set(source, {
        source,
        cursor: previous?.cursor ?? null,
        lastSuccessAt: previous?.lastSuccessAt ?? null,
        lastAttemptAt: attemptAt,
        lastError: error,
      });
    },
  };
}

/** A fake department: `taxCreditFeed` pages over `feed`, `courtCreditFeed` answers 500. */
async function fakeDepartment(feed: Record<string, unknown>[], options: { delayMs?: number } = {}) {
  const requests: { after: string | null; first: number; headers: IncomingMessage['headers'] }[] =
    [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables: { after: string | null; first: number };
    };
    requests.push({ ...body.variables, headers: req.headers });
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (body.query.includes('courtCreditFeed')) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'database unavailable' }] }));
      return;
    }
    const start = Number(body.variables.after ?? '0');
    const entries = feed.slice(start, start + body.variables.first);
    const endCursor = String(start + entries.length);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        data: {
          taxCreditFeed: { entries, endCursor, hasMore: start + entries.length < feed.length },
        },
      }),
    );
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const began = Date.now();
  while (!condition()) {
    if (Date.now() - began > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('createCreditCollector', () => {
  const departments: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const department of departments) await department.close();
  });

  it('pulls every page from the stored cursor, sending the request headers each time', async () => {
    const department = await fakeDepartment([1, 2, 3, 4, 5].map((seq) => entry(seq)));
    departments.push(department);
    const store = memoryStore();
    store.states.set('TAX', {
      source: 'TAX',
      cursor: '1',
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
    });
    const collector = createCreditCollector({
      store,
      subgraphUrls: { tax: department.url },
      sources: [GOOD],
      pageSize: 2,
      now: () => AT,
      requestHeaders: () => ({ authorization: 'Bearer service-token' }),
      log: () => undefined,
    });
    expect(await collector.collectOnce()).toEqual([
      { dept: 'TAX', pages: 2, entries: 4, changed: 4, cursor: '5', error: null },
    ]);
    expect(department.requests.map((r) => [r.after, r.first, r.headers.authorization])).toEqual([
      ['1', 2, 'Bearer service-token'],
      ['3', 2, 'Bearer service-token'],
    ]);
    expect(store.pages.map((page) => [page.cursor, page.successAt])).toEqual([
      ['3', null],
      ['5', AT],
    ]);
  });

  it('records a failing source without stopping the others', async () => {
    const department = await fakeDepartment([entry(1)]);
    departments.push(department);
    const store = memoryStore();
    const lines: string[] = [];
    const collector = createCreditCollector({
      store,
      subgraphUrls: { tax: department.url, court: department.url },
      sources: [BROKEN, GOOD],
      now: () => AT,
      log: (line) => lines.push(line),
    });
    const reports = await collector.collectOnce();
    expect(reports).toEqual([
      {
        dept: 'COURT',
        pages: 0,
        entries: 0,
        changed: 0,
        cursor: null,
        error: 'court courtCreditFeed: HTTP 500: database unavailable',
      },
      { dept: 'TAX', pages: 1, entries: 1, changed: 1, cursor: '1', error: null },
    ]);
    expect(store.states.get('COURT')).toEqual({
      source: 'COURT',
      cursor: null,
      lastSuccessAt: null,
      lastAttemptAt: AT,
      lastError: 'court courtCreditFeed: HTTP 500: database unavailable',
    });
    expect(lines).toEqual([
      'credit collector: COURT failed: court courtCreditFeed: HTTP 500: database unavailable',
      'credit collector: TAX 1 entries, 1 changed, 1 page(s), cursor 1',
    ]);
  });

  it('refuses a malformed feed entry, naming it, and commits nothing', async () => {
    const department = await fakeDepartment([entry(1), entry(2, { status: 'BOGUS' })]);
    departments.push(department);
    const store = memoryStore();
    const collector = createCreditCollector({
      store,
      subgraphUrls: { tax: department.url },
      sources: [GOOD],
      log: () => undefined,
    });
    const [report] = await collector.collectOnce();
    expect(report.error).toBe('tax taxCreditFeed entries[1].status: unknown status "BOGUS"');
    expect(store.pages).toEqual([]);
  });

  it('returns from start() after startTimeoutMs while a slow first pass goes on; stop() waits for it', async () => {
    const department = await fakeDepartment([entry(1)], { delayMs: 400 });
    departments.push(department);
    const store = memoryStore();
    const collector = createCreditCollector({
      store,
      subgraphUrls: { tax: department.url },
      sources: [GOOD],
      startTimeoutMs: 20,
      intervalMs: 60_000,
      log: () => undefined,
    });
    await collector.start();
    expect(store.pages).toHaveLength(0);
    await collector.stop();
    expect(store.pages.map((page) => page.cursor)).toEqual(['1']);
  });

  it('coalesces calls: one pass runs, one waits, and every later call shares the waiting one', async () => {
    const department = await fakeDepartment([entry(1)], { delayMs: 100 });
    departments.push(department);
    const store = memoryStore();
    const collector = createCreditCollector({
      store,
      subgraphUrls: { tax: department.url },
      sources: [GOOD],
      log: () => undefined,
    });
    const first = collector.collectOnce();
    const later = Array.from({ length: 50 }, () => collector.collectOnce());
    const reports = await Promise.all([first, ...later]);
    // The first pass collects the entry; the one pass queued behind it finds nothing new.
    expect(reports[0]).toEqual([
      { dept: 'TAX', pages: 1, entries: 1, changed: 1, cursor: '1', error: null },
    ]);
    expect(later.every((call) => call === later[0])).toBe(true);
    expect(reports[1]).toEqual([
      { dept: 'TAX', pages: 1, entries: 0, changed: 0, cursor: '1', error: null },
    ]);
    expect(store.passes).toBe(2);
    expect(department.requests).toHaveLength(2);
    // Once both ended, a call starts a pass of its own.
    await collector.collectOnce();
    expect(store.passes).toBe(3);
  });

  it('runs a pass every intervalMs after start() until stop()', async () => {
    const store = memoryStore();
    const collector = createCreditCollector({
      store,
      subgraphUrls: {},
      sources: [],
      intervalMs: 5,
      log: () => undefined,
    });
    await collector.start();
    await until(() => store.passes >= 3);
    await collector.stop();
    const passes = store.passes;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.passes).toBe(passes);
  });
});
