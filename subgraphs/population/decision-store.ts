import type { DecisionProjection } from '../kit/decisions/decision-projection';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';

/**
 * How the household register takes a change of household status (e.g. deceased): the person's
 * status changes and the register feed gets the new version in the same transaction, so the
 * credit platform stops deciding on a deceased person at its next collection. A change is never
 * revoked: a mistaken one is followed by a change back (a new decision of the bureau).
 */
export const populationDecisionProjection: DecisionProjection = {
  async apply(tx, change) {
    if (change.kind.kind !== 'household-changes') {
      throw new Error(`population has no decision kind ${change.kind.kind}`);
    }
    if (change.change === 'revoke') {
      throw new DecisionRefusal([
        {
          field: 'decisionNo',
          reason: 'a household change is not revoked: record the change back',
        },
      ]);
    }
    const v = change.values;
    const [person] = await tx.query<{ id: string }>(
      `UPDATE population.persons SET household_status = $2 WHERE id = $1 RETURNING id`,
      [v.personId, v.householdStatus],
    );
    if (!person) throw new DecisionRefusal([{ field: 'personId', reason: 'not registered' }]);
    await tx.query(
      `INSERT INTO population.register_feed (person_id, household_status, registration_issues,
         registered_since)
       SELECT id, household_status, registration_issues, registered_since
       FROM population.persons WHERE id = $1`,
      [v.personId],
    );
    return { credit: [], disclosure: [] };
  },
};
