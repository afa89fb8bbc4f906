import type { DecisionProjection } from '../../kit/decisions/decision-projection';

/**
 * How the credit platform's own good-conduct records (credit.good_conduct) take the good conduct
 * NDRC decides and records through the write API (kind good-conduct). They are the platform's
 * records already, so nothing goes to a feed: profiles show them at once.
 */
export const goodConductDecisionProjection: DecisionProjection = {
  /** Seeded (or officer-added) good conduct NDRC decided, found by its decision number. */
  async findUnrecorded(q, kind, decisionNo, given) {
    if (kind.kind !== 'good-conduct') return null;
    const [found] = await q.query<{
      recordId: string;
      personId: string;
      catalogCode: string;
      decidedAt: string;
    }>(
      `SELECT source_record_id AS "recordId", person_id AS "personId",
         catalog_code AS "catalogCode", to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt"
       FROM credit.good_conduct WHERE source_dept = 'NDRC' AND decision_no = $1
       ORDER BY source_record_id LIMIT 1`,
      [decisionNo],
    );
    if (!found) return null;
    return {
      recordId: found.recordId,
      values: {
        personId: found.personId,
        decisionNo,
        catalogCode: found.catalogCode,
        decidedAt: found.decidedAt,
        authority: given?.authority ?? null,
      },
    };
  },
  async apply(tx, change) {
    if (change.kind.kind !== 'good-conduct') {
      throw new Error(`credit has no decision kind ${change.kind.kind}`);
    }
    const v = change.values;
    if (change.change === 'revoke') {
      await tx.query(
        `UPDATE credit.good_conduct SET status = 'REVOKED', status_changed_at = $2::date
         WHERE source_dept = 'NDRC' AND source_record_id = $1`,
        [change.recordId, change.revokedAt],
      );
    } else {
      await tx.query(
        `INSERT INTO credit.good_conduct (source_dept, source_record_id, person_id, catalog_code,
           decided_at, decision_no, recorded_by, recorded_at)
         VALUES ('NDRC', $1, $2, $3, $4::date, $5, $6, now())
         ON CONFLICT (source_dept, source_record_id) DO UPDATE SET
           person_id = EXCLUDED.person_id, catalog_code = EXCLUDED.catalog_code,
           decided_at = EXCLUDED.decided_at, decision_no = EXCLUDED.decision_no`,
        [change.recordId, v.personId, v.catalogCode, v.decidedAt, v.decisionNo, change.writtenBy],
      );
    }
    return { credit: [], disclosure: [] };
  },
};
