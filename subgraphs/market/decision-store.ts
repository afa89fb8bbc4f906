import type { Queryable } from '../kit/db/database';
import type {
  DecisionChange,
  DecisionProjection,
  FeedVersions,
} from '../kit/decisions/decision-projection';
import { numbersInTable } from '../kit/decisions/seeded-numbers';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';
import type { DecisionValues } from '../kit/decisions/decision-values';
import {
  applyAbnormalListing,
  applyAbnormalRemoval,
  unrecordedAbnormalListing,
} from './abnormal-listing-decisions';
import { licenseDisclosureEntry, penaltyDisclosureEntry } from './market-disclosure-entries';
import { penaltyFeedEntry } from './market-feed-entries';
import type { LicenseRecord, PenaltyRecord } from './records';

/** The bureau's name on a decision that names no authority. */
const MARKET_AUTHORITY = '通江县市场监督管理局';

const LICENSE_COLUMNS = `id, person_id AS "personId", kind, license_no AS "licenseNo",
  decision_no AS "decisionNo", to_char(issued_at, 'YYYY-MM-DD') AS "issuedAt",
  to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", issuer, status`;

const PENALTY_COLUMNS = `id, person_id AS "personId", decision_no AS "decisionNo",
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", kind, amount::float8 AS amount, reason, status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt",
  simple_procedure AS "simpleProcedure"`;

const none: FeedVersions = { credit: [], disclosure: [] };

function refuse(field: string, reason: string): DecisionRefusal {
  return new DecisionRefusal([{ field, reason }]);
}

async function applyLicence(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  const [licence] =
    change.change === 'revoke'
      ? await tx.query<LicenseRecord>(
          `UPDATE market.licenses SET status = 'REVOKED' WHERE id = $1 RETURNING ${LICENSE_COLUMNS}`,
          [change.recordId],
        )
      : await tx.query<LicenseRecord>(
          `INSERT INTO market.licenses (id, person_id, kind, license_no, decision_no, issued_at,
             valid_until, issuer, status)
           VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8, 'VALID')
           ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, kind = EXCLUDED.kind,
             license_no = EXCLUDED.license_no, decision_no = EXCLUDED.decision_no,
             issued_at = EXCLUDED.issued_at, valid_until = EXCLUDED.valid_until,
             issuer = EXCLUDED.issuer
           RETURNING ${LICENSE_COLUMNS}`,
          [
            change.recordId,
            v.personId,
            v.licenceKind,
            v.licenceNo,
            v.decisionNo,
            v.issuedAt,
            v.validUntil,
            v.authority ?? MARKET_AUTHORITY,
          ],
        );
  if (!licence) return none;
  const disclosure = licenseDisclosureEntry(licence, v.partyName ?? '');
  return {
    credit: [],
    disclosure: [
      change.change === 'revoke'
        ? { ...disclosure, statusChangedAt: change.revokedAt ?? null }
        : disclosure,
    ],
  };
}

function penaltyVersions(
  penalty: PenaltyRecord,
  partyName: string,
  authority: string | null,
): FeedVersions {
  return {
    credit: [penaltyFeedEntry(penalty)],
    disclosure: [
      { ...penaltyDisclosureEntry(penalty, partyName), authority: authority ?? MARKET_AUTHORITY },
    ],
  };
}

async function applyPenalty(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  const [penalty] =
    change.change === 'revoke'
      ? await tx.query<PenaltyRecord>(
          `UPDATE market.penalties SET status = 'REVOKED', status_changed_at = $2::date
           WHERE id = $1 RETURNING ${PENALTY_COLUMNS}`,
          [change.recordId, change.revokedAt],
        )
      : await tx.query<PenaltyRecord>(
          `INSERT INTO market.penalties (id, person_id, decision_no, decided_at, kind, amount,
             reason, status, simple_procedure)
           VALUES ($1, $2, $3, $4::date, $5, $6::numeric, $7, 'ACTIVE', $8)
           ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id,
             decision_no = EXCLUDED.decision_no, decided_at = EXCLUDED.decided_at,
             kind = EXCLUDED.kind, amount = EXCLUDED.amount, reason = EXCLUDED.reason,
             simple_procedure = EXCLUDED.simple_procedure
           RETURNING ${PENALTY_COLUMNS}`,
          [
            change.recordId,
            v.personId,
            v.decisionNo,
            v.decidedAt,
            v.penaltyKind,
            v.amount,
            v.reason,
            v.procedure === 'SIMPLE',
          ],
        );
  return penalty ? penaltyVersions(penalty, v.partyName ?? '', v.authority) : none;
}

/**
 * A revocation decision revokes the penalty it names (recorded here or seeded alike), once.
 * `reopen`: the revocation no longer holds, so the penalty is in force (and published) again.
 */
