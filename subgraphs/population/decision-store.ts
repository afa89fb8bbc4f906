import type { Queryable } from '../kit/db/database';
import type { DecisionProjection } from '../kit/decisions/decision-projection';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';

/**
 * Sets the person's household status to the one of their recorded change with the latest
 * `changedAt` (ties: the change recorded later, then the higher decision number), or, with none
 * left, to the status they had before the first; appends a register-feed version when it
 * changed. So a back-dated change never overrides a later one. False if the person is not
 * registered.
 */
async function settleStatus(tx: Queryable, personId: string): Promise<boolean> {
  const [person] = await tx.query<{ status: string; before: string | null }>(
    `UPDATE population.persons
     SET status_before_changes = COALESCE(status_before_changes, household_status)
     WHERE id = $1 RETURNING household_status AS status, status_before_changes AS before`,
    [personId],
  );
  if (!person) return false;
  const [latest] = await tx.query<{ status: string }>(
    `SELECT d.content ->> 'householdStatus' AS status
     FROM population.decisions d
     JOIN population.decision_versions first
       ON first.kind = d.kind AND first.decision_no = d.decision_no AND first.version = 1
     WHERE d.kind = 'household-changes' AND d.subject = $1 AND d.status = 'ACTIVE'
     ORDER BY d.content ->> 'changedAt' DESC, first.written_at DESC, d.decision_no DESC
     LIMIT 1`,
    [personId],
  );
  const status = latest?.status ?? person.before ?? person.status;
  if (status === person.status) return true;
  await tx.query(`UPDATE population.persons SET household_status = $2 WHERE id = $1`, [
    personId,
    status,
  ]);
  await tx.query(
    `INSERT INTO population.register_feed (person_id, household_status, registration_issues,
       registered_since)
     SELECT id, household_status, registration_issues, registered_since
     FROM population.persons WHERE id = $1`,
    [personId],
  );
  return true;
}

/**
 * How the household register takes a change of household status (e.g. deceased): the person's
 * status follows their latest change by `changedAt` (not the last one entered), and the register
 * feed gets the new version in the same transaction, so the credit platform stops deciding on a
 * deceased person at its next collection. A correction that names another person settles both.
 * A change is never revoked: a mistaken one is followed by a change back (a new decision).
 */
export const populationDecisionProjection: DecisionProjection = {
  async apply(tx, change) {
    if (change.kind.kind !== 'household-changes') {
      throw new Error(`population has no decision kind ${change.kind.kind}`);
    }
    if (change.change === 'revoke' || change.change === 'reopen') {
      throw new DecisionRefusal([
        {
          field: 'decisionNo',
          reason: 'a household change is not revoked: record the change back',
        },
      ]);
    }
    const personId = change.values.personId ?? '';
    if (!(await settleStatus(tx, personId))) {
      throw new DecisionRefusal([{ field: 'personId', reason: 'not registered' }]);
    }
    const former = change.previous?.personId;
    if (former && former !== personId) await settleStatus(tx, former);
    return { credit: [], disclosure: [] };
  },
};
