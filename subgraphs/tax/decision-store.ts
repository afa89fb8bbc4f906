import type { Queryable } from '../kit/db/database';
import type {
  DecisionChange,
  DecisionProjection,
  FeedVersions,
} from '../kit/decisions/decision-projection';
import { numbersInTable } from '../kit/decisions/seeded-numbers';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';
import type { DecisionValues } from '../kit/decisions/decision-values';
import type { TaxArrearRecord, TaxViolationRecord } from './records';
import { violationDisclosureEntry, TAX_AUTHORITY } from './tax-disclosure-entries';
import { arrearFeedEntry, violationFeedEntry } from './tax-feed-entries';

const ARREAR_COLUMNS = `id, person_id AS "personId", tax_type AS "taxType", amount::float8 AS amount,
  to_char(since, 'YYYY-MM-DD') AS since, status, to_char(paid_at, 'YYYY-MM-DD') AS "paidAt",
  decision_no AS "decisionNo"`;

const VIOLATION_COLUMNS = `id, person_id AS "personId", kind,
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", description,
  penalty_amount::float8 AS "penaltyAmount", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt",
  simple_procedure AS "simpleProcedure"`;

const none: FeedVersions = { credit: [], disclosure: [] };

function refuse(field: string, reason: string): DecisionRefusal {
  return new DecisionRefusal([{ field, reason }]);
}

async function applyArrear(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  if (change.change === 'revoke') {
    // tax.arrears knows no revoked state: an arrear revoked was never owed, so its row goes and
    // the feed's REVOKED version withdraws it from the credit platform.
    const [gone] = await tx.query<TaxArrearRecord>(
      `DELETE FROM tax.arrears WHERE id = $1 RETURNING ${ARREAR_COLUMNS}`,
      [change.recordId],
    );
    if (!gone) return none;
    const entry = arrearFeedEntry(gone);
    return {
      credit: [{ ...entry, status: 'REVOKED', statusChangedAt: change.revokedAt ?? null }],
      disclosure: [],
    };
  }
  const [arrear] = await tx.query<TaxArrearRecord>(
    `INSERT INTO tax.arrears (id, person_id, tax_type, amount, since, status, decision_no)
     VALUES ($1, $2, $3, $4::numeric, $5::date, 'OUTSTANDING', $6)
     ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id,
       tax_type = EXCLUDED.tax_type, amount = EXCLUDED.amount, since = EXCLUDED.since,
       decision_no = EXCLUDED.decision_no
     RETURNING ${ARREAR_COLUMNS}`,
    [change.recordId, v.personId, v.taxType, v.amount, v.since, v.decisionNo],
  );
  return { credit: [arrearFeedEntry(arrear)], disclosure: [] };
}

async function applySettlement(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  if (change.change === 'reopen') {
    // The settlement no longer holds: the arrears it paid are outstanding again.
    const [reopened] = await tx.query<TaxArrearRecord>(
      `UPDATE tax.arrears SET status = 'OUTSTANDING', paid_at = NULL
       WHERE decision_no = $1 AND person_id = $2 AND status = 'PAID' AND paid_at = $3::date
       RETURNING ${ARREAR_COLUMNS}`,
      [v.arrearDecisionNo, v.personId, v.paidAt],
    );
    return reopened ? { credit: [arrearFeedEntry(reopened)], disclosure: [] } : none;
  }
  const [arrear] = await tx.query<TaxArrearRecord>(
    `SELECT ${ARREAR_COLUMNS} FROM tax.arrears WHERE decision_no = $1 AND person_id = $2
     FOR UPDATE`,
    [v.arrearDecisionNo, v.personId],
  );
  if (!arrear) throw refuse('arrearDecisionNo', 'no arrears of this person with this number');
  if (arrear.status === 'PAID') {
    throw refuse('arrearDecisionNo', 'these arrears are already paid (settled once)');
  }
  if ((v.paidAt ?? '') < arrear.since) throw refuse('paidAt', 'before the arrears arose');
  const [paid] = await tx.query<TaxArrearRecord>(
    `UPDATE tax.arrears SET status = 'PAID', paid_at = $2::date WHERE id = $1
     RETURNING ${ARREAR_COLUMNS}`,
    [arrear.id, v.paidAt],
  );
  return { credit: [arrearFeedEntry(paid)], disclosure: [] };
}

async function applyViolation(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  let violation: TaxViolationRecord | undefined;
  if (change.change === 'revoke') {
    [violation] = await tx.query<TaxViolationRecord>(
      `UPDATE tax.violations SET status = 'REVOKED', status_changed_at = $2::date WHERE id = $1
       RETURNING ${VIOLATION_COLUMNS}`,
      [change.recordId, change.revokedAt],
    );
  } else {
    [violation] = await tx.query<TaxViolationRecord>(
      `INSERT INTO tax.violations (id, person_id, kind, decided_at, decision_no, description,
         penalty_amount, status, simple_procedure)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7::numeric, 'ACTIVE', $8)
       ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, kind = EXCLUDED.kind,
         decided_at = EXCLUDED.decided_at, decision_no = EXCLUDED.decision_no,
         description = EXCLUDED.description, penalty_amount = EXCLUDED.penalty_amount,
         simple_procedure = EXCLUDED.simple_procedure
       RETURNING ${VIOLATION_COLUMNS}`,
      [
        change.recordId,
        v.personId,
        v.violationKind,
        v.decidedAt,
        v.decisionNo,
        v.description,
        v.penaltyAmount,
        v.procedure === 'SIMPLE',
      ],
    );
  }
  if (!violation) return none;
  return {
    credit: [violationFeedEntry(violation)],
    disclosure: [
      violationDisclosureEntry(violation, v.partyName ?? '', v.authority ?? TAX_AUTHORITY),
    ],
  };
}

