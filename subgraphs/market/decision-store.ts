import type { Queryable } from '../kit/db/database';
import type {
  DecisionChange,
  DecisionProjection,
  FeedVersions,
} from '../kit/decisions/decision-projection';
import { DecisionRefusal } from '../kit/decisions/decision-refusal';
import { licenseDisclosureEntry, penaltyDisclosureEntry } from './market-disclosure-entries';
import { listingFeedEntry, penaltyFeedEntry } from './market-feed-entries';
import type { EnterpriseRecord, LicenseRecord, PenaltyRecord } from './records';

/** The bureau's name on a decision that names no authority. */
const MARKET_AUTHORITY = '通江县市场监督管理局';

const LICENSE_COLUMNS = `id, person_id AS "personId", kind, license_no AS "licenseNo",
  decision_no AS "decisionNo", to_char(issued_at, 'YYYY-MM-DD') AS "issuedAt",
  to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", issuer, status`;

const PENALTY_COLUMNS = `id, person_id AS "personId", decision_no AS "decisionNo",
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", kind, amount::float8 AS amount, reason, status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt",
  simple_procedure AS "simpleProcedure"`;

const ENTERPRISE_COLUMNS = `uscc, name, type, to_char(registered_at, 'YYYY-MM-DD') AS "registeredAt",
  status, to_char(abnormal_since, 'YYYY-MM-DD') AS "abnormalSince",
  to_char(serious_illegal_since, 'YYYY-MM-DD') AS "seriousIllegalSince",
  listing_decision_no AS "listingDecisionNo", legal_rep_id AS "legalRepresentativeId"`;

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

/** A revocation decision revokes the penalty it names (recorded here or seeded alike). */
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
  if (!penalty) {
    throw refuse('penaltyDecisionNo', `no penalty ${v.penaltyDecisionNo} of this person`);
  }
  if (penalty.status === 'REVOKED' && change.change === 'record') {
    throw refuse('penaltyDecisionNo', `penalty ${v.penaltyDecisionNo} is already revoked`);
  }
  if ((v.revokedAt ?? '') < penalty.decidedAt) throw refuse('revokedAt', 'before the penalty');
  const [revoked] = await tx.query<PenaltyRecord>(
    `UPDATE market.penalties SET status = 'REVOKED', status_changed_at = $2::date WHERE id = $1
     RETURNING ${PENALTY_COLUMNS}`,
    [penalty.id, v.revokedAt],
  );
  // The party's name as the penalty's own disclosure carried it: the revocation names none.
  const [named] = await tx.query<{ partyName: string; authority: string }>(
    `SELECT party_name AS "partyName", authority FROM market.disclosure_feed
     WHERE source_record_id = $1 ORDER BY change_seq DESC LIMIT 1`,
    [penalty.id],
  );
  return penaltyVersions(revoked, named?.partyName ?? '', named?.authority ?? null);
}

async function applyAbnormalListing(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  const [enterprise] =
    change.change === 'revoke'
      ? await tx.query<EnterpriseRecord>(
          `SELECT ${ENTERPRISE_COLUMNS} FROM market.enterprises
           WHERE uscc = $1 AND listing_decision_no = $2 FOR UPDATE`,
          [v.uscc, v.decisionNo],
        )
      : await tx.query<EnterpriseRecord>(
          `UPDATE market.enterprises SET status = 'ABNORMAL_OPERATION', abnormal_since = $2::date,
             listing_decision_no = $3
           WHERE uscc = $1 AND status IN ('ACTIVE', 'ABNORMAL_OPERATION')
           RETURNING ${ENTERPRISE_COLUMNS}`,
          [v.uscc, v.listedAt, v.decisionNo],
        );
  if (!enterprise) {
    if (change.change === 'revoke') return none;
    throw refuse('uscc', 'no registered enterprise in operation with this code');
  }
  const entry = listingFeedEntry(enterprise);
  if (change.change !== 'revoke') return { credit: entry ? [entry] : [], disclosure: [] };
  await tx.query(
    `UPDATE market.enterprises SET status = 'ACTIVE', abnormal_since = NULL,
       listing_decision_no = NULL WHERE uscc = $1`,
    [v.uscc],
  );
  return {
    credit: entry
      ? [{ ...entry, status: 'REVOKED', statusChangedAt: change.revokedAt ?? null }]
      : [],
    disclosure: [],
  };
}

async function applyAbnormalRemoval(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
  const v = change.values;
  const [listed] = await tx.query<EnterpriseRecord>(
    `SELECT ${ENTERPRISE_COLUMNS} FROM market.enterprises
     WHERE uscc = $1 AND status = 'ABNORMAL_OPERATION' AND listing_decision_no = $2 FOR UPDATE`,
    [v.uscc, v.listingDecisionNo],
  );
  if (!listed) {
    throw refuse('listingDecisionNo', `enterprise is not listed under ${v.listingDecisionNo}`);
  }
  if ((v.removedAt ?? '') < (listed.abnormalSince ?? '')) {
    throw refuse('removedAt', 'before the listing');
  }
  const entry = listingFeedEntry(listed);
  await tx.query(
    `UPDATE market.enterprises SET status = 'ACTIVE', abnormal_since = NULL,
       listing_decision_no = NULL WHERE uscc = $1`,
    [v.uscc],
  );
  return {
    credit: entry ? [{ ...entry, status: 'PERFORMED', statusChangedAt: v.removedAt }] : [],
    disclosure: [],
  };
}

/** How the market bureau's tables take its recorded decisions (kinds of lib/decision-kinds). */
export const marketDecisionProjection: DecisionProjection = {
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
};
