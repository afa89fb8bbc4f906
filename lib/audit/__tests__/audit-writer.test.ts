import type { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../db/database';
import { openEmbeddedPostgres } from '../../db/open-database';
import { pgliteDatabase } from '../../db/pglite-database';
import { AuditWriteError, createAuditWriter } from '../audit-writer';
import { migrateAuditStore } from '../migrate-audit-store';
import { verifyChain } from '../verify-chain';
import { controllableDatabase } from './controllable-database';
import { operationRecord } from './sample-records';

const hmacKey = Buffer.alloc(32, 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createAuditWriter on PGlite', () => {
  let pg: PGlite;
  let base: Database;

  beforeAll(async () => {
    pg = await openEmbeddedPostgres();
    base = pgliteDatabase(pg);
    await migrateAuditStore(base);
  });
  afterAll(async () => {
    await pg?.close();
  });

  async function requestIds(writer: string): Promise<string[]> {
    const rows = await base.query<{ request_id: string }>(
      'SELECT request_id FROM audit.entries WHERE writer = $1 ORDER BY seq',
      [writer],
    );
    return rows.map((row) => row.request_id);
  }

  async function expectIntact(writer: string, entries: number) {
    expect(await verifyChain(base, writer)).toMatchObject({ writer, entries });
    expect((await verifyChain(base, writer)).firstBroken).toBeUndefined();
  }

  it('writes appends arriving while a batch commits as the next batch, one statement each', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'group', hmacKey, maxDelayMs: 1 });
    const openGate = control.closeGate();
    const first = audit.append(operationRecord('g1'));
    await sleep(20); // the first batch is now waiting at the gate (reading the chain head)
    const later = ['g2', 'g3', 'g4', 'g5'].map((id) => audit.append(operationRecord(id)));
    const before = base.statements;
    openGate();
    const results = await Promise.all([first, ...later]);
    expect(results.map((result) => result.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(control.switches.calls).toEqual([
      { call: 'transaction' }, // head read under the chain lock (2 statements)
      { call: 'query', rows: 1 },
      { call: 'query', rows: 4 },
    ]);
    expect(base.statements - before).toBe(4);
    expect(await requestIds('group')).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
    await expectIntact('group', 5);
    await audit.close();
  });

  it('commits an append on an idle writer at once: one request at a time pays one commit', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'alone', hmacKey });
    const before = base.statements;
    const pending = audit.append(operationRecord('a1'));
    // The commit is under way before any timer could have fired: no waiting window.
    await new Promise((resolve) => setImmediate(resolve));
    expect(control.switches.calls[0]).toEqual({ call: 'transaction' });
    expect(await pending).toMatchObject({ seq: 1 });
    for (const id of ['a2', 'a3', 'a4']) {
      await sleep(5); // the rest of one request before the next one's record
      await audit.append(operationRecord(id));
    }
    expect(control.switches.calls).toEqual([
      { call: 'transaction' }, // head read under the chain lock (2 statements), once
      { call: 'query', rows: 1 },
      { call: 'query', rows: 1 },
      { call: 'query', rows: 1 },
      { call: 'query', rows: 1 },
    ]);
    expect(base.statements - before).toBe(6);
    await expectIntact('alone', 4);
    await audit.close();
  });

  it('never makes a request that is alone wait, however densely records came before', async () => {
    const control = controllableDatabase(base);
    // Every record counts as dense here: only `alone` can spare the wait.
    const audit = createAuditWriter({
      db: control.db,
      writer: 'alone-dense',
      hmacKey,
      busyWindowMs: 60_000,
      busyDelayMs: 60_000, // until close() flushes it
    });
    await audit.append(operationRecord('q0'), { alone: true });
    const started: number[] = [];
    for (const id of ['q1', 'q2', 'q3']) {
      await sleep(1);
      const calls = control.switches.calls.length;
      const pending = audit.append(operationRecord(id), { alone: true });
      // Started before any timer could fire: no wait for company.
      await new Promise((resolve) => setImmediate(resolve));
      started.push(control.switches.calls.length - calls);
      await pending;
    }
    expect(started).toEqual([1, 1, 1]);
    // Not vacuous: the same record, not alone, waits for company.
    const calls = control.switches.calls.length;
    const waiting = audit.append(operationRecord('q4'));
    await new Promise((resolve) => setImmediate(resolve));
    const startedAtOnce = control.switches.calls.length - calls;
    await audit.close();
    await waiting;
    expect(startedAtOnce).toBe(0);
    await expectIntact('alone-dense', 5);
  });

  it('batches by itself while busy: appends during a commit follow in one statement', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'busy', hmacKey });
    await audit.append(operationRecord('busy-0'));
    const openGate = control.closeGate();
    const leader = audit.append(operationRecord('busy-1'));
    await new Promise((resolve) => setImmediate(resolve));
    const followers = Array.from({ length: 20 }, (_, i) =>
      audit.append(operationRecord(`busy-${i + 2}`)),
    );
    openGate();
    const results = await Promise.all([leader, ...followers]);
    expect(results.map((result) => result.seq)).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 2),
    );
    expect(control.switches.calls).toEqual([
      { call: 'transaction' },
      { call: 'query', rows: 1 },
      { call: 'query', rows: 1 }, // the leader, alone
      { call: 'query', rows: 20 }, // its followers, together
    ]);
    await expectIntact('busy', 22);
    await audit.close();
  });

  it('batches a burst up to maxBatch records per statement', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'burst', hmacKey, maxBatch: 4 });
    const ids = Array.from({ length: 10 }, (_, i) => `b${i + 1}`);
    const results = await Promise.all(ids.map((id) => audit.append(operationRecord(id))));
    expect(results.map((result) => result.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(control.switches.calls).toEqual([
      { call: 'transaction' },
      { call: 'query', rows: 4 },
      { call: 'query', rows: 4 },
      { call: 'query', rows: 2 },
    ]);
    await expectIntact('burst', 10);
    await audit.close();
  });

  it('fails closed while the store is down and resumes by itself when it is back', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'down', hmacKey });
    await Promise.all(['d1', 'd2', 'd3'].map((id) => audit.append(operationRecord(id))));
    control.switches.down = true;
    const failed = await Promise.allSettled(
      ['x1', 'x2', 'x3', 'x4', 'x5'].map((id) => audit.append(operationRecord(id))),
    );
    const message =
      'audit store unavailable, record not written (down): connection refused (test: store down)';
    expect(failed).toEqual(
      Array.from({ length: 5 }, () => ({
        status: 'rejected',
        reason: new AuditWriteError(message),
      })),
    );
    expect(failed.map((outcome) => outcome.status === 'rejected' && outcome.reason.code)).toEqual(
      Array.from({ length: 5 }, () => 'AUDIT_UNAVAILABLE'),
    );
    control.switches.down = false;
    const resumed = await Promise.all(['d4', 'd5'].map((id) => audit.append(operationRecord(id))));
    expect(resumed.map((result) => result.seq)).toEqual([4, 5]);
    expect(await requestIds('down')).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    await expectIntact('down', 5);
    await audit.close();
  });

  it('keeps the chain valid when a batch committed but its acknowledgement was lost', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'lost-ack', hmacKey });
    await audit.append(operationRecord('l1'));
    control.switches.loseAcks = true;
    const lost = await Promise.allSettled(
      ['l2', 'l3'].map((id) => audit.append(operationRecord(id))),
    );
    expect(lost.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    control.switches.loseAcks = false;
    expect(await audit.append(operationRecord('l4'))).toMatchObject({ seq: 4 });
    // The rejected records were committed: the audit errs on the side of recording.
    expect(await requestIds('lost-ack')).toEqual(['l1', 'l2', 'l3', 'l4']);
    await expectIntact('lost-ack', 4);
    await audit.close();
  });

  it('rejects appends whose commit hangs, and continues after the late commit', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({
      db: control.db,
      writer: 'slow',
      hmacKey,
      commitTimeoutMs: 50,
    });
    const openGate = control.closeGate();
    const late = audit.append(operationRecord('t1'));
    await expect(late).rejects.toThrow(AuditWriteError);
    await expect(late).rejects.toThrow(
      'audit store unavailable, record not written (slow): no commit within 50 ms',
    );
    openGate();
    await sleep(100); // the abandoned batch now commits after all
    expect(await audit.append(operationRecord('t2'))).toMatchObject({ seq: 2 });
    expect(await requestIds('slow')).toEqual(['t1', 't2']);
    await expectIntact('slow', 2);
    await audit.close();
  });

  it('fails each append within one timeout, even queued behind a batch that hangs', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({
      db: control.db,
      writer: 'hung',
      hmacKey,
      commitTimeoutMs: 300,
    });
    const openGate = control.closeGate();
    const first = audit.append(operationRecord('h1'));
    first.catch(() => undefined);
    await sleep(20);
    // Queued behind the hanging batch: it waited for that batch's timeout, then its own, before.
    const started = performance.now();
    const queued = audit.append(operationRecord('h2'));
    await expect(queued).rejects.toThrow('no commit within 300 ms');
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(500);
    await expect(first).rejects.toThrow(AuditWriteError);
    openGate();
    await sleep(100);
    // The queued record timed out before its batch began: dropped, never written late.
    expect(await requestIds('hung')).toEqual(['h1']);
    await expectIntact('hung', 1);
    await audit.close();
  });

  it('gives up sooner when an append asks for a shorter timeout', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'grace', hmacKey });
    const openGate = control.closeGate();
    await expect(audit.append(operationRecord('g1'), { timeoutMs: 40 })).rejects.toThrow(
      'no commit within 40 ms',
    );
    openGate();
    await audit.close();
  });

  it('tells whether the store takes writes, without writing anything', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'probe', hmacKey });
    const count = async () =>
      (await base.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.entries'))[0].n;
    const before = await count();
    expect(await audit.health()).toEqual({ ok: true });
    expect(await count()).toBe(before);
    const openGate = control.closeGate();
    expect(await audit.health(50)).toEqual({ ok: false, reason: 'no answer within 50 ms' });
    openGate();
    await base.query('ALTER TABLE audit.entries RENAME TO entries_gone');
    try {
      expect(await audit.health()).toEqual({
        ok: false,
        reason: expect.stringContaining('audit.entries'),
      });
    } finally {
      await base.query('ALTER TABLE audit.entries_gone RENAME TO entries');
    }
    expect(await audit.health()).toEqual({ ok: true });
    expect(await base.query("SELECT 1 FROM audit.entries WHERE writer = '~health'")).toEqual([]);
    await audit.close();
  });

  it('rejects an invalid record alone, before it can spoil its batch', async () => {
    const audit = createAuditWriter({ db: base, writer: 'invalid', hmacKey });
    const outcomes = await Promise.allSettled([
      audit.append(operationRecord('i1')),
      audit.append(operationRecord('i2', { extra: { bad: 'nul\u0000' } })),
      audit.append(operationRecord('i3')),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: expect.objectContaining({ seq: 1 }) },
      {
        status: 'rejected',
        reason: new AuditWriteError(
          'invalid audit record: cannot encode $.extra.bad canonically: string contains U+0000',
        ),
      },
      { status: 'fulfilled', value: expect.objectContaining({ seq: 2 }) },
    ]);
    await audit.close();
  });

  it('continues an existing chain in a new writer (restart) and close() flushes the queue', async () => {
    const firstRun = createAuditWriter({ db: base, writer: 'restart', hmacKey, maxDelayMs: 50 });
    const pending = ['s1', 's2'].map((id) => firstRun.append(operationRecord(id)));
    await firstRun.close();
    expect((await Promise.all(pending)).map((result) => result.seq)).toEqual([1, 2]);
    await expect(firstRun.append(operationRecord('s-late'))).rejects.toThrow(
      new AuditWriteError('audit writer restart is closed'),
    );
    const secondRun = createAuditWriter({ db: base, writer: 'restart', hmacKey });
    expect(await secondRun.append(operationRecord('s3'))).toMatchObject({ seq: 3 });
    await secondRun.close();
    await expectIntact('restart', 3);
  });

  it('rejects at once when maxQueue records are already waiting', async () => {
    const control = controllableDatabase(base);
    const audit = createAuditWriter({ db: control.db, writer: 'full', hmacKey, maxQueue: 2 });
    const openGate = control.closeGate();
    const first = audit.append(operationRecord('f1'));
    await sleep(10);
    const queued = [audit.append(operationRecord('f2')), audit.append(operationRecord('f3'))];
    await expect(audit.append(operationRecord('f4'))).rejects.toThrow(
      new AuditWriteError('audit writer full: 2 records already waiting'),
    );
    openGate();
    expect((await Promise.all([first, ...queued])).map((result) => result.seq)).toEqual([1, 2, 3]);
    await audit.close();
  });

  it('refuses a writer name that could not be printed in a digest line', () => {
    expect(() => createAuditWriter({ db: base, writer: 'my writer', hmacKey })).toThrow(
      'invalid audit writer name "my writer"',
    );
  });
});
