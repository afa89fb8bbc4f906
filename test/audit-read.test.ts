import { createAuditWriter } from '../lib/audit/audit-writer';
import type { AuditWriter } from '../lib/audit/audit-writer';
import type {
  AuditCaller,
  AuditRecord,
  FieldOutcomes,
  OperationResult,
  ResolvedSubject,
} from '../lib/audit/audit-record';
import { migrateAuditStore } from '../lib/audit/migrate-audit-store';
import { subjectHmac } from '../lib/audit/subject-hmac';
import type { Caller } from '../lib/auth/caller';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { makeUscc } from '../lib/ids/uscc';
import { createAuditSubgraph } from '../subgraphs/audit';
import type { Database } from '../subgraphs/kit/db/database';
import { startSubgraph } from '../subgraphs/kit/start-subgraph';
import type { RunningSubgraph } from '../subgraphs/kit/start-subgraph';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';
import { createTestSecurity, officer } from './support/test-security';

const security = createTestSecurity();
const hmacKey = Buffer.alloc(32, 9);

const ALICE = makeCitizenId('511921', '19850312', 101);
const BOB = makeCitizenId('511921', '19900101', 202);
const CAROL = makeCitizenId('511921', '19780707', 303);
const BANK = makeUscc('91511921MA62ABCD1');
/** The n-th person of the alert month's crowd. */
const crowd = (n: number) => makeCitizenId('511921', '19950505', 400 + n);
const crowdRange = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => crowd(from + i));

/** The masked form the audit store keeps: first 6 + 8 stars + last 4. */
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

const AUDITOR: Caller = {
  sub: 'auditor-1',
  dept: 'AUDIT',
  roles: ['auditor'],
  clientType: 'auditor',
  purpose: 'AUDIT_REVIEW',
};

function citizen(personId: string): Caller {
  return {
    sub: personId,
    roles: ['citizen'],
    clientType: 'citizen',
    personId,
    purpose: 'SELF_QUERY',
  };
}

function staff(
  sub: string,
  dept: string,
  purpose: string,
  caseRef: string,
  clientType = 'officer',
): AuditCaller {
  return { sub, dept, clientType, roles: [clientType], purpose, caseRef };
}

const taxOfficer = staff('tax-officer-1', 'TAX', 'ADMIN_LICENSING', 'TAX-2025-001');
const courtOfficer = staff('court-officer-1', 'COURT', 'JUDICIAL', 'COURT-2025-007');
const amrOfficer = staff('amr-officer-1', 'AMR', 'ADMIN_ENFORCEMENT', 'AMR-1');
const eduOfficer = staff('edu-officer-1', 'EDU', 'ADMIN_LICENSING', 'EDU-1');
const aliceSelf: AuditCaller = {
  sub: ALICE,
  clientType: 'citizen',
  roles: ['citizen'],
  personId: ALICE,
  purpose: 'SELF_QUERY',
};
const bankClerk: AuditCaller = {
  sub: 'bank-clerk-1',
  clientType: 'org',
  roles: ['org'],
  org: BANK,
  purpose: 'AUTHORIZED_QUERY',
  caseRef: 'LOAN-9',
};

function operation(
  requestId: string,
  caller: AuditCaller,
  subjects: string[],
  fields: Partial<FieldOutcomes> = {},
  result: OperationResult = 'allowed',
): AuditRecord {
  return {
    kind: 'operation',
    requestId,
    caller,
    operationName: 'Lookup',
    documentHash: 'd'.repeat(64),
    subjects,
    fields: { returned: [], masked: [], denied: [], ...fields },
    subgraphs: [{ subgraph: 'population', outcome: 'ok', latencyMs: 3 }],
    policyVersion: 'policy-1',
    latencyMs: 9,
    result,
  };
}

function resolver(
  requestId: string,
  caller: AuditCaller,
  resolved: ResolvedSubject[],
): AuditRecord {
  return { kind: 'resolver', requestId, caller, resolved, policyVersion: 'policy-1' };
}

