import { randomUUID } from 'node:crypto';

import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { createCreditFeedStore } from '../credit-feed-store';
import type { Database, Queryable } from '../db/database';
import { createDisclosureFeedStore } from '../disclosure-feed-store';
import { createDecisionLedgerStore } from './decision-ledger-store';
import type { LedgerDecision } from './decision-ledger-store';
import type { DecisionChange, DecisionProjection, FeedVersions } from './decision-projection';
import { DecisionRefusal } from './decision-refusal';
import type { DecisionValues } from './decision-values';
import {
  differingFields,
  recordedOutcome,
  subjectOf,
  subjectsOf,
  unchangedOrRefused,
  writeOf,
} from './decision-write';
import type { DecisionWrite } from './decision-write';
import { recordDecisionBatch } from './record-decision-batch';
import type { BatchRow, BatchRowResult } from './record-decision-batch';
import { normalizeDecisionNo } from './normalize-decision-no';
import { parseDecisionValues } from './parse-decision-values';
import type { RawValue } from './parse-decision-values';

/** Options of {@link createDecisionWriter}. */
export interface DecisionWriterOptions {
  /** The department's database schema (its subgraph name, e.g. `tax`). */
  schema: string;
  db: Database;
  /** How the department's own tables take a decision. */
  projection: DecisionProjection;
  /** Whether the schema has a disclosure feed (双公示); default false. */
  disclosureFeed?: boolean;
  /** Clock for "not in the future"; default `() => new Date()`. */
  now?: () => Date;
}

export type { DecisionWrite } from './decision-write';

/** A decision about to be written: whom it is about, its kind and number. */
export interface DecisionIntent {
  /** Citizen ids (or USCCs) in clear, as in {@link DecisionWrite.subjects}. */
  subjects: string[];
  kind: string;
  decisionNo: string;
}

/** Who writes, and what must succeed before anything is written. */
export interface DecisionAuthor {
  /** The caller's subject (`sub`), kept with every version written. */
  writtenBy: string;
  /**
   * Called before the write's transaction opens (never in a dry run) with what is about to be
   * written: the audit record of the attempt. If it rejects, nothing is written and the rejection
   * is thrown. (Not inside the transaction: the embedded store runs one transaction at a time,
   * and the audit store may be that same database.)
   */
  beforeWrite(intents: readonly DecisionIntent[]): Promise<void>;
}

/** Thrown inside a dry run's transaction to roll it back with the result it would have had. */
class DryRunRollback extends Error {
  constructor(readonly write: DecisionWrite) {
    super('dry run');
  }
}

/** Who writes a seeded decision's first ledger version when a write finds it in the tables. */
const SEED_AUTHOR = 'seed';

/** What the audit records before a decision with these values (replacing `previous`) is written. */
export function intentOf(
  kind: DecisionKind,
  values: DecisionValues,
  previous?: DecisionValues,
): DecisionIntent {
  return {
    subjects: subjectsOf(kind, values, previous),
    kind: kind.kind,
    decisionNo: values[kind.decisionNoField] ?? '',
  };
}

function sameSubjects(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((subject) => b.includes(subject));
}

/**
 * The write side of a department's decisions (one per subgraph): validates values against the
 * kind (lib/decision-kinds), keeps the ledger idempotent by decision number, applies the change to
 * the department's tables through its projection and appends the feed versions to its outboxes,
 * all in ONE transaction per decision, so nothing partial is ever written. The attempt is
 * audited before that transaction opens (`DecisionAuthor.beforeWrite`): a write the audit log
 * cannot record is not made.
 */
