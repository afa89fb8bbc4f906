import { randomUUID } from 'node:crypto';

import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { createCreditFeedStore } from '../credit-feed-store';
import type { Database, Queryable } from '../db/database';
import { createDisclosureFeedStore } from '../disclosure-feed-store';
import { createDecisionLedgerStore } from './decision-ledger-store';
import type { LedgerDecision } from './decision-ledger-store';
import type { DecisionChange, DecisionProjection } from './decision-projection';
import { DecisionRefusal } from './decision-refusal';
import type { DecisionValues } from './decision-values';
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

/** What a write did, as the `DecisionWriteResult` SDL type plus the subject for the audit. */
export interface DecisionWrite {
  kind: string;
  decisionNo: string;
  recordId: string;
  outcome: 'INSERTED' | 'UNCHANGED' | 'CORRECTED' | 'ENDED' | 'REVOKED';
  version: number;
  /** Citizen id (or USCC) the decision is about, in clear: the audit stores its HMAC. */
  subject: string;
}

/** A decision about to be written: whom it is about, its kind and number. */
export interface DecisionIntent {
  /** Citizen id (or USCC) in clear: the audit stores its HMAC. */
  subject: string;
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

function subjectOf(kind: DecisionKind, values: DecisionValues): string {
  const field = kind.personField ?? kind.usccField;
  const subject = field ? values[field] : null;
  if (!subject) throw new Error(`decision kind ${kind.kind} has no subject field`);
  return subject;
}

/** What the audit records before a decision with these values is written. */
export function intentOf(kind: DecisionKind, values: DecisionValues): DecisionIntent {
  return {
    subject: subjectOf(kind, values),
    kind: kind.kind,
    decisionNo: values[kind.decisionNoField] ?? '',
  };
}

function differingFields(kind: DecisionKind, a: DecisionValues, b: DecisionValues): string[] {
  return kind.fields.map((f) => f.name).filter((name) => (a[name] ?? null) !== (b[name] ?? null));
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
    const versions = await projection.apply(tx, change);
    await creditFeed.append(tx, versions.credit);
    if (versions.disclosure.length > 0) {
      if (!disclosureFeed) throw new Error(`${options.schema} has no disclosure feed`);
      await disclosureFeed.append(tx, versions.disclosure);
    }
  }

