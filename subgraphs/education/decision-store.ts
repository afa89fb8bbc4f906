import type { Queryable } from '../kit/db/database';
import type {
  DecisionChange,
  DecisionProjection,
  FeedVersions,
} from '../kit/decisions/decision-projection';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';
import type { DecisionValues } from '../kit/decisions/decision-values';
import { integrityFeedEntry } from './education-feed-entries';
import { mayKeepIntegrityRecord } from './integrity-age-rule';
import type { IntegrityRecord } from './records';

const INTEGRITY_COLUMNS = `id, person_id AS "personId", kind, institution,
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", description,
  status, to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

function refuse(field: string, reason: string): DecisionRefusal {
  return new DecisionRefusal([{ field, reason }]);
}

async function applyRecord(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  if (change.change !== 'revoke') {
    const personId = v.personId ?? '';
    if (!mayKeepIntegrityRecord({ personId, decidedAt: v.decidedAt ?? '' })) {
      // Task 23: the integrity file keeps adults' conduct only.
      throw refuse('decidedAt', 'the person was not yet 18 on this date: not kept');
    }
  }
  const [record] =
    change.change === 'revoke'
      ? await tx.query<IntegrityRecord>(
          `UPDATE education.integrity_records SET status = 'REVOKED', status_changed_at = $2::date
           WHERE id = $1 RETURNING ${INTEGRITY_COLUMNS}`,
          [change.recordId, change.revokedAt],
        )
      : await tx.query<IntegrityRecord>(
          `INSERT INTO education.integrity_records (id, person_id, kind, institution, decided_at,
             decision_no, description, status)
           VALUES ($1, $2, $3, $4, $5::date, $6, $7, 'ACTIVE')
           ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, kind = EXCLUDED.kind,
             institution = EXCLUDED.institution, decided_at = EXCLUDED.decided_at,
             decision_no = EXCLUDED.decision_no, description = EXCLUDED.description
           RETURNING ${INTEGRITY_COLUMNS}`,
          [
            change.recordId,
            v.personId,
            v.recordKind,
            v.institution,
            v.decidedAt,
            v.decisionNo,
            v.description,
          ],
        );
  return { credit: record ? [integrityFeedEntry(record)] : [], disclosure: [] };
}

/**
 * A correction names the record by its decision number (recorded here or seeded alike) and ends
 * it once. `reopen`: the correction no longer holds, so the record is in force again.
 */
async function applyCorrection(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  if (change.change === 'reopen') {
    const [reopened] = await tx.query<IntegrityRecord>(
      `UPDATE education.integrity_records SET status = 'ACTIVE', status_changed_at = NULL
       WHERE decision_no = $1 AND person_id = $2 AND status = $3 AND status_changed_at = $4::date
       RETURNING ${INTEGRITY_COLUMNS}`,
      [v.recordDecisionNo, v.personId, v.correction, v.correctedAt],
    );
    return { credit: reopened ? [integrityFeedEntry(reopened)] : [], disclosure: [] };
  }
  const [record] = await tx.query<IntegrityRecord>(
    `SELECT ${INTEGRITY_COLUMNS} FROM education.integrity_records
     WHERE decision_no = $1 AND person_id = $2 FOR UPDATE`,
    [v.recordDecisionNo, v.personId],
  );
  if (!record) {
    throw refuse('recordDecisionNo', 'no integrity record of this person with this number');
  }
  if (record.status !== 'ACTIVE') {
    throw refuse('recordDecisionNo', `this record is already ${record.status.toLowerCase()}`);
  }
  if ((v.correctedAt ?? '') < record.decidedAt) throw refuse('correctedAt', 'before the record');
  const [corrected] = await tx.query<IntegrityRecord>(
    `UPDATE education.integrity_records SET status = $2, status_changed_at = $3::date
     WHERE id = $1 RETURNING ${INTEGRITY_COLUMNS}`,
    [record.id, v.correction, v.correctedAt],
  );
  return { credit: [integrityFeedEntry(corrected)], disclosure: [] };
}

/** A seeded integrity record numbered `decisionNo`, as the ledger would keep it. */
async function unrecordedRecord(
  q: Queryable,
  decisionNo: string,
  given: DecisionValues | null,
): Promise<{ recordId: string; values: DecisionValues } | null> {
  const [record] = await q.query<IntegrityRecord>(
    `SELECT ${INTEGRITY_COLUMNS} FROM education.integrity_records WHERE decision_no = $1
     ORDER BY id LIMIT 1`,
    [decisionNo],
  );
  if (!record) return null;
  return {
    recordId: record.id,
    values: {
      personId: record.personId,
      decisionNo,
      recordKind: record.kind,
      institution: record.institution,
      decidedAt: record.decidedAt,
      description: record.description,
      authority: given?.authority ?? null,
    },
  };
}

/** How the education bureau's integrity file takes its recorded decisions. */
export const educationDecisionProjection: DecisionProjection = {
  reopen(tx, change) {
    return educationDecisionProjection.apply(tx, { ...change, change: 'reopen' });
  },
  findUnrecorded(q, kind, decisionNo, given) {
    return kind.kind === 'integrity-records'
      ? unrecordedRecord(q, decisionNo, given)
      : Promise.resolve(null);
  },
  apply(tx, change) {
    switch (change.kind.kind) {
      case 'integrity-records':
        return applyRecord(tx, change);
      case 'integrity-corrections':
        return applyCorrection(tx, change);
      default:
        throw new Error(`education has no decision kind ${change.kind.kind}`);
    }
  },
};