async function applyPenaltyRevocation(
  tx: Queryable,
  change: DecisionChange,
): Promise<FeedVersions> {
  const v = change.values;
  const [penalty] = await tx.query<PenaltyRecord>(
    `SELECT ${PENALTY_COLUMNS} FROM market.penalties WHERE decision_no = $1 AND person_id = $2
     FOR UPDATE`,
    [v.penaltyDecisionNo, v.personId],
  );
  if (change.change === 'reopen') {
    if (penalty?.status !== 'REVOKED' || penalty.statusChangedAt !== v.revokedAt) return none;
    const [reopened] = await tx.query<PenaltyRecord>(
      `UPDATE market.penalties SET status = 'ACTIVE', status_changed_at = NULL WHERE id = $1
       RETURNING ${PENALTY_COLUMNS}`,
      [penalty.id],
    );
    return penaltyVersions(reopened, ...(await disclosedAs(tx, penalty.id)));
  }
  if (!penalty) throw refuse('penaltyDecisionNo', 'no penalty of this person with this number');
  if (penalty.status === 'REVOKED') {
    throw refuse('penaltyDecisionNo', 'this penalty is already revoked (revoked once)');
  }
  if ((v.revokedAt ?? '') < penalty.decidedAt) throw refuse('revokedAt', 'before the penalty');
  const [revoked] = await tx.query<PenaltyRecord>(
    `UPDATE market.penalties SET status = 'REVOKED', status_changed_at = $2::date WHERE id = $1
     RETURNING ${PENALTY_COLUMNS}`,
    [penalty.id, v.revokedAt],
  );
  return penaltyVersions(revoked, ...(await disclosedAs(tx, penalty.id)));
}

/** The party's name and authority as the penalty's own disclosure carried them (a revocation names neither). */
async function disclosedAs(tx: Queryable, penaltyId: string): Promise<[string, string | null]> {
  const [named] = await tx.query<{ partyName: string; authority: string }>(
    `SELECT party_name AS "partyName", authority FROM market.disclosure_feed
     WHERE source_record_id = $1 ORDER BY change_seq DESC LIMIT 1`,
    [penaltyId],
  );
  return [named?.partyName ?? '', named?.authority ?? null];
}

/** A seeded penalty numbered `decisionNo`, as the ledger would keep it. */
async function unrecordedPenalty(
  q: Queryable,
  decisionNo: string,
  given: DecisionValues | null,
): Promise<{ recordId: string; values: DecisionValues } | null> {
  const [penalty] = await q.query<PenaltyRecord>(
    `SELECT ${PENALTY_COLUMNS} FROM market.penalties WHERE decision_no = $1 ORDER BY id LIMIT 1`,
    [decisionNo],
  );
  if (!penalty) return null;
  // The table keeps only whether the procedure was simple: GENERAL and "not given" are alike.
  const procedure = penalty.simpleProcedure
    ? 'SIMPLE'
    : given?.procedure === 'SIMPLE'
      ? 'GENERAL'
      : (given?.procedure ?? null);
  return {
    recordId: penalty.id,
    values: {
      personId: penalty.personId,
      partyName: given?.partyName ?? null,
      decisionNo,
      penaltyKind: penalty.kind,
      decidedAt: penalty.decidedAt,
      amount: penalty.amount === null ? null : penalty.amount.toFixed(2),
      reason: penalty.reason,
      procedure,
      authority: given?.authority ?? null,
    },
  };
}

/** A seeded licence numbered `decisionNo`, as the ledger would keep it. */
async function unrecordedLicence(
  q: Queryable,
  decisionNo: string,
  given: DecisionValues | null,
): Promise<{ recordId: string; values: DecisionValues } | null> {
  const [licence] = await q.query<LicenseRecord>(
    `SELECT ${LICENSE_COLUMNS} FROM market.licenses WHERE decision_no = $1 ORDER BY id LIMIT 1`,
    [decisionNo],
  );
  if (!licence) return null;
  return {
    recordId: licence.id,
    values: {
      personId: licence.personId,
      partyName: given?.partyName ?? null,
      decisionNo,
      licenceKind: licence.kind,
      licenceNo: licence.licenseNo,
      issuedAt: licence.issuedAt,
      validUntil: licence.validUntil,
      // The issuer is kept, the bureau's own name when none was given: compared only if given.
      authority: given && given.authority === null ? null : licence.issuer,
    },
  };
}

/** Where `findUnrecorded` finds each kind's seeded decisions, for the batch's set-wise lookup. */
const SEEDED_TABLES: Readonly<Record<string, string>> = {
  licences: 'market.licenses',
  penalties: 'market.penalties',
  'abnormal-operations': 'market.abnormal_listings',
};