  function result(
    kind: DecisionKind,
    decision: LedgerDecision,
    outcome: DecisionWrite['outcome'],
  ): DecisionWrite {
    return {
      kind: kind.kind,
      decisionNo: decision.decisionNo,
      recordId: decision.recordId,
      outcome,
      version: decision.version,
      subject: subjectOf(kind, decision.values),
    };
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

  async function recordParsed(
    kind: DecisionKind,
    values: DecisionValues,
    author: DecisionAuthor,
    dryRun: boolean,
  ): Promise<DecisionWrite> {
    const { writtenBy } = author;
    const decisionNo = values[kind.decisionNoField] ?? '';
    return inTransaction(dryRun, async (tx) => {
      // Opaque: the record id travels to the credit platform (source record id, CreditRecord.id),
      // where a decision number (a court's 案号) must not; the ledger alone maps the two.
      const recordId = randomUUID();
      const subject = subjectOf(kind, values);
      const inserted =
        (await ledger.lock(tx, kind.kind, decisionNo)) === null
          ? await ledger.insert(
              tx,
              { kind: kind.kind, decisionNo, recordId, values },
              subject,
              writtenBy,
            )
          : null;
      if (!inserted) {
        const existing = await ledger.lock(tx, kind.kind, decisionNo);
        if (!existing) throw new Error(`decision ${decisionNo} vanished while locked`);
        if (existing.status === 'REVOKED') {
          // Not UNCHANGED: the caller would take the decision for in force.
          throw new DecisionRefusal([
            {
              field: kind.decisionNoField,
              reason: `decision ${decisionNo} was revoked on ${existing.statusChangedAt ?? '?'}: a new decision takes a new number`,
            },
          ]);
        }
        const differing = differingFields(kind, existing.values, values);
        if (differing.length === 0) return result(kind, existing, 'UNCHANGED');
        throw new DecisionRefusal(
          differing.map((field) => ({
            field,
            reason: `decision ${decisionNo} is already recorded with a different ${field} (correct it explicitly)`,
          })),
        );
      }
      await publish(tx, { kind, recordId, values, change: 'record', writtenBy });
      return result(kind, inserted, kind.action === 'end' ? 'ENDED' : 'INSERTED');
    });
  }

  return {
    /**
     * Records one decision: idempotent by decision number (same content: UNCHANGED; different
     * content: DecisionRefusal naming the differing fields). `dryRun` writes nothing.
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

    /** Corrects a recorded decision: a new version, the previous one kept with who replaced it. */
    async correct(
      kind: DecisionKind,
      raw: readonly RawValue[],
      author: DecisionAuthor,
    ): Promise<DecisionWrite> {
      const { writtenBy } = author;
      const values = parse(kind, raw);
      const decisionNo = values[kind.decisionNoField] ?? '';
      await author.beforeWrite([intentOf(kind, values)]);
      return inTransaction(false, async (tx) => {
        const current = await ledger.lock(tx, kind.kind, decisionNo);
        if (!current) {
          throw new DecisionRefusal([
            {
              field: kind.decisionNoField,
              reason: `no ${kind.kind} decision ${decisionNo} is recorded`,
            },
          ]);
        }
        if (current.status === 'REVOKED') {
          throw new DecisionRefusal([
            { field: kind.decisionNoField, reason: `decision ${decisionNo} is revoked` },
          ]);
        }
        if (differingFields(kind, current.values, values).length === 0) {
          return result(kind, current, 'UNCHANGED');
        }
        const next = await ledger.update(
          tx,
          current,
          { values, status: current.status, statusChangedAt: current.statusChangedAt },
          subjectOf(kind, values),
          'CORRECTED',
          writtenBy,
        );
        await publish(tx, {
          kind,
          recordId: current.recordId,
          values,
          change: 'correct',
          writtenBy,
        });
        return result(kind, next, 'CORRECTED');
      });
    },

    /** Revokes a recorded decision as of `revokedAt`: withdrawn from the platform and disclosure. */
    async revoke(
      kind: DecisionKind,
      decisionNo: string,
      revokedAtText: string,
      author: DecisionAuthor,
    ): Promise<DecisionWrite> {
      const { writtenBy } = author;
      if (kind.action === 'end') {
        throw new DecisionRefusal([
          { field: 'kind', reason: `${kind.kind} ends another decision; correct it instead` },
        ]);
      }
      const revokedAt = parseDecisionValues(
        {
          ...kind,
          fields: [{ name: 'revokedAt', label: '撤销日期', type: 'date', required: true }],
        },
        [{ field: 'revokedAt', value: revokedAtText }],
        now(),
      );
      if (!revokedAt.ok) throw new DecisionRefusal(revokedAt.problems);
      const on = revokedAt.values.revokedAt ?? '';
      const missing = () =>
        new DecisionRefusal([
          { field: 'decisionNo', reason: `no ${kind.kind} decision ${decisionNo} is recorded` },
        ]);
      const recorded = await ledger.find(db, kind.kind, normalizeDecisionNo(decisionNo));
      if (!recorded) throw missing();
      const intent = intentOf(kind, recorded.values);
      await author.beforeWrite([intent]);
      return inTransaction(false, async (tx) => {
        const current = await ledger.lock(tx, kind.kind, normalizeDecisionNo(decisionNo));
        if (!current) throw missing();
        if (subjectOf(kind, current.values) !== intent.subject) {
          // Corrected to another person meanwhile: the audited attempt named the first.
          throw new DecisionRefusal([
            { field: 'decisionNo', reason: `decision ${decisionNo} changed meanwhile: retry` },
          ]);
        }
        if (current.status === 'REVOKED') return result(kind, current, 'UNCHANGED');
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
        await publish(tx, {
          kind,
          recordId: current.recordId,
          values: current.values,
          change: 'revoke',
          revokedAt: on,
          writtenBy,
        });
        return result(kind, next, 'REVOKED');
      });
    },

    /**
     * Records parsed values (the batch import validates rows itself to report every problem, and
     * calls `author.beforeWrite` once for all its rows before the first).
     */
    recordParsed,
  };
}

export type DecisionWriter = ReturnType<typeof createDecisionWriter>;