/** [time (UTC), writer, record] of the March requests: the filters and the citizens' logs. */
const MARCH: [string, string, AuditRecord][] = [
  [
    '2025-03-03T02:00:00.000Z',
    'tax',
    resolver('req-tax-1', taxOfficer, [
      { subject: ALICE, fields: ['Person.tax', 'TaxInfo.creditLevel'] },
    ]),
  ],
  [
    '2025-03-03T02:00:00.100Z',
    'gateway',
    operation('req-tax-1', taxOfficer, [ALICE, CAROL], {
      returned: ['Person.name', 'Person.tax', 'TaxInfo.creditLevel'],
    }),
  ],
  [
    '2025-03-04T03:00:00.000Z',
    'court',
    resolver('req-court-1', courtOfficer, [
      { subject: ALICE, fields: ['CourtInfo.dishonestDebtor', 'Person.court'] },
    ]),
  ],
  [
    '2025-03-04T03:00:00.100Z',
    'gateway',
    operation('req-court-1', courtOfficer, [ALICE], {
      returned: ['CourtInfo.dishonestDebtor', 'Person.court'],
    }),
  ],
  [
    '2025-03-05T04:00:00.000Z',
    'gateway',
    operation(
      'req-amr-1',
      amrOfficer,
      [BOB],
      { returned: ['Person.market'], masked: ['Person.name'], denied: ['Person.tax'] },
      'partial',
    ),
  ],
  [
    '2025-03-06T05:00:00.000Z',
    'tax',
    resolver('req-self-1', aliceSelf, [{ subject: ALICE, fields: ['Person.tax'] }]),
  ],
  [
    '2025-03-06T05:00:00.100Z',
    'gateway',
    operation('req-self-1', aliceSelf, [ALICE], { returned: ['Person.tax'] }),
  ],
  [
    '2025-03-07T06:00:00.000Z',
    'gateway',
    operation('req-edu-denied', eduOfficer, [ALICE], { denied: ['Person.education'] }, 'denied'),
  ],
  [
    '2025-03-08T07:00:00.000Z',
    'gateway',
    operation(
      'req-bank-1',
      bankClerk,
      [ALICE],
      { returned: ['CreditProfile.score', 'Person.creditProfile'], masked: ['Person.name'] },
      'partial',
    ),
  ],
];

const busy = (n: number) =>
  staff('busy-officer', 'PSB', 'ADMIN_ENFORCEMENT', `PSB-${n}`) satisfies AuditCaller;
const almost = (n: number) =>
  staff('almost-officer', 'PSB', 'ADMIN_ENFORCEMENT', `ALMOST-${n}`) satisfies AuditCaller;

/**
 * The alert month (Asia/Shanghai is UTC+8): each alert exactly at its threshold, each near miss
 * one below it. busy-officer touches 50 persons within 10:00-11:00 local, almost-officer 49 (one
 * repeated); night-officer reads at 20:30 local, early-officer exactly at 08:00 and 17:59:59;
 * weekend-officer on a Saturday morning; AMR-REUSE-1 covers 20 persons over two users, AMR-REUSE-2
 * 19 in AMR (plus 1 in TAX: another department's group). A citizen at 23:00 and a resolver record
 * of 60 persons are not watched.
 */
const JUNE: [string, string, AuditRecord][] = [
  ...[1, 2, 3, 4, 5].map((n): [string, string, AuditRecord] => [
    `2025-06-02T02:${n}5:00.000Z`,
    'gateway',
    operation(`busy-${n}`, busy(n), crowdRange((n - 1) * 10, n * 10), {
      returned: ['Person.name'],
    }),
  ]),
  ...[1, 2, 3, 4, 5].map((n): [string, string, AuditRecord] => [
    `2025-06-02T03:${n}5:00.000Z`,
    'gateway',
    operation(
      `almost-${n}`,
      almost(n),
      n < 5 ? crowdRange((n - 1) * 10, n * 10) : [...crowdRange(40, 49), crowd(0)],
      { returned: ['Person.name'] },
    ),
  ]),
  [
    '2025-06-03T12:30:00.000Z',
    'gateway',
    operation('night-1', staff('night-officer', 'TAX', 'ADMIN_ENFORCEMENT', 'NIGHT-1'), [
      crowd(60),
    ]),
  ],
  [
    '2025-06-04T00:00:00.000Z',
    'gateway',
    operation('early-1', staff('early-officer', 'TAX', 'ADMIN_ENFORCEMENT', 'EARLY-1'), [
      crowd(61),
    ]),
  ],
  [
    '2025-06-04T09:59:59.000Z',
    'gateway',
    operation('early-2', staff('early-officer', 'TAX', 'ADMIN_ENFORCEMENT', 'EARLY-2'), [
      crowd(61),
    ]),
  ],
  [
    '2025-06-07T02:00:00.000Z',
    'gateway',
    operation('weekend-1', staff('weekend-officer', 'EDU', 'ADMIN_LICENSING', 'WEEKEND-1'), [
      crowd(62),
    ]),
  ],
  [
    '2025-06-05T02:00:00.000Z',
    'gateway',
    operation(
      'amr-reuse-1a',
      staff('amr-a', 'AMR', 'ADMIN_ENFORCEMENT', 'AMR-REUSE-1'),
      crowdRange(70, 80),
    ),
  ],
  [
    '2025-06-05T03:00:00.000Z',
    'gateway',
    operation(
      'amr-reuse-1b',
      staff('amr-b', 'AMR', 'ADMIN_ENFORCEMENT', 'AMR-REUSE-1'),
      crowdRange(80, 90),
    ),
  ],
  [
    '2025-06-05T04:00:00.000Z',
    'gateway',
    operation(
      'amr-reuse-2',
      staff('amr-a', 'AMR', 'ADMIN_ENFORCEMENT', 'AMR-REUSE-2'),
      crowdRange(70, 89),
    ),
  ],
  [
    '2025-06-05T05:00:00.000Z',
    'gateway',
    operation('tax-reuse-2', staff('tax-reuser', 'TAX', 'ADMIN_ENFORCEMENT', 'AMR-REUSE-2'), [
      crowd(89),
    ]),
  ],
  [
    '2025-06-03T15:00:00.000Z',
    'gateway',
    operation('citizen-night', { ...aliceSelf, sub: crowd(63), personId: crowd(63) }, [crowd(63)]),
  ],
  [
    '2025-06-03T14:00:00.000Z',
    'tax',
    resolver(
      'resolver-only',
      staff('resolver-only', 'TAX', 'ADMIN_ENFORCEMENT', 'R-1'),
      crowdRange(0, 60).map((subject) => ({ subject, fields: ['Person.tax'] })),
    ),
  ],
];