/** A seeded arrear numbered `decisionNo`, as the ledger would keep it. */
async function unrecordedArrear(
  q: Queryable,
  decisionNo: string,
  given: DecisionValues | null,
): Promise<{ recordId: string; values: DecisionValues } | null> {
  const [arrear] = await q.query<TaxArrearRecord>(
    `SELECT ${ARREAR_COLUMNS} FROM tax.arrears WHERE decision_no = $1 ORDER BY id LIMIT 1`,
    [decisionNo],
  );
  if (!arrear) return null;
  return {
    recordId: arrear.id,
    values: {
      personId: arrear.personId,
      decisionNo,
      taxType: arrear.taxType,
      amount: arrear.amount.toFixed(2),
      since: arrear.since,
      authority: given?.authority ?? null,
    },
  };
}

/** A seeded violation numbered `decisionNo`, as the ledger would keep it. */
async function unrecordedViolation(
  q: Queryable,
  decisionNo: string,
  given: DecisionValues | null,
): Promise<{ recordId: string; values: DecisionValues } | null> {
  const [violation] = await q.query<TaxViolationRecord>(
    `SELECT ${VIOLATION_COLUMNS} FROM tax.violations WHERE decision_no = $1 ORDER BY id LIMIT 1`,
    [decisionNo],
  );
  if (!violation) return null;
  return {
    recordId: violation.id,
    values: {
      personId: violation.personId,
      partyName: given?.partyName ?? null,
      decisionNo,
      violationKind: violation.kind,
      decidedAt: violation.decidedAt,
      description: violation.description,
      penaltyAmount: violation.penaltyAmount === null ? null : violation.penaltyAmount.toFixed(2),
      // The tables keep only "simple or not": a general one takes the caller's spelling (absent
      // and GENERAL mean the same).
      procedure: violation.simpleProcedure ? 'SIMPLE' : (given?.procedure ?? null),
      authority: given?.authority ?? null,
    },
  };
}

/** New violation decisions of a batch in one statement, in the order given (a batch import). */
async function recordViolations(
  tx: Queryable,
  changes: readonly DecisionChange[],
): Promise<FeedVersions[]> {
  const rows = await tx.query<TaxViolationRecord>(
    `INSERT INTO tax.violations (id, person_id, kind, decided_at, decision_no, description,
       penalty_amount, status, simple_procedure)
     SELECT id, person_id, kind, decided_at, decision_no, description, penalty_amount, 'ACTIVE',
       simple_procedure
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id text, person_id text, kind text,
       decided_at date, decision_no text, description text, penalty_amount numeric,
       simple_procedure boolean))
       WITH ORDINALITY AS x(id, person_id, kind, decided_at, decision_no, description,
       penalty_amount, simple_procedure, ordinality)
     ORDER BY ordinality
     RETURNING ${VIOLATION_COLUMNS}`,
    [
      JSON.stringify(
        changes.map(({ recordId, values: v }) => ({
          id: recordId,
          person_id: v.personId,
          kind: v.violationKind,
          decided_at: v.decidedAt,
          decision_no: v.decisionNo,
          description: v.description,
          penalty_amount: v.penaltyAmount,
          simple_procedure: v.procedure === 'SIMPLE',
        })),
      ),
    ],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return changes.map(({ recordId, values: v }) => {
    const violation = byId.get(recordId);
    if (!violation) throw new Error(`violation ${recordId} was not inserted`);
    return {
      credit: [violationFeedEntry(violation)],
      disclosure: [
        violationDisclosureEntry(violation, v.partyName ?? '', v.authority ?? TAX_AUTHORITY),
      ],
    };
  });
}

/** Where `findUnrecorded` finds each kind's seeded decisions, for the batch's set-wise lookup. */
const SEEDED_TABLES: Readonly<Record<string, string>> = {
  arrears: 'tax.arrears',
  violations: 'tax.violations',
};

/** How the tax bureau's tables take its recorded decisions (kinds of lib/decision-kinds). */
export const taxDecisionProjection: DecisionProjection = {
  reopen(tx, change) {
    return taxDecisionProjection.apply(tx, { ...change, change: 'reopen' });
  },
  seededNumbers(q, kind, decisionNos) {
    const table = SEEDED_TABLES[kind.kind];
    return table ? numbersInTable(q, table, decisionNos) : Promise.resolve(null);
  },
  findUnrecorded(q, kind, decisionNo, given) {
    if (kind.kind === 'arrears') return unrecordedArrear(q, decisionNo, given);
    if (kind.kind === 'violations') return unrecordedViolation(q, decisionNo, given);
    return Promise.resolve(null);
  },
  apply(tx, change) {
    switch (change.kind.kind) {
      case 'arrears':
        return applyArrear(tx, change);
      case 'arrear-settlements':
        return applySettlement(tx, change);
      case 'violations':
        return applyViolation(tx, change);
      default:
        throw new Error(`tax has no decision kind ${change.kind.kind}`);
    }
  },
  async recordMany(tx, changes) {
    const batchable = changes.every(
      (change) => change.change === 'record' && change.kind.kind === 'violations',
    );
    return batchable && changes.length > 0 ? recordViolations(tx, changes) : null;
  },
};