export function createDecisionWriter(options: DecisionWriterOptions) {
  const { db, projection } = options;
  const now = options.now ?? (() => new Date());
  const ledger = createDecisionLedgerStore(options.schema);
  const creditFeed = createCreditFeedStore(options.schema);
  const disclosureFeed = options.disclosureFeed
    ? createDisclosureFeedStore(options.schema)
    : undefined;

  function parse(kind: DecisionKind, raw: readonly RawValue[]): DecisionValues {
    const parsed = parseDecisionValues(kind, raw, now());
    if (!parsed.ok) throw new DecisionRefusal(parsed.problems);
    return parsed.values;
  }

  async function publish(tx: Queryable, change: DecisionChange): Promise<void> {
    await append(tx, await projection.apply(tx, change));
  }

  async function append(tx: Queryable, versions: FeedVersions): Promise<void> {
    await creditFeed.append(tx, versions.credit);
    if (versions.disclosure.length > 0) {
      if (!disclosureFeed) throw new Error(`${options.schema} has no disclosure feed`);
      await disclosureFeed.append(tx, versions.disclosure);
    }
  }

  /**
   * A decision of `kind` the department's tables hold but the ledger does not (a seeded one), as
   * the ledger would hold it: a number already in use there is the same decision, not a new one.
   */
  async function unrecorded(
    q: Queryable,
    kind: DecisionKind,
    decisionNo: string,
    given: DecisionValues | null,
  ): Promise<{ recordId: string; values: DecisionValues } | null> {
    return (await projection.findUnrecorded?.(q, kind, decisionNo, given)) ?? null;
  }

  /** The decision as it stands, ledger or tables, unlocked (to audit an attempt); null if none. */
  async function peek(
    kind: DecisionKind,
    decisionNo: string,
    given: DecisionValues | null,
  ): Promise<DecisionValues | null> {
    const recorded = await ledger.find(db, kind.kind, decisionNo);
    if (recorded) return recorded.values;
    return (await unrecorded(db, kind, decisionNo, given))?.values ?? null;
  }

  /**
   * The decision locked in the ledger; a seeded one (in the tables only) is first entered into
   * the ledger as its version 1, written by the seed, so every write after compares against it.
   */
  async function lockOrAdopt(
    tx: Queryable,
    kind: DecisionKind,
    decisionNo: string,
    given: DecisionValues | null,
  ): Promise<LedgerDecision | null> {
    const recorded = await ledger.lock(tx, kind.kind, decisionNo);
    if (recorded) return recorded;
    const seeded = await unrecorded(tx, kind, decisionNo, given);
    if (!seeded) return null;
    const adopted = await ledger.insert(
      tx,
      { kind: kind.kind, decisionNo, recordId: seeded.recordId, values: seeded.values },
      subjectOf(kind, seeded.values),
      SEED_AUTHOR,
    );
    return adopted ?? ledger.lock(tx, kind.kind, decisionNo);
  }

  /**
   * The ending `ending` no longer holds (corrected or revoked): the decision it ended is open
   * again, unless that decision was itself revoked (it stays withdrawn).
   */
  async function reopenTarget(
    tx: Queryable,
    kind: DecisionKind,
    ending: LedgerDecision,
    writtenBy: string,
  ): Promise<void> {
    if (!kind.ends) return;
    const targetNo = ending.values[kind.ends.refField];
    const target = targetNo ? await ledger.find(tx, kind.ends.kind, targetNo) : null;
    if (target?.status === 'REVOKED') return;
    if (!projection.reopen) {
      throw new DecisionRefusal([
        { field: 'kind', reason: `an ending of kind ${kind.kind} cannot be undone` },
      ]);
    }
    const versions = await projection.reopen(tx, {
      kind,
      recordId: ending.recordId,
      values: ending.values,
      change: 'reopen',
      writtenBy,
    });
    await append(tx, versions);
  }

  /** Runs `work` in a transaction; in a dry run, rolls it back and returns what it would do. */
  async function inTransaction(
    dryRun: boolean,
    work: (tx: Queryable) => Promise<DecisionWrite>,
  ): Promise<DecisionWrite> {
    try {
      return await db.transaction(async (tx) => {
        const write = await work(tx);
        if (dryRun) throw new DryRunRollback(write);
        return write;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.write;
      throw error;
    }
  }

  const notRecorded = (kind: DecisionKind, field: string) =>
    new DecisionRefusal([
      { field, reason: `no ${kind.kind} decision with this number is recorded` },
    ]);

  /**
   * Records one decision inside `tx`: idempotent by decision number, seeded decisions included.
   * The one rule of "recorded again" for a single write and for every row of a batch.
   */
  async function recordIn(
    tx: Queryable,
    kind: DecisionKind,
    values: DecisionValues,
    writtenBy: string,
  ): Promise<DecisionWrite> {
    const decisionNo = values[kind.decisionNoField] ?? '';
    let existing = await lockOrAdopt(tx, kind, decisionNo, values);
    if (!existing) {
      // Opaque: the record id travels to the credit platform (source record id,
      // CreditRecord.id), where a decision number (a court's 案号) must not; the ledger alone
      // maps the two.
      const recordId = randomUUID();
      const inserted = await ledger.insert(
        tx,
        { kind: kind.kind, decisionNo, recordId, values },
        subjectOf(kind, values),
        writtenBy,
      );
      if (inserted) {
        await publish(tx, { kind, recordId, values, change: 'record', writtenBy });
        return writeOf(kind, inserted, recordedOutcome(kind));
      }
      // Recorded meanwhile by a concurrent write: compare with it.
      existing = await ledger.lock(tx, kind.kind, decisionNo);
      if (!existing) throw new Error(`a ${kind.kind} decision vanished while locked`);
    }
    return writeOf(kind, existing, unchangedOrRefused(kind, existing, values));
  }

  async function recordParsed(
    kind: DecisionKind,
    values: DecisionValues,
    author: DecisionAuthor,
    dryRun: boolean,
  ): Promise<DecisionWrite> {
    return inTransaction(dryRun, (tx) => recordIn(tx, kind, values, author.writtenBy));
  }

  return {
    /**
     * Records one decision: idempotent by decision number, seeded decisions included (same
     * content: UNCHANGED; different content: DecisionRefusal naming the differing fields).
     * `dryRun` writes nothing.
     */
    async record(
      kind: DecisionKind,
      raw: readonly RawValue[],
      author: DecisionAuthor,
      dryRun = false,
    ): Promise<DecisionWrite> {
      const values = parse(kind, raw);
      if (!dryRun) await author.beforeWrite([intentOf(kind, values)]);
      return recordParsed(kind, values, author, dryRun);
    },

    /**
     * Corrects a recorded decision: a new version, the previous one kept with who replaced it.
     * The audit names whom the decision was about before and after. Correcting an ending re-opens
     * the decision it ended and ends the one it now names, in the same transaction.
     */
    async correct(
      kind: DecisionKind,
      raw: readonly RawValue[],
      author: DecisionAuthor,
    ): Promise<DecisionWrite> {
      const { writtenBy } = author;
      const values = parse(kind, raw);
      const decisionNo = values[kind.decisionNoField] ?? '';
      const before = await peek(kind, decisionNo, values);
      if (!before) throw notRecorded(kind, kind.decisionNoField);
      const intent = intentOf(kind, values, before);
      await author.beforeWrite([intent]);
      return inTransaction(false, async (tx) => {
        const current = await lockOrAdopt(tx, kind, decisionNo, values);
        if (!current) throw notRecorded(kind, kind.decisionNoField);
        if (!sameSubjects(subjectsOf(kind, current.values), subjectsOf(kind, before))) {
          // Corrected to someone else meanwhile: the audited attempt named the others.
          throw new DecisionRefusal([
            { field: kind.decisionNoField, reason: 'this decision changed meanwhile: retry' },
          ]);
        }
        if (current.status === 'REVOKED') {
          throw new DecisionRefusal([
            { field: kind.decisionNoField, reason: 'this decision is revoked' },
          ]);
        }
        if (differingFields(kind, current.values, values).length === 0) {
          return writeOf(kind, current, 'UNCHANGED', intent.subjects);
        }
        const next = await ledger.update(
          tx,
          current,
          { values, status: current.status, statusChangedAt: current.statusChangedAt },
          subjectOf(kind, values),
          'CORRECTED',
          writtenBy,
        );
        if (kind.action === 'end') {
          // The first target is no longer ended by it; the one it names now is (checked as a new
          // ending: it must be open, and this person's).
          await reopenTarget(tx, kind, current, writtenBy);
          await publish(tx, {
            kind,
            recordId: current.recordId,
            values,
            change: 'record',
            writtenBy,
          });
        } else {
          await publish(tx, {
            kind,
            recordId: current.recordId,
            values,
            change: 'correct',
            previous: current.values,
            writtenBy,
          });
        }
        return writeOf(kind, next, 'CORRECTED', intent.subjects);
      });
    },

    /**
     * Revokes a recorded decision as of `revokedAt`: withdrawn from the platform and disclosure.
     * An ending revoked (entered in error) re-opens the decision it ended.
     */
    async revoke(
      kind: DecisionKind,
      decisionNo: string,
      revokedAtText: string,
      author: DecisionAuthor,
    ): Promise<DecisionWrite> {
      const { writtenBy } = author;
      const revokedAt = parseDecisionValues(
        {
          ...kind,
          fields: [{ name: 'revokedAt', label: '撤销日期', type: 'date', required: true }],
          requiredWhen: [],
          dateOrder: [],
        },
        [{ field: 'revokedAt', value: revokedAtText }],
        now(),
      );
      if (!revokedAt.ok) throw new DecisionRefusal(revokedAt.problems);
      const on = revokedAt.values.revokedAt ?? '';
      const number = normalizeDecisionNo(decisionNo);
      const before = await peek(kind, number, null);
      if (!before) throw notRecorded(kind, 'decisionNo');
      const intent = intentOf(kind, before);
      await author.beforeWrite([intent]);
      return inTransaction(false, async (tx) => {
        const current = await lockOrAdopt(tx, kind, number, null);
        if (!current) throw notRecorded(kind, 'decisionNo');
        if (!sameSubjects(subjectsOf(kind, current.values), intent.subjects)) {
          // Corrected to someone else meanwhile: the audited attempt named the others.
          throw new DecisionRefusal([
            { field: 'decisionNo', reason: 'this decision changed meanwhile: retry' },
          ]);
        }
        if (current.status === 'REVOKED') return writeOf(kind, current, 'UNCHANGED');
        const decidedAt = current.values[kind.dateField] ?? '';
        if (on < decidedAt) {
          throw new DecisionRefusal([{ field: 'revokedAt', reason: `before ${kind.dateField}` }]);
        }
        const next = await ledger.update(
          tx,
          current,
          { values: current.values, status: 'REVOKED', statusChangedAt: on },
          subjectOf(kind, current.values),
          'REVOKED',
          writtenBy,
        );
        if (kind.action === 'end') {
          await reopenTarget(tx, kind, current, writtenBy);
        } else {
          await publish(tx, {
            kind,
            recordId: current.recordId,
            values: current.values,
            change: 'revoke',
            revokedAt: on,
            writtenBy,
          });
        }
        return writeOf(kind, next, 'REVOKED');
      });
    },

    /**
     * Records the validated rows of a batch import in one transaction, each row with the rules of
     * `record` (see recordDecisionBatch). The import validates rows itself to report every
     * problem, and calls `author.beforeWrite` once for all its rows before this.
     */
    recordBatch(
      kind: DecisionKind,
      rows: readonly BatchRow[],
      author: DecisionAuthor,
      dryRun: boolean,
    ): Promise<BatchRowResult[]> {
      return recordDecisionBatch(
        { db, ledger, projection, publish: append, recordIn },
        kind,
        rows,
        author.writtenBy,
        dryRun,
      );
    },
  };
}

export type DecisionWriter = ReturnType<typeof createDecisionWriter>;
