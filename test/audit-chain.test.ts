import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Database } from '../lib/db/database';
import { AuditWriteError, createAuditWriter } from '../lib/audit/audit-writer';
import type { AuditWriter } from '../lib/audit/audit-writer';
import { checkChainStatus } from '../lib/audit/check-chain-status';
import { entryHash, GENESIS_HASH } from '../lib/audit/chain-hash';
import type { ChainEntry } from '../lib/audit/chain-hash';
import { exportAuditEntries } from '../lib/audit/export-entries';
import { formatDigestLines, parseKnownDigests } from '../lib/audit/known-digests';
import { migrateAuditStore } from '../lib/audit/migrate-audit-store';
import { pruneBefore } from '../lib/audit/prune';
import { searchAuditEntries } from '../lib/audit/search';
import { maskId, subjectHmac } from '../lib/audit/subject-hmac';
import { verifyChain } from '../lib/audit/verify-chain';
import { verifyChains } from '../lib/audit/verify-chains';
import { controllableDatabase } from '../lib/audit/__tests__/controllable-database';
import { operationRecord, personId, resolverRecord } from '../lib/audit/__tests__/sample-records';
import { DB_MODES, TEST_PG_ADMIN_URL, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';

const hmacKey = Buffer.alloc(32, 42);

/** Appends `count` operation records to a new chain and returns them as stored. */
async function writeChain(
  db: Database,
  writer: string,
  count: number,
  now?: (index: number) => Date,
): Promise<void> {
  let index = 0;
  const audit = createAuditWriter({
    db,
    writer,
    hmacKey,
    maxBatch: 3,
    ...(now && { now: () => now(index) }),
  });
  for (; index < count; index += 1) {
    await audit.append(operationRecord(`${writer}-${index + 1}`, { subjects: [personId(index)] }));
  }
  await audit.close();
}

/** Runs statements as a database superuser would to tamper: with the append-only triggers off. */
async function tamper(db: Database, ...statements: [string, unknown[]?][]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    for (const [sql, params] of statements) await tx.query(sql, params ?? []);
  });
}

async function entryAt(db: Database, writer: string, seq: number): Promise<ChainEntry> {
  const rows = await db.query<{ entry: ChainEntry }>(
    `SELECT jsonb_build_object('writer', writer, 'seq', seq, 'prevHash', prev_hash, 'hash', hash,
       'recordedAt', to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       'kind', kind, 'requestId', request_id, 'payload', payload) AS entry
     FROM audit.entries WHERE writer = $1 AND seq = $2`,
    [writer, seq],
  );
  return rows[0].entry;
}

/**
 * Moves entries seq >= from of a chain, and their subject index rows, up by one (in two steps:
 * the primary key is checked row by row).
 */
const shiftUp = (writer: string, from: number): [string, unknown[]][] =>
  ['audit.entries', 'audit.entry_subjects'].flatMap((table): [string, unknown[]][] => [
    [`UPDATE ${table} SET seq = seq + 1000 WHERE writer = $1 AND seq >= $2`, [writer, from]],
    [`UPDATE ${table} SET seq = seq - 999 WHERE writer = $1 AND seq >= 1000`, [writer]],
  ]);

/** A forged entry that links correctly to `previous` and carries its own correct hash. */
function forge(previous: ChainEntry, seq: number): ChainEntry {
  const content = {
    ...previous,
    seq,
    prevHash: previous.hash,
    requestId: 'forged',
    payload: { user: 'nobody', subjects: [] },
  };
  return { ...content, hash: entryHash(content) };
}