const EVENT_FIELDS = `seq writer recordedAt kind requestId dept user clientType roles org purpose
  caseRef operationName documentHash subjects fieldsReturned fieldsMasked fieldsDenied
  subgraphs { subgraph outcome latencyMs error } result error policyVersion latencyMs hash prevHash`;

const EVENTS_QUERY = `query ($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    entries { ${EVENT_FIELDS} }
    pageInfo { endCursor hasNextPage }
  } }`;

const ALERTS_QUERY = `query ($from: String!, $to: String!) { auditAlerts(from: $from, to: $to) {
  kind user users dept caseRef window { from to } count threshold exampleRequestIds } }`;

const MY_LOG_QUERY = `query ($first: Int, $after: String) { myAccessLog(first: $first, after: $after) {
  entries { requestId accessedAt dept deptName clientType org fields maskedFields purpose
    purposeName caseRef }
  pageInfo { endCursor hasNextPage } } }`;

interface EventView {
  writer: string;
  requestId: string;
  [field: string]: unknown;
}

interface Connection<T> {
  entries: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** `writer:requestId` of each event, the order kept. */
const keys = (events: readonly EventView[]) => events.map((e) => `${e.writer}:${e.requestId}`);

/**
 * The subgraph's own view of the store, counting only its statements: the subgraph's resolver
 * log (an audit writer on the same store, as deployed) must not blur the batching checks.
 */
function countedView(db: Database): Database {
  let count = 0;
  return {
    kind: db.kind,
    get statements() {
      return count;
    },
    query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
      count += 1;
      return db.query<Row>(sql, params);
    },
    exec(sql: string) {
      count += 1;
      return db.exec(sql);
    },
    transaction: (work) => db.transaction(work),
    close: () => Promise.resolve(),
  };
}

/** The extensions of each error (Apollo's stack trace aside), for whole-value checks. */
function errorExtensions(result: GraphQLResponse): Record<string, unknown>[] {
  return (result.errors ?? []).map((error) => ({ ...error.extensions, stacktrace: undefined }));
}

