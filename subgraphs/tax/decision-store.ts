import type { Queryable } from '../kit/db/database';
import type {
  DecisionChange,
  DecisionProjection,
  FeedVersions,
} from '../kit/decisions/decision-projection';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';
import type { TaxArrearRecord, TaxViolationRecord } from './records';
import { violationDisclosureEntry, TAX_AUTHORITY } from './tax-disclosure-entries';
import { arrearFeedEntry, violationFeedEntry } from './tax-feed-entries';

const ARREAR_COLUMNS = `id, person_id AS "personId", tax_type AS "taxType", amount::float8 AS amount,
  to_char(since, 'YYYY-MM-DD') AS since, status, to_char(paid_at, 'YYYY-MM-DD') AS "paidAt",
  decision_no AS "decisionNo"`;

const VIOLATION_COLUMNS = `id, person_id AS "personId", kind,
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", description,
  penalty_amount::float8 AS "penaltyAmount", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

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
  const [arrear] = await tx.query<TaxArrearRecord>(
    `SELECT ${ARREAR_COLUMNS} FROM tax.arrears WHERE decision_no = $1 AND person_id = $2
     FOR UPDATE`,
    [v.arrearDecisionNo, v.personId],
  );
  if (!arrear) {
    throw refuse('arrearDecisionNo', `no arrears ${v.arrearDecisionNo} of this person`);
  }
  if (arrear.status === 'PAID' && change.change === 'record') {
    throw refuse('arrearDecisionNo', `arrears ${v.arrearDecisionNo} are already paid`);
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
         penalty_amount, status)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7::numeric, 'ACTIVE')
       ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, kind = EXCLUDED.kind,
         decided_at = EXCLUDED.decided_at, decision_no = EXCLUDED.decision_no,
         description = EXCLUDED.description, penalty_amount = EXCLUDED.penalty_amount
       RETURNING ${VIOLATION_COLUMNS}`,
      [
        change.recordId,
        v.personId,
        v.violationKind,
        v.decidedAt,
        v.decisionNo,
        v.description,
        v.penaltyAmount,
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

/** How the tax bureau's tables take its recorded decisions (kinds of lib/decision-kinds). */
export const taxDecisionProjection: DecisionProjection = {
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
};