/** New penalties of a batch in one statement, in the order given (a batch import). */
async function recordPenalties(
  tx: Queryable,
  changes: readonly DecisionChange[],
): Promise<FeedVersions[]> {
  const rows = await tx.query<PenaltyRecord>(
    `INSERT INTO market.penalties (id, person_id, decision_no, decided_at, kind, amount, reason,
       status, simple_procedure)
     SELECT id, person_id, decision_no, decided_at, kind, amount, reason, 'ACTIVE',
       simple_procedure
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id text, person_id text, decision_no text,
       decided_at date, kind text, amount numeric, reason text, simple_procedure boolean))
       WITH ORDINALITY AS x(id, person_id, decision_no, decided_at, kind, amount, reason,
       simple_procedure, ordinality)
     ORDER BY ordinality
     RETURNING ${PENALTY_COLUMNS}`,
    [
      JSON.stringify(
        changes.map(({ recordId, values: v }) => ({
          id: recordId,
          person_id: v.personId,
          decision_no: v.decisionNo,
          decided_at: v.decidedAt,
          kind: v.penaltyKind,
          amount: v.amount,
          reason: v.reason,
          simple_procedure: v.procedure === 'SIMPLE',
        })),
      ),
    ],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return changes.map(({ recordId, values: v }) => {
    const penalty = byId.get(recordId);
    if (!penalty) throw new Error(`penalty ${recordId} was not inserted`);
    return penaltyVersions(penalty, v.partyName ?? '', v.authority);
  });
}

/** New licences of a batch in one statement, in the order given (a batch import). */
async function recordLicences(
  tx: Queryable,
  changes: readonly DecisionChange[],
): Promise<FeedVersions[]> {
  const rows = await tx.query<LicenseRecord>(
    `INSERT INTO market.licenses (id, person_id, kind, license_no, decision_no, issued_at,
       valid_until, issuer, status)
     SELECT id, person_id, kind, license_no, decision_no, issued_at, valid_until, issuer, 'VALID'
     FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id text, person_id text, kind text,
       license_no text, decision_no text, issued_at date, valid_until date, issuer text))
       WITH ORDINALITY AS x(id, person_id, kind, license_no, decision_no, issued_at, valid_until,
       issuer, ordinality)
     ORDER BY ordinality
     RETURNING ${LICENSE_COLUMNS}`,
    [
      JSON.stringify(
        changes.map(({ recordId, values: v }) => ({
          id: recordId,
          person_id: v.personId,
          kind: v.licenceKind,
          license_no: v.licenceNo,
          decision_no: v.decisionNo,
          issued_at: v.issuedAt,
          valid_until: v.validUntil,
          issuer: v.authority ?? MARKET_AUTHORITY,
        })),
      ),
    ],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return changes.map(({ recordId, values: v }) => {
    const licence = byId.get(recordId);
    if (!licence) throw new Error(`licence ${recordId} was not inserted`);
    return { credit: [], disclosure: [licenseDisclosureEntry(licence, v.partyName ?? '')] };
  });
}

/** How the market bureau's tables take its recorded decisions (kinds of lib/decision-kinds). */
export const marketDecisionProjection: DecisionProjection = {
  reopen(tx, change) {
    return marketDecisionProjection.apply(tx, { ...change, change: 'reopen' });
  },
  seededNumbers(q, kind, decisionNos) {
    const table = SEEDED_TABLES[kind.kind];
    return table ? numbersInTable(q, table, decisionNos) : Promise.resolve(null);
  },
  findUnrecorded(q, kind, decisionNo, given) {
    switch (kind.kind) {
      case 'licences':
        return unrecordedLicence(q, decisionNo, given);
      case 'penalties':
        return unrecordedPenalty(q, decisionNo, given);
      case 'abnormal-operations':
        return unrecordedAbnormalListing(q, decisionNo, given);
      default:
        return Promise.resolve(null);
    }
  },
  apply(tx, change) {
    switch (change.kind.kind) {
      case 'licences':
        return applyLicence(tx, change);
      case 'penalties':
        return applyPenalty(tx, change);
      case 'penalty-revocations':
        return applyPenaltyRevocation(tx, change);
      case 'abnormal-operations':
        return applyAbnormalListing(tx, change);
      case 'abnormal-operation-removals':
        return applyAbnormalRemoval(tx, change);
      default:
        throw new Error(`market has no decision kind ${change.kind.kind}`);
    }
  },
  async recordMany(tx, changes) {
    const kind = changes[0]?.kind.kind;
    if (changes.some((change) => change.change !== 'record' || change.kind.kind !== kind)) {
      return null;
    }
    if (kind === 'penalties') return recordPenalties(tx, changes);
    if (kind === 'licences') return recordLicences(tx, changes);
    return null;
  },
};