function insertEntrySql(entry: ChainEntry): [string, unknown[]] {
  return [
    `INSERT INTO audit.entries (writer, seq, prev_hash, hash, recorded_at, kind, request_id, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [
      entry.writer,
      entry.seq,
      entry.prevHash,
      entry.hash,
      entry.recordedAt,
      entry.kind,
      entry.requestId,
      JSON.stringify(entry.payload),
    ],
  ];
}

/** A small deterministic random source (arrival times of the concurrency test). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DB_MODES)('audit store on %s', (mode) => {
  let databases: TestDatabases;
  let db: Database;

  beforeAll(async () => {
    databases = await openTestDatabases(mode, ['audit']);
    db = databases.dbs.audit;
    await migrateAuditStore(db);
  });

  afterAll(async () => {
    await databases?.close();
  });

  describe('chain status, checked incrementally', () => {
    const stateOf = async (writer: string, options: Parameters<typeof checkChainStatus>[1]) => {
      const status = await checkChainStatus(db, options);
      const state = status.chains.find((chain) => chain.writer === writer);
      if (!state) throw new Error(`no status for ${writer}`);
      return state;
    };

    it('verifies at most the bound per check and continues where the last check stopped', async () => {
      await writeChain(db, 'status-budget', 7);
      const bounded = { maxEntriesPerChain: 3 };
      const steps = [];
      for (let i = 0; i < 3; i += 1) {
        const { ok, verified, checkedNow, pending, headSeq } = await stateOf(
          'status-budget',
          bounded,
        );
        steps.push({ ok, seq: verified?.seq, checkedNow, pending, headSeq });
      }
      expect(steps).toEqual([
        { ok: true, seq: 3, checkedNow: 3, pending: 4, headSeq: 7 },
        { ok: true, seq: 6, checkedNow: 3, pending: 1, headSeq: 7 },
        { ok: true, seq: 7, checkedNow: 1, pending: 0, headSeq: 7 },
      ]);
      const last = await stateOf('status-budget', bounded);
      expect({ seq: last.verified?.seq, checkedNow: last.checkedNow }).toEqual({
        seq: 7,
        checkedNow: 0,
      });
    });

    it('names an entry that changed or vanished after a check found it intact', async () => {
      await writeChain(db, 'status-cut', 4);
      expect((await stateOf('status-cut', {})).verified?.seq).toBe(4);
      await tamper(
        db,
        [`DELETE FROM audit.entry_subjects WHERE writer = 'status-cut' AND seq = 4`],
        [`DELETE FROM audit.entries WHERE writer = 'status-cut' AND seq = 4`],
      );
      const cut = await stateOf('status-cut', {});
      expect({ ok: cut.ok, firstBroken: cut.firstBroken }).toEqual({
        ok: false,
        firstBroken: {
          seq: 4,
          reason: 'verified entry changed',
          detail: expect.stringContaining('is missing'),
        },
      });
      // From the anchor the same cut is the truncation verify has always named.
      const restarted = await stateOf('status-cut', { restart: true });
      expect(restarted.firstBroken).toMatchObject({ seq: 4, reason: 'head mismatch (truncated)' });
    });
  });

  describe('tampering', () => {
    let digestsBefore: ReturnType<typeof parseKnownDigests>;

    const cases = [
      'intact',
      'edit-payload',
      'edit-recorded-at',
      'delete-middle',
      'delete-renumbered',
      'delete-last',
      'insert-forged',
      'append-forged',
      'reorder',
      'edit-rehashed-last',
      'subject-index',
      'rewrite-tail',
    ];

    beforeAll(async () => {
      await Promise.all(cases.map((writer) => writeChain(db, writer, 8)));
      digestsBefore = parseKnownDigests(
        formatDigestLines((await verifyChains(db)).writers).join('\n'),
      );
      const fourth = await entryAt(db, 'insert-forged', 4);
      const eighth = await entryAt(db, 'append-forged', 8);
      const sixth = await entryAt(db, 'rewrite-tail', 6);
      await tamper(
        db,
        [
          `UPDATE audit.entries SET payload = jsonb_set(payload, '{purpose}', '"JUDICIAL"')
            WHERE writer = 'edit-payload' AND seq = 4`,
        ],
        [
          `UPDATE audit.entries SET recorded_at = recorded_at + interval '1 microsecond'
            WHERE writer = 'edit-recorded-at' AND seq = 5`,
        ],
        [`DELETE FROM audit.entries WHERE writer = 'delete-middle' AND seq = 3`],
        [`DELETE FROM audit.entries WHERE writer = 'delete-renumbered' AND seq = 3`],
        // Two steps: the primary key is checked row by row, in no particular order.
        [`UPDATE audit.entries SET seq = seq + 999 WHERE writer = 'delete-renumbered' AND seq > 3`],
        [
          `UPDATE audit.entries SET seq = seq - 1000
            WHERE writer = 'delete-renumbered' AND seq >= 1000`,
        ],
        [`DELETE FROM audit.entries WHERE writer = 'delete-last' AND seq = 8`],
        ...shiftUp('insert-forged', 5),
        insertEntrySql(forge(fourth, 5)),
        insertEntrySql(forge(eighth, 9)),
        [`UPDATE audit.entries SET seq = 1004 WHERE writer = 'reorder' AND seq = 4`],
        [`UPDATE audit.entries SET seq = 4 WHERE writer = 'reorder' AND seq = 5`],
        [`UPDATE audit.entries SET seq = 5 WHERE writer = 'reorder' AND seq = 1004`],
        [
          `UPDATE audit.entries SET payload = jsonb_set(payload, '{user}', '"someone else"')
            WHERE writer = 'edit-rehashed-last' AND seq = 8`,
        ],
        [`DELETE FROM audit.entry_subjects WHERE writer = 'subject-index' AND seq = 2`],
        // A superuser hiding the newest entries and moving the head row back to match.
        [`DELETE FROM audit.entries WHERE writer = 'rewrite-tail' AND seq > 6`],
        [`UPDATE audit.heads SET seq = 6, hash = $1 WHERE writer = 'rewrite-tail'`, [sixth.hash]],
      );
      // ...and one who edits the newest entry and recomputes its hash.
      const edited = await entryAt(db, 'edit-rehashed-last', 8);
      await tamper(db, [
        `UPDATE audit.entries SET hash = $1 WHERE writer = 'edit-rehashed-last' AND seq = 8`,
        [entryHash(edited)],
      ]);
    });

    it('detects and names the first broken entry of every tampered chain', async () => {
      const result = await verifyChains(db);
      expect(result.ok).toBe(false);
      expect(
        result.writers
          .filter((report) => cases.includes(report.writer))
          .map(({ writer, entries, firstBroken }) => ({
            writer,
            entries,
            seq: firstBroken?.seq,
            reason: firstBroken?.reason,
          })),
      ).toEqual([
        {
          writer: 'append-forged',
          entries: 8,
          seq: 9,
          reason: 'head mismatch (entries beyond head)',
        },
        { writer: 'delete-last', entries: 7, seq: 8, reason: 'head mismatch (truncated)' },
        { writer: 'delete-middle', entries: 2, seq: 3, reason: 'seq gap' },
        {
          writer: 'delete-renumbered',
          entries: 2,
          seq: 3,
          reason: 'prevHash mismatch (deleted, inserted or reordered)',
        },
        { writer: 'edit-payload', entries: 3, seq: 4, reason: 'hash mismatch (edited)' },
        { writer: 'edit-recorded-at', entries: 4, seq: 5, reason: 'hash mismatch (edited)' },
        { writer: 'edit-rehashed-last', entries: 8, seq: 8, reason: 'head mismatch (edited)' },
        {
          writer: 'insert-forged',
          entries: 5,
          seq: 6,
          reason: 'prevHash mismatch (deleted, inserted or reordered)',
        },
        { writer: 'intact', entries: 8, seq: undefined, reason: undefined },
        {
          writer: 'reorder',
          entries: 3,
          seq: 4,
          reason: 'prevHash mismatch (deleted, inserted or reordered)',
        },
        // Without digests kept off-system, a consistent rewrite of the tail cannot be seen.
        { writer: 'rewrite-tail', entries: 6, seq: undefined, reason: undefined },
        { writer: 'subject-index', entries: 1, seq: 2, reason: 'subject index mismatch' },
      ]);
    });

    it('says what is missing for deletions and truncation', async () => {
      expect((await verifyChain(db, 'delete-middle')).firstBroken).toEqual({
        seq: 3,
        reason: 'seq gap',
        detail: 'expected seq 3, found 4: entry 3 missing (deleted)',
      });
      expect((await verifyChain(db, 'delete-last')).firstBroken).toEqual({
        seq: 8,
        reason: 'head mismatch (truncated)',
        detail: 'the head names seq 8 but the chain ends at seq 7',
      });
    });

    it('catches the rewritten tail with the digests kept from an earlier verify', async () => {
      const report = await verifyChain(db, 'rewrite-tail', { knownDigests: digestsBefore });
      expect(report.firstBroken).toEqual({
        seq: 7,
        reason: 'known digest mismatch',
        detail: 'a kept digest names seq 8 but the chain ends at seq 6 (truncated)',
      });
      expect(await verifyChain(db, 'intact', { knownDigests: digestsBefore })).toMatchObject({
        entries: 8,
        digestsChecked: 1,
      });
    });

    it('refuses UPDATE, DELETE and TRUNCATE through the append-only triggers', async () => {
      await expect(
        db.query(`UPDATE audit.entries SET kind = 'resolver' WHERE writer = 'intact' AND seq = 1`),
      ).rejects.toThrow('audit.entries is append-only: UPDATE refused');
      await expect(
        db.query(`DELETE FROM audit.entries WHERE writer = 'intact' AND seq = 1`),
      ).rejects.toThrow('audit.entries is append-only: DELETE refused');
      await expect(db.query('TRUNCATE audit.entries')).rejects.toThrow(
        'audit.entries is append-only: TRUNCATE refused',
      );
      await expect(db.query(`DELETE FROM audit.entry_subjects`)).rejects.toThrow(
        'audit.entry_subjects is append-only: DELETE refused',
      );
      await expect(
        db.query(`UPDATE audit.heads SET seq = 1 WHERE writer = 'intact'`),
      ).rejects.toThrow('audit.heads only moves forward: update of intact from seq 8 to 1 refused');
      expect((await verifyChain(db, 'intact')).firstBroken).toBeUndefined();
    });
  });

  it('keeps 200 concurrent appends per writer in valid chains, one record each, with group commit', async () => {
    const writers = ['gateway', 'population'];
    const next = random(7);
    const before = db.statements;
    const outcomes = await Promise.all(
      writers.map(async (writer) => {
        const audit = createAuditWriter({ db, writer, hmacKey });
        const results = await Promise.all(
          Array.from({ length: 200 }, async (_, i) => {
            await sleep(Math.floor(next() * 60));
            const requestId = `${writer}-${i}`;
            return { requestId, ...(await audit.append(resolverRecord(requestId))) };
          }),
        );
        await audit.close();
        return results;
      }),
    );
    const statements = db.statements - before;
    for (const [index, writer] of writers.entries()) {
      const rows = await db.query<{ seq: string; request_id: string }>(
        'SELECT seq::text AS seq, request_id FROM audit.entries e WHERE writer = $1 ORDER BY e.seq',
        [writer],
      );
      expect(rows.map((row) => Number(row.seq))).toEqual(
        Array.from({ length: 200 }, (_, i) => i + 1),
      );
      const bySeq = new Map(rows.map((row) => [Number(row.seq), row.request_id]));
      expect(outcomes[index].map((outcome) => bySeq.get(outcome.seq))).toEqual(
        outcomes[index].map((outcome) => outcome.requestId),
      );
      expect(await verifyChain(db, writer)).toMatchObject({ writer, entries: 200 });
      expect((await verifyChain(db, writer)).firstBroken).toBeUndefined();
    }
    // 400 records; without group commit that would be 400 statements at least.
    expect(statements).toBeLessThan(80);
  });

  it('writes a burst of 200 appends per writer as one statement per writer', async () => {
    const before = db.statements;
    await Promise.all(
      ['burst-a', 'burst-b'].map(async (writer) => {
        const audit = createAuditWriter({ db, writer, hmacKey });
        await Promise.all(
          Array.from({ length: 200 }, (_, i) => audit.append(operationRecord(`${writer}-${i}`))),
        );
        await audit.close();
      }),
    );
    // Per writer: the head read (lock + select) and one insert of all 200.
    expect(db.statements - before).toBe(6);
  });

  it('fails closed while the store is down and resumes without a restart', async () => {
    const control = controllableDatabase(db);
    const audit = createAuditWriter({ db: control.db, writer: 'flaky', hmacKey });
    await Promise.all([1, 2, 3].map((i) => audit.append(operationRecord(`flaky-${i}`))));
    control.switches.down = true;
    const failed = await Promise.allSettled(
      [4, 5, 6].map((i) => audit.append(operationRecord(`lost-${i}`))),
    );
    expect(
      failed.map(
        (outcome) => outcome.status === 'rejected' && outcome.reason instanceof AuditWriteError,
      ),
    ).toEqual([true, true, true]);
    control.switches.down = false;
    expect(await audit.append(operationRecord('flaky-4'))).toMatchObject({ seq: 4 });
    await audit.close();
    expect(await verifyChain(db, 'flaky')).toMatchObject({ entries: 4 });
  });

  if (mode === 'postgres') {
    it('fails closed while the database refuses connections and resumes when it accepts them', async () => {
      const name = (await db.query<{ name: string }>('SELECT current_database() AS name'))[0].name;
      const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
      await admin.connect();
      const audit = createAuditWriter({ db, writer: 'outage', hmacKey });
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        await audit.append(operationRecord('outage-1'));
        await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        await expect(audit.append(operationRecord('outage-2'))).rejects.toThrow(AuditWriteError);
        await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
        expect(await audit.append(operationRecord('outage-3'))).toMatchObject({ seq: 2 });
      } finally {
        await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
        await admin.end();
        await audit.close();
        warn.mockRestore();
      }
      expect(await verifyChain(db, 'outage')).toMatchObject({ entries: 2 });
    });
  }

  it('stores subjects only as HMAC + masked id', async () => {
    const citizen = personId(77);
    const other = personId(78);
    const audit = createAuditWriter({ db, writer: 'privacy', hmacKey });
    await audit.append(
      operationRecord('privacy-1', {
        caller: { sub: citizen, clientType: 'citizen', roles: [], personId: citizen },
        subjects: [citizen, other],
      }),
    );
    await audit.append(
      resolverRecord('privacy-2', { resolved: [{ subject: other, fields: ['Person.name'] }] }),
    );
    await audit.close();
    const clearCount = async (id: string) => {
      const rows = await db.query<{ count: number }>(
        `SELECT (SELECT count(*) FROM audit.entries e WHERE e::text LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM audit.entry_subjects s WHERE s::text LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM audit.heads h WHERE h::text LIKE '%' || $1 || '%')
              + (SELECT count(*) FROM audit.anchors a WHERE a::text LIKE '%' || $1 || '%') AS count`,
        [id],
      );
      return Number(rows[0].count);
    };
    expect(await clearCount(citizen)).toBe(0);
    expect(await clearCount(other)).toBe(0);
    const indexed = await db.query<{ seq: string; subject_hmac: string; subject_masked: string }>(
      `SELECT s.seq::text AS seq, subject_hmac, subject_masked FROM audit.entry_subjects s
        WHERE writer = 'privacy' ORDER BY s.seq, subject_masked`,
    );
    expect(indexed).toEqual([
      { seq: '1', subject_hmac: subjectHmac(hmacKey, citizen), subject_masked: maskId(citizen) },
      { seq: '1', subject_hmac: subjectHmac(hmacKey, other), subject_masked: maskId(other) },
      { seq: '2', subject_hmac: subjectHmac(hmacKey, other), subject_masked: maskId(other) },
    ]);
  });

  it('finds entries by subject, caller fields and time, page by page, and exports them', async () => {
    const audit: AuditWriter = createAuditWriter({
      db,
      writer: 'searchable',
      hmacKey,
      now: () => new Date('2021-03-04T05:06:07.089Z'),
    });
    const subject = personId(300);
    await Promise.all([
      audit.append(operationRecord('s-1', { subjects: [subject] })),
      audit.append(
        operationRecord('s-2', {
          subjects: [subject],
          caller: {
            sub: 'u2',
            clientType: 'officer',
            dept: 'COURT',
            purpose: 'JUDICIAL',
            caseRef: 'C-9',
          },
          result: 'denied',
        }),
      ),
      audit.append(operationRecord('s-3', { subjects: [personId(301)] })),
      audit.append(resolverRecord('s-4', { resolved: [{ subject, fields: ['Person.name'] }] })),
    ]);
    await audit.close();
    const filter = { subject, from: '2021-03-04', to: '2021-03-04' };
    const first = await searchAuditEntries(db, filter, { hmacKey, first: 2 });
    expect(first.entries.map((e) => e.requestId)).toEqual(['s-1', 's-2']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await searchAuditEntries(db, filter, {
      hmacKey,
      first: 2,
      after: first.pageInfo.endCursor ?? undefined,
    });
    expect(second.entries.map((e) => e.requestId)).toEqual(['s-4']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.entries[0]).toMatchObject({
      writer: 'searchable',
      seq: 4,
      recordedAt: '2021-03-04T05:06:07.089000Z',
      kind: 'resolver',
    });
    const byCaller = await searchAuditEntries(
      db,
      {
        from: '2021-03-01',
        dept: 'COURT',
        purpose: 'JUDICIAL',
        caseRef: 'C-9',
        user: 'u2',
        result: 'denied',
      },
      { hmacKey },
    );
    expect(byCaller.entries.map((e) => e.requestId)).toEqual(['s-2']);
    const newest = await searchAuditEntries(
      db,
      { writer: 'searchable' },
      { order: 'desc', first: 1 },
    );
    expect(newest.entries.map((e) => e.requestId)).toEqual(['s-4']);
    expect(
      (await searchAuditEntries(db, { subject, to: '2021-03-03' }, { hmacKey })).entries,
    ).toEqual([]);

    const lines: string[] = [];
    const progress: number[] = [];
    const count = await exportAuditEntries(
      db,
      { writer: 'searchable', from: '2021-03-04', to: '2021-03-04' },
      (line) => {
        lines.push(line);
      },
      { pageSize: 3, onProgress: (n) => progress.push(n) },
    );
    expect(count).toBe(4);
    expect(progress).toEqual([3, 4]);
    const exported = lines.map((line) => JSON.parse(line) as ChainEntry);
    expect(exported.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
    // An export re-hashes off the system: every line carries all chained columns.
    expect(exported.map((entry) => entryHash(entry) === entry.hash)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(exported[0].prevHash).toBe(GENESIS_HASH);
  });

  it('prunes entries older than the retention and verifies the rest from the anchor', async () => {
    const days = (index: number) =>
      index < 5 ? new Date(Date.UTC(2019, 0, 1 + index)) : new Date(Date.UTC(2024, 0, index));
    await writeChain(db, 'retained', 8, days);
    const anchorEntry = await entryAt(db, 'retained', 5);
    await expect(
      pruneBefore(db, '2020-01-01', { retentionMonths: 5, now: new Date('2025-06-01T00:00:00Z') }),
    ).rejects.toThrow('audit retention of 5 months refused: the minimum is 6 months');
    await expect(
      pruneBefore(db, '2024-01-01', { retentionMonths: 36, now: new Date('2025-06-01T00:00:00Z') }),
    ).rejects.toThrow(
      'refusing to prune entries younger than the retention of 36 months: cutoff 2024-01-01T00:00:00.000Z is after 2022-06-01T00:00:00.000Z',
    );
    const result = await pruneBefore(db, '2020-01-01', {
      now: new Date('2025-06-01T00:00:00Z'),
    });
    expect(result).toEqual({
      cutoff: '2020-01-01T00:00:00.000Z',
      writers: [{ writer: 'retained', deleted: 5, anchor: { seq: 5, hash: anchorEntry.hash } }],
    });
    const report = await verifyChain(db, 'retained');
    expect(report).toMatchObject({ entries: 3, anchor: { seq: 5, hash: anchorEntry.hash } });
    expect(report.firstBroken).toBeUndefined();
    // The writer continues the pruned chain.
    const audit = createAuditWriter({ db, writer: 'retained', hmacKey });
    expect(await audit.append(operationRecord('after-prune'))).toMatchObject({ seq: 9 });
    await audit.close();
    // An entry smuggled back below the anchor is caught.
    await tamper(db, insertEntrySql(anchorEntry));
    expect((await verifyChain(db, 'retained')).firstBroken).toEqual({
      seq: 5,
      reason: 'anchor mismatch',
      detail: 'entry 5 is at or below the prune anchor at seq 5',
    });
  });

  it('refuses to prune a chain whose old entries were tampered with', async () => {
    await writeChain(db, 'old-broken', 4, (index) => new Date(Date.UTC(2018, 5, 1 + index)));
    await tamper(db, [
      `UPDATE audit.entries SET payload = '{}'::jsonb WHERE writer = 'old-broken' AND seq = 2`,
    ]);
    await expect(
      pruneBefore(db, '2019-01-01', { now: new Date('2025-06-01T00:00:00Z') }),
    ).rejects.toThrow(
      'refusing to prune chain old-broken: it is broken at seq 2 (hash mismatch (edited)); run npm run audit:verify and investigate first',
    );
    expect(
      await db.query(`SELECT seq FROM audit.entries WHERE writer = 'old-broken'`),
    ).toHaveLength(4);
  });
});

if (DB_MODES.includes('postgres')) {
  describe('audit command line on postgres', () => {
    const run = promisify(execFile);
    let databases: TestDatabases;
    let env: NodeJS.ProcessEnv;
    let folder: string;

    async function cli(script: string, args: string[]) {
      try {
        const { stdout, stderr } = await run(
          join(__dirname, '..', 'node_modules', '.bin', 'tsx'),
          [join(__dirname, '..', 'scripts', script), ...args],
          { env, cwd: folder },
        );
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failure = error as { code: number; stdout: string; stderr: string };
        return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
      }
    }

    beforeAll(async () => {
      databases = await openTestDatabases('postgres', ['auditcli']);
      const name = (
        await databases.dbs.auditcli.query<{ name: string }>('SELECT current_database() AS name')
      )[0].name;
      const url = new URL(TEST_PG_ADMIN_URL);
      url.pathname = `/${name}`;
      folder = mkdtempSync(join(tmpdir(), 'audit-cli-'));
      env = {
        ...process.env,
        // Relative paths are taken from where `npm run` was typed.
        INIT_CWD: folder,
        AUDIT_DATABASE_URL: url.toString(),
        AUDIT_HMAC_KEY: hmacKey.toString('hex'),
      };
      await migrateAuditStore(databases.dbs.auditcli);
      await writeChain(
        databases.dbs.auditcli,
        'gateway',
        6,
        () => new Date('2025-02-03T04:05:06Z'),
      );
    });

    afterAll(async () => {
      await databases?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('verifies, searches, exports, names a broken entry and explains usage errors', async () => {
      // Independent commands run side by side: each is a tsx process start (about a second).
      const [ok, found, exported, usage] = await Promise.all([
        cli('audit-verify.ts', []),
        cli('audit.ts', ['search', '--subject', personId(2), '--from', '2025-02-03']),
        cli('audit.ts', [
          'export',
          '--from',
          '2025-02-01',
          '--to',
          '2025-02-28',
          '--out',
          'q1.jsonl',
        ]),
        cli('audit.ts', ['export', '--from', '2025-01-01']),
      ]);
      const gatewayHead = await entryAt(databases.dbs.auditcli, 'gateway', 6);
      expect(ok.code).toBe(0);
      expect(ok.stderr).toContain('verify gateway: 6/6 entries');
      expect(ok.stdout).toContain('ok     gateway: 6 entries, head seq 6, from genesis');
      expect(ok.stdout).toContain(`head gateway seq=6 sha256=${gatewayHead.hash}`);

      expect(found.code).toBe(0);
      expect(found.stdout.trim().split('\n')).toEqual([
        `2025-02-03T04:05:06.000000Z  gateway#3  operation  request=gateway-3  user=officer-7  dept=TAX  client=officer  purpose=ADMIN_LICENSING  case=XK-2025-0001  operation=PersonCredit  result=partial  subjects=${maskId(personId(2))}`,
      ]);

      expect(exported.code).toBe(0);
      expect(exported.stderr).toContain('export: 6 entries…');
      expect(readFileSync(join(folder, 'q1.jsonl'), 'utf8').trim().split('\n')).toHaveLength(6);

      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('audit: export needs --from, --to and --out');

      writeFileSync(join(folder, 'digests.txt'), ok.stdout);
      await tamper(databases.dbs.auditcli, [
        `UPDATE audit.entries SET payload = jsonb_set(payload, '{dept}', '"PSB"')
          WHERE writer = 'gateway' AND seq = 4`,
      ]);
      const broken = await cli('audit-verify.ts', ['--known-digests', 'digests.txt']);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(
        'audit:verify: chain gateway is BROKEN at seq 4: hash mismatch (edited)',
      );
      expect(broken.stdout).toContain(
        'BROKEN gateway: first broken entry seq 4: hash mismatch (edited)',
      );
    });

    it('answers within --timeout when the store is locked, and refuses a timeout out of range', async () => {
      // An administrator's long ALTER (or a stuck session) holds the entries table: a search
      // must fail with a message within its bound, not hang the auditor's terminal.
      let release = (): void => undefined;
      let locked = (): void => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = databases.dbs.auditcli.transaction(async (tx) => {
        await tx.query('LOCK TABLE audit.entries IN ACCESS EXCLUSIVE MODE');
        locked();
        await held;
      });
      await lockTaken;
      const began = Date.now();
      const [stuck, badTimeout] = await Promise.all([
        cli('audit.ts', ['search', '--from', '2025-02-03', '--timeout', '2']),
        cli('audit.ts', ['search', '--from', '2025-02-03', '--timeout', '0']),
      ]).finally(() => release());
      await holder;
      expect(stuck.code).toBe(1);
      expect(stuck.stderr).toContain(
        'audit: the audit store did not answer within 2 s (--timeout)',
      );
      // tsx start (about a second, more under load) + the 2 s bound + the server's cancel.
      expect(Date.now() - began).toBeLessThan(30_000);
      expect(badTimeout.code).toBe(2);
      expect(badTimeout.stderr).toContain(
        '--timeout must be a whole number of seconds from 1 to 3600',
      );
    });
  });
}