describe.each(DB_MODES)('audit read side over HTTP on %s', (mode) => {
  let databases: TestDatabases;
  let db: Database;
  let reads: Database;
  let service: RunningSubgraph;
  let clock = new Date('2025-09-01T00:00:00.000Z');
  let writerClock = new Date(0);
  const writers = new Map<string, AuditWriter>();
  const migrations: Record<string, string[]> = {};

  async function write(at: string, writer: string, record: AuditRecord): Promise<void> {
    let audit = writers.get(writer);
    if (!audit) {
      audit = createAuditWriter({ db, writer, hmacKey, now: () => writerClock, maxDelayMs: 0 });
      writers.set(writer, audit);
    }
    writerClock = new Date(at);
    await audit.append(record);
  }

  async function ask<Data = Record<string, unknown>>(
    caller: Caller,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<Data>> {
    const headers = await security.gatewayHeaders('audit', caller);
    return postGraphQL<Data>(service.url, query, variables, headers);
  }

  async function events(
    filter: Record<string, unknown>,
    first = 500,
    after?: string,
  ): Promise<Connection<EventView>> {
    const result = await ask<{ auditEvents: Connection<EventView> }>(AUDITOR, EVENTS_QUERY, {
      filter,
      first,
      after,
    });
    expect(result.errors).toBeUndefined();
    return (
      result.data?.auditEvents ?? { entries: [], pageInfo: { endCursor: null, hasNextPage: false } }
    );
  }

  async function myLog(
    who: string,
    first?: number,
    after?: string,
  ): Promise<GraphQLResponse<{ myAccessLog: Connection<Record<string, unknown>> }>> {
    return ask(citizen(who), MY_LOG_QUERY, { first, after });
  }

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['audit']);
    db = databases.dbs.audit;
    // The gateway migrates the store with lib/audit; the subgraph then finds nothing to apply.
    migrations.store = await migrateAuditStore(db);
    reads = countedView(db);
    // Its own resolver log (chain `audit`): reading a person's access log is audited in turn.
    const ownLog = createAuditWriter({ db, writer: 'audit', hmacKey, maxDelayMs: 0 });
    writers.set('audit', ownLog);
    service = await startSubgraph(createAuditSubgraph({ hmacKey }), {
      db: reads,
      ownsDatabase: false,
      security: await security.subgraph('audit'),
      production: true,
      environment: { subgraphUrls: {}, now: () => clock },
      audit: ownLog,
    });
    migrations.again = await migrateAuditStore(db);
    for (const [at, writer, record] of [...MARCH, ...JUNE]) await write(at, writer, record);
  });

  afterAll(async () => {
    for (const audit of writers.values()) await audit.close();
    await service?.stop();
    await databases?.close();
  });

  it('shares the audit store schema and its migration versions with lib/audit', async () => {
    expect(migrations).toEqual({ store: ['001_audit', '002_verify_checkpoints'], again: [] });
    const versions = await db.query<{ version: string }>(
      'SELECT version FROM audit.schema_migrations ORDER BY version',
    );
    expect(versions).toEqual([{ version: '001_audit' }, { version: '002_verify_checkpoints' }]);
  });

  describe('auditEvents (auditors)', () => {
    it('returns a record with every field, people as masked ids', async () => {
      const page = await events({ requestId: 'req-amr-1' });
      expect(page).toEqual({
        entries: [
          {
            seq: '3',
            writer: 'gateway',
            recordedAt: '2025-03-05T04:00:00.000000Z',
            kind: 'OPERATION',
            requestId: 'req-amr-1',
            dept: 'AMR',
            user: 'amr-officer-1',
            clientType: 'officer',
            roles: ['officer'],
            org: null,
            purpose: 'ADMIN_ENFORCEMENT',
            caseRef: 'AMR-1',
            operationName: 'Lookup',
            documentHash: 'd'.repeat(64),
            subjects: [masked(BOB)],
            fieldsReturned: ['Person.market'],
            fieldsMasked: ['Person.name'],
            fieldsDenied: ['Person.tax'],
            subgraphs: [{ subgraph: 'population', outcome: 'ok', latencyMs: 3, error: null }],
            result: 'PARTIAL',
            error: null,
            policyVersion: 'policy-1',
            latencyMs: 9,
            hash: expect.stringMatching(/^[0-9a-f]{64}$/),
            prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
          },
        ],
        pageInfo: { endCursor: expect.any(String), hasNextPage: false },
      });
    });

    it.each([
      ['dept', { dept: 'TAX', to: '2025-03-31' }, ['gateway:req-tax-1', 'tax:req-tax-1']],
      ['user', { user: 'court-officer-1' }, ['gateway:req-court-1', 'court:req-court-1']],
      ['user (a citizen, by HMAC)', { user: ALICE }, ['gateway:req-self-1', 'tax:req-self-1']],
      ['subject', { subjectId: BOB }, ['gateway:req-amr-1']],
      [
        'subject (every writer)',
        { subjectId: ALICE },
        [
          'gateway:req-bank-1',
          'gateway:req-edu-denied',
          'gateway:req-self-1',
          'tax:req-self-1',
          'gateway:req-court-1',
          'court:req-court-1',
          'gateway:req-tax-1',
          'tax:req-tax-1',
        ],
      ],
      ['purpose', { purpose: 'JUDICIAL' }, ['gateway:req-court-1', 'court:req-court-1']],
      ['caseRef', { caseRef: 'AMR-1' }, ['gateway:req-amr-1']],
      ['result', { result: 'DENIED' }, ['gateway:req-edu-denied']],
      ['writer', { writer: 'court' }, ['court:req-court-1']],
      ['requestId', { requestId: 'req-tax-1' }, ['gateway:req-tax-1', 'tax:req-tax-1']],
      [
        'kind',
        { kind: 'RESOLVER', to: '2025-03-31' },
        ['tax:req-self-1', 'court:req-court-1', 'tax:req-tax-1'],
      ],
      [
        'time range (dates are whole UTC days)',
        { from: '2025-03-05', to: '2025-03-06' },
        ['gateway:req-self-1', 'tax:req-self-1', 'gateway:req-amr-1'],
      ],
      [
        'time range (instants: from included, to excluded)',
        { from: '2025-03-04T03:00:00.100Z', to: '2025-03-05T04:00:00Z' },
        ['gateway:req-court-1'],
      ],
      [
        'several at once',
        { dept: 'AMR', caseRef: 'AMR-REUSE-1', from: '2025-06-01' },
        ['gateway:amr-reuse-1b', 'gateway:amr-reuse-1a'],
      ],
    ])('narrows by %s', async (_name, filter, expected) => {
      expect(keys((await events(filter)).entries)).toEqual(expected);
    });

    it('pages stably and completely, newest first', async () => {
      const all = await events({});
      expect(all.entries).toHaveLength(MARCH.length + JUNE.length);
      expect(all.pageInfo.hasNextPage).toBe(false);
      const times = all.entries.map((e) => String(e.recordedAt));
      expect(times).toEqual([...times].sort().reverse());

      const pages: Connection<EventView>[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await events({}, 4, after);
        pages.push(page);
        if (pages.length === 2) {
          // A record written while the auditor pages is newer: it never shifts later pages.
          await write(
            '2025-12-01T00:00:00.000Z',
            'gateway',
            operation('late-1', staff('late', 'HRSS', 'PUBLIC_SERVICE', 'L-1'), [crowd(99)]),
          );
        }
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor ?? undefined;
      }
      expect(pages.map((page) => page.entries.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 1]);
      expect(pages.flatMap((page) => page.entries)).toEqual(all.entries);

      const end = await events({}, 4, pages.at(-1)?.pageInfo.endCursor ?? undefined);
      expect(end).toEqual({
        entries: [],
        pageInfo: { endCursor: pages.at(-1)?.pageInfo.endCursor, hasNextPage: false },
      });
      expect(keys((await events({}, 1)).entries)).toEqual(['gateway:late-1']);
    });

    it('never returns a clear citizen id or a subject HMAC', async () => {
      const text = JSON.stringify(await events({}));
      for (const id of [ALICE, BOB, CAROL, ...crowdRange(0, 100)]) {
        expect(text).not.toContain(id);
        expect(text).not.toContain(subjectHmac(hmacKey, id));
      }
      expect(text).toContain(masked(ALICE));
    });

    it('refuses bad arguments as BAD_USER_INPUT naming them, before any SQL', async () => {
      const before = reads.statements;
      const bad = [
        { filter: { subjectId: '511921198503121234' }, argument: 'filter.subjectId' },
        { filter: { purpose: 'CURIOSITY' }, argument: 'filter.purpose' },
        { filter: { from: 'yesterday' }, argument: 'filter.from' },
        { first: 0, argument: 'first' },
        { first: 501, argument: 'first' },
        { after: 'not-a-cursor', argument: 'after' },
      ];
      for (const { argument, ...variables } of bad) {
        const result = await ask(AUDITOR, EVENTS_QUERY, variables);
        expect([
          result.data,
          result.errors?.[0].extensions?.code,
          result.errors?.[0].extensions?.argument,
        ]).toEqual([null, 'BAD_USER_INPUT', argument]);
      }
      expect(reads.statements).toBe(before);
    });

    it('is FORBIDDEN to officers, citizens and auditors without AUDIT_REVIEW', async () => {
      const auditorElsewhere: Caller = { ...AUDITOR, purpose: 'ADMIN_ENFORCEMENT' };
      for (const [caller, who] of [
        [officer('TAX'), 'officer of TAX for ADMIN_ENFORCEMENT'],
        [citizen(ALICE), 'citizen for SELF_QUERY'],
        [auditorElsewhere, 'auditor of AUDIT for ADMIN_ENFORCEMENT'],
      ] as const) {
        const result = await ask(caller, EVENTS_QUERY, { filter: { subjectId: ALICE } });
        expect(result.data).toBeNull();
        expect(errorExtensions(result)).toEqual([
          {
            code: 'FORBIDDEN',
            ruleId: 'default-deny',
            reason: `no rule grants Query.auditEvents to ${who}`,
            field: 'Query.auditEvents',
          },
        ]);
      }
    });
  });

  describe('auditAlerts (auditors)', () => {
    it('fire exactly at each threshold and not one below', async () => {
      const result = await ask(AUDITOR, ALERTS_QUERY, { from: '2025-06-01', to: '2025-06-30' });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        auditAlerts: [
          {
            kind: 'CASE_REF_REUSE',
            user: null,
            users: ['amr-a', 'amr-b'],
            dept: 'AMR',
            caseRef: 'AMR-REUSE-1',
            window: { from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' },
            count: 20,
            threshold: 20,
            exampleRequestIds: ['amr-reuse-1a', 'amr-reuse-1b'],
          },
          {
            kind: 'MANY_SUBJECTS',
            user: 'busy-officer',
            users: ['busy-officer'],
            dept: 'PSB',
            caseRef: null,
            window: { from: '2025-06-02T02:00:00.000Z', to: '2025-06-02T03:00:00.000Z' },
            count: 50,
            threshold: 50,
            exampleRequestIds: ['busy-1', 'busy-2', 'busy-3', 'busy-4', 'busy-5'],
          },
          {
            kind: 'OFF_HOURS',
            user: 'night-officer',
            users: ['night-officer'],
            dept: 'TAX',
            caseRef: null,
            // The local day 2025-06-03 in Asia/Shanghai.
            window: { from: '2025-06-02T16:00:00.000Z', to: '2025-06-03T16:00:00.000Z' },
            count: 1,
            threshold: 1,
            exampleRequestIds: ['night-1'],
          },
          {
            kind: 'OFF_HOURS',
            user: 'weekend-officer',
            users: ['weekend-officer'],
            dept: 'EDU',
            caseRef: null,
            window: { from: '2025-06-06T16:00:00.000Z', to: '2025-06-07T16:00:00.000Z' },
            count: 1,
            threshold: 1,
            exampleRequestIds: ['weekend-1'],
          },
        ],
      });
    });

    it('count only inside the range asked', async () => {
      const result = await ask<{ auditAlerts: { kind: string; user: string }[] }>(
        AUDITOR,
        ALERTS_QUERY,
        { from: '2025-06-02T02:20:00Z', to: '2025-06-03T00:00:00Z' },
      );
      expect(result.data?.auditAlerts).toEqual([]);
    });

    it('refuse a range that ends before it starts, and officers', async () => {
      const backwards = await ask(AUDITOR, ALERTS_QUERY, { from: '2025-06-30', to: '2025-06-01' });
      expect(errorExtensions(backwards)).toEqual([
        { code: 'BAD_USER_INPUT', argument: 'to', reason: 'must be after from' },
      ]);
      const denied = await ask(officer('PSB'), ALERTS_QUERY, {
        from: '2025-06-01',
        to: '2025-06-30',
      });
      expect(errorExtensions(denied).map((e) => [e.code, e.field])).toEqual([
        ['FORBIDDEN', 'Query.auditAlerts'],
      ]);
    });
  });

  describe('myAccessLog (citizens)', () => {
    const taxEntry = {
      requestId: 'req-tax-1',
      accessedAt: '2025-03-03T02:00:00.000000Z',
      dept: 'TAX',
      deptName: '县税务局',
      clientType: 'officer',
      org: null,
      // The tax subgraph's record of Alice's own fields, not the operation's (Carol's name).
      fields: ['Person.tax', 'TaxInfo.creditLevel'],
      maskedFields: [],
      purpose: 'ADMIN_LICENSING',
      purposeName: '行政许可',
      caseRef: 'TAX-2025-001',
    };
    const courtEntry = {
      requestId: 'req-court-1',
      accessedAt: '2025-03-04T03:00:00.000000Z',
      dept: 'COURT',
      deptName: '县人民法院',
      clientType: 'officer',
      org: null,
      fields: ['CourtInfo.dishonestDebtor', 'Person.court'],
      maskedFields: [],
      purpose: 'JUDICIAL',
      purposeName: '司法',
      caseRef: 'COURT-2025-007',
    };
    const bankEntry = {
      requestId: 'req-bank-1',
      accessedAt: '2025-03-08T07:00:00.000000Z',
      dept: null,
      deptName: null,
      clientType: 'org',
      org: BANK,
      fields: ['CreditProfile.score', 'Person.creditProfile'],
      maskedFields: ['Person.name'],
      purpose: 'AUTHORIZED_QUERY',
      purposeName: '授权查询',
      caseRef: 'LOAN-9',
    };

    afterEach(() => {
      clock = new Date('2025-09-01T00:00:00.000Z');
    });

    it('shows a citizen who read their data: department, never the officer', async () => {
      const result = await myLog(ALICE);
      expect(result.errors).toBeUndefined();
      // Left out: her own query, the denied EDU attempt, the JUDICIAL read (not disclosed yet).
      expect(result.data?.myAccessLog).toEqual({
        entries: [bankEntry, taxEntry],
        pageInfo: { endCursor: expect.any(String), hasNextPage: false },
      });
      const text = JSON.stringify(result);
      for (const user of ['tax-officer-1', 'court-officer-1', 'edu-officer-1', 'bank-clerk-1']) {
        expect(text).not.toContain(user);
      }
    });

    it('shows each citizen only their own entries', async () => {
      const result = await myLog(BOB);
      expect(result.data?.myAccessLog.entries).toEqual([
        {
          requestId: 'req-amr-1',
          accessedAt: '2025-03-05T04:00:00.000000Z',
          dept: 'AMR',
          deptName: '县市场监管局',
          clientType: 'officer',
          org: null,
          fields: ['Person.market'],
          maskedFields: ['Person.name'],
          purpose: 'ADMIN_ENFORCEMENT',
          purposeName: '监管执法',
          caseRef: 'AMR-1',
        },
      ]);
      expect((await myLog(CAROL)).data?.myAccessLog.entries.map((e) => e.requestId)).toEqual([
        'req-tax-1',
      ]);
    });

    it('hides a JUDICIAL read until 12 months after it, then shows it', async () => {
      clock = new Date('2026-03-04T02:59:59.999Z');
      expect((await myLog(ALICE)).data?.myAccessLog.entries).toEqual([bankEntry, taxEntry]);
      clock = new Date('2026-03-04T03:00:00.000Z');
      expect((await myLog(ALICE)).data?.myAccessLog.entries).toEqual([
        bankEntry,
        courtEntry,
        taxEntry,
      ]);
    });

    it('pages completely', async () => {
      clock = new Date('2027-01-01T00:00:00.000Z');
      const seen: unknown[] = [];
      let after: string | undefined;
      const more: boolean[] = [];
      do {
        const page = (await myLog(ALICE, 1, after)).data?.myAccessLog;
        seen.push(...(page?.entries ?? []));
        more.push(page?.pageInfo.hasNextPage ?? false);
        after = page?.pageInfo.endCursor ?? undefined;
      } while (more.at(-1));
      expect(seen).toEqual([bankEntry, courtEntry, taxEntry]);
      expect(more).toEqual([true, true, false]);
      const bad = await myLog(ALICE, 1, 'not-a-cursor');
      expect(errorExtensions(bad).map((e) => [e.code, e.argument])).toEqual([
        ['BAD_USER_INPUT', 'after'],
      ]);
    });

    it('is FORBIDDEN to everyone but citizens', async () => {
      for (const caller of [AUDITOR, officer('TAX')]) {
        const result = await ask(caller, MY_LOG_QUERY);
        expect(result.data).toBeNull();
        expect(errorExtensions(result).map((e) => [e.code, e.ruleId, e.field])).toEqual([
          ['FORBIDDEN', 'default-deny', 'Query.myAccessLog'],
        ]);
      }
    });
  });
  describe('Person.accessLog (auditors)', () => {
    const ENTITIES_QUERY = `query ($r: [_Any!]!, $first: Int, $after: String) {
      _entities(representations: $r) { ... on Person { id accessLog(first: $first, after: $after) {
        entries { writer requestId subjects } pageInfo { endCursor hasNextPage } } } } }`;

    it('gives each person their records, for 52 persons in one SQL statement', async () => {
      const people = [ALICE, BOB, ...crowdRange(0, 50)];
      const expectedAlice = keys((await events({ subjectId: ALICE })).entries);
      const bobEvents = (await events({ subjectId: BOB })).entries;
      const before = reads.statements;
      const result = await ask<{
        _entities: { id: string; accessLog: Connection<EventView> }[];
      }>(AUDITOR, ENTITIES_QUERY, {
        r: people.map((id) => ({ __typename: 'Person', id })),
      });
      expect(reads.statements - before).toBe(1);
      expect(result.errors).toBeUndefined();
      const logs = result.data?._entities ?? [];
      expect(logs.map((person) => person.id)).toEqual(people);
      expect(keys(logs[0].accessLog.entries)).toEqual(expectedAlice);
      // Bob's register: AMR's read, and Bob reading his own access log (audited like any read
      // of a person's data: the audit subgraph's resolver log names him as its subject).
      expect(logs[1].accessLog.entries).toEqual(
        bobEvents.map(({ writer, requestId }) => ({ writer, requestId, subjects: [masked(BOB)] })),
      );
      expect(
        bobEvents.filter((event) => event.writer === 'gateway').map((e) => e.requestId),
      ).toEqual(['req-amr-1']);
      expect(keys(logs[2].accessLog.entries)).toEqual([
        'tax:resolver-only',
        'gateway:almost-5',
        'gateway:almost-1',
        'gateway:busy-1',
      ]);
    });

    it('pages one person with the cursors of auditEvents', async () => {
      const r = [{ __typename: 'Person', id: ALICE }];
      type Result = { _entities: { accessLog: Connection<EventView> }[] };
      const expected = keys((await events({ subjectId: ALICE })).entries);
      // Two pages, the second one full or short.
      const size = Math.ceil(expected.length / 2);
      expect(size).toBeGreaterThan(1);
      const first = await ask<Result>(AUDITOR, ENTITIES_QUERY, { r, first: size });
      const page1 = first.data?._entities[0].accessLog;
      const rest = await ask<Result>(AUDITOR, ENTITIES_QUERY, {
        r,
        first: size,
        after: page1?.pageInfo.endCursor,
      });
      const page2 = rest.data?._entities[0].accessLog;
      expect([page1?.pageInfo.hasNextPage, page2?.pageInfo.hasNextPage]).toEqual([true, false]);
      expect([...keys(page1?.entries ?? []), ...keys(page2?.entries ?? [])]).toEqual(expected);
    });

    it('is audited in turn: the citizen learns the audit team looked', async () => {
      const audited = (await events({ writer: 'audit', subjectId: BOB })).entries;
      // Bob's own reads of his access log are audited too; the audit team's is the one to find.
      expect(
        audited
          .filter((event) => event.clientType !== 'auditor')
          .map((event) => [
            event.clientType,
            event.user,
            (event.fieldsReturned as string[]).includes('Query.myAccessLog'),
          ]),
      ).toEqual(
        audited
          .filter((event) => event.clientType !== 'auditor')
          .map(() => ['citizen', masked(BOB), true]),
      );
      const read = audited.filter((event) => event.clientType === 'auditor');
      const fields = [
        'AuditEvent.requestId',
        'AuditEvent.subjects',
        'AuditEvent.writer',
        'AuditEventConnection.entries',
        'AuditEventConnection.pageInfo',
        'AuditPageInfo.endCursor',
        'AuditPageInfo.hasNextPage',
        'Person.accessLog',
        'Person.id',
      ];
      expect(
        read.map(({ writer, kind, dept, user, clientType, purpose, fieldsReturned }) => ({
          writer,
          kind,
          dept,
          user,
          clientType,
          purpose,
          fieldsReturned,
        })),
      ).toEqual([
        {
          writer: 'audit',
          kind: 'RESOLVER',
          dept: 'AUDIT',
          user: 'auditor-1',
          clientType: 'auditor',
          purpose: 'AUDIT_REVIEW',
          fieldsReturned: fields,
        },
      ]);
      const log = (await myLog(BOB)).data?.myAccessLog.entries;
      expect(log?.map((entry) => entry.requestId)).toEqual([read[0].requestId, 'req-amr-1']);
      expect(log?.[0]).toEqual({
        requestId: read[0].requestId,
        accessedAt: read[0].recordedAt,
        dept: 'AUDIT',
        deptName: '审计组',
        clientType: 'auditor',
        org: null,
        fields,
        maskedFields: [],
        purpose: 'AUDIT_REVIEW',
        purposeName: '审计复核',
        caseRef: null,
      });
    });

    it("is not a citizen's: their own Person.* grant does not open the audit types", async () => {
      const result = await ask(citizen(ALICE), ENTITIES_QUERY, {
        r: [{ __typename: 'Person', id: ALICE }],
      });
      expect(result.data).toEqual({ _entities: [{ id: ALICE, accessLog: null }] });
      expect(errorExtensions(result)).toEqual([
        {
          code: 'FORBIDDEN',
          ruleId: 'default-deny',
          reason: 'no rule grants AuditEventConnection.entries to citizen for SELF_QUERY',
          field: 'AuditEventConnection.entries',
        },
      ]);
    });
  });
});
