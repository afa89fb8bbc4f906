import type { Queryable } from '../db/database';
import type {
  DecisionChange,
  DecisionProjection,
  FeedVersions,
} from '../decisions/decision-projection';
import { createDecisionLedgerStore } from '../decisions/decision-ledger-store';
import { DecisionRefusal } from '../decisions/decision-refusal';
import type { DisclosureFeedEntry } from '../disclosure-feed-store';
import { createOccupationFeedStore } from '../occupation-feed-store';
import { sanctionFeedEntry } from './licensing-feed-history';
import type { LicensingDecisionOptions, LicensingKindRole } from './licensing-decision-roles';
import type { LicenceRecord, SanctionRecord } from './licensing-records';
import { occupationFeedEntry } from './occupation-feed-entry';

const LICENCE_COLUMNS = `id, person_id AS "personId", occupation, certificate_no AS "certificateNo",
  organisation, to_char(issued_at, 'YYYY-MM-DD') AS "issuedAt", status,
  to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

const SANCTION_COLUMNS = `id, person_id AS "personId", kind, licence_id AS "licenceId",
  to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", decision_no AS "decisionNo", description,
  amount::float8 AS amount, status, to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"`;

type SanctionRole = Extract<LicensingKindRole, { role: 'sanction' }>;

function refuse(field: string, reason: string): DecisionRefusal {
  return new DecisionRefusal([{ field, reason }]);
}

/**
 * How a licensing department's tables take its recorded decisions (HEALTH, JUSTICE, HRSS): each
 * kind's role (licensing-decision-roles.ts) writes its `licences` or `sanctions` row and returns
 * the versions its credit and disclosure feeds publish; a licence's new status goes on its
 * occupation feed in the same transaction, so the person's occupations follow at the next
 * collection. A sanction that suspends, revokes or ends a licence changes the licence; revoked
 * (or a suspension served), it gives the licence back the status it had, if nothing changed it
 * since.
 */
export function licensingDecisionProjection(options: LicensingDecisionOptions): DecisionProjection {
  const { schema, dept, roles } = options;
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const ledger = createDecisionLedgerStore(schema);
  const occupations = createOccupationFeedStore(schema);
  const effectStatuses = [
    ...new Set(
      Object.values(roles).flatMap((role) =>
        role.role === 'sanction' && role.licenceEffect
          ? Object.values(role.licenceEffect.status)
          : [],
      ),
    ),
  ];

  async function licenceVersion(tx: Queryable, licence: LicenceRecord | undefined) {
    if (licence) await occupations.append(tx, [occupationFeedEntry(licence)]);
  }

  /** The latest version of a decision's disclosure, re-published with what changed. */
  async function republished(
    tx: Queryable,
    sourceRecordId: string,
    change: Partial<DisclosureFeedEntry>,
  ): Promise<DisclosureFeedEntry[]> {
    const [latest] = await tx.query<DisclosureFeedEntry>(
      `SELECT source_record_id AS "sourceRecordId", kind, person_id AS "personId",
         party_name AS "partyName", decision_no AS "decisionNo",
         to_char(decided_at, 'YYYY-MM-DD') AS "decidedAt", disclosure_item AS "disclosureItem",
         authority, to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", status,
         to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt",
         catalog_code AS "catalogCode"
       FROM ${schema}.disclosure_feed WHERE source_record_id = $1
       ORDER BY change_seq DESC LIMIT 1`,
      [sourceRecordId],
    );
    return latest ? [{ ...latest, ...change }] : [];
  }

  function penaltyDisclosure(
    sanction: SanctionRecord,
    change: DecisionChange,
  ): DisclosureFeedEntry[] {
    if (change.kind.disclosed !== 'PENALTY') return [];
    const revoked = sanction.status === 'REVOKED';
    return [
      {
        sourceRecordId: sanction.id,
        kind: 'PENALTY',
        personId: sanction.personId,
        partyName: change.values.partyName ?? '',
        decisionNo: sanction.decisionNo,
        decidedAt: sanction.decidedAt,
        disclosureItem: `${dept}_PENALTY_${sanction.kind}`,
        authority: change.values.authority ?? options.authority,
        validUntil: null,
        status: revoked ? 'REVOKED' : 'ACTIVE',
        statusChangedAt: revoked ? sanction.statusChangedAt : null,
        catalogCode: options.catalogCodeOf(sanction.kind),
      },
    ];
  }

  async function applyLicence(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
    const v = change.values;
    let licence: LicenceRecord | undefined;
    if (change.change === 'revoke') {
      [licence] = await tx.query<LicenceRecord>(
        `UPDATE ${schema}.licences SET status = 'REVOKED', status_changed_at = $2::date
         WHERE id = $1 RETURNING ${LICENCE_COLUMNS}`,
        [change.recordId, change.revokedAt],
      );
    } else {
      const [taken] = await tx.query<{ id: string }>(
        `SELECT id FROM ${schema}.licences WHERE certificate_no = $1 AND id <> $2`,
        [v.licenceNo, change.recordId],
      );
      if (taken) throw refuse('licenceNo', `${v.licenceNo} is the number of another licence`);
      [licence] = await tx.query<LicenceRecord>(
        `INSERT INTO ${schema}.licences (id, person_id, occupation, certificate_no, organisation,
           issued_at, status)
         VALUES ($1, $2, $3, $4, $5, $6::date, 'ACTIVE')
         ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id,
           occupation = EXCLUDED.occupation, certificate_no = EXCLUDED.certificate_no,
           organisation = EXCLUDED.organisation, issued_at = EXCLUDED.issued_at
         RETURNING ${LICENCE_COLUMNS}`,
        [change.recordId, v.personId, v.licenceKind, v.licenceNo, v.organisation ?? '', v.issuedAt],
      );
    }
    if (!licence) return { credit: [], disclosure: [] };
    await licenceVersion(tx, licence);
    const revoked = change.change === 'revoke';
    return {
      credit: [],
      disclosure: [
        {
          sourceRecordId: licence.id,
          kind: 'LICENSING',
          personId: licence.personId,
          partyName: v.partyName ?? '',
          decisionNo: v.decisionNo ?? '',
          decidedAt: licence.issuedAt,
          disclosureItem: `${dept}_LICENSING_${licence.occupation}`,
          authority: v.authority ?? options.authority,
          validUntil: v.validUntil ?? null,
          status: revoked ? 'REVOKED' : 'ACTIVE',
          statusChangedAt: revoked ? (change.revokedAt ?? null) : null,
          catalogCode: null,
        },
      ],
    };
  }

  async function applyCancellation(tx: Queryable, change: DecisionChange): Promise<FeedVersions> {
    const v = change.values;
    const ends = change.kind.ends;
    if (!ends) throw new Error(`${change.kind.kind} ends no kind`);
    const ref = v[ends.refField] ?? '';
    const recorded = await ledger.find(tx, ends.kind, ref);
    const [licence] = recorded
      ? await tx.query<LicenceRecord>(
          `SELECT ${LICENCE_COLUMNS} FROM ${schema}.licences WHERE id = $1 AND person_id = $2
           FOR UPDATE`,
          [recorded.recordId, v.personId],
        )
      : [];
    if (!licence) throw refuse(ends.refField, `no ${ends.kind} decision ${ref} of this person`);
    if (licence.status !== 'ACTIVE' && change.change === 'record') {
      throw refuse(ends.refField, `licence of ${ref} is already ${licence.status.toLowerCase()}`);
    }
    const on = v[change.kind.dateField] ?? '';
    if (on < licence.issuedAt) throw refuse(change.kind.dateField, 'before the licence');
    const [cancelled] = await tx.query<LicenceRecord>(
      `UPDATE ${schema}.licences SET status = 'CANCELLED', status_changed_at = $2::date
       WHERE id = $1 RETURNING ${LICENCE_COLUMNS}`,
      [licence.id, on],
    );
    await licenceVersion(tx, cancelled);
    // Published while valid: a cancelled licence was valid through its cancellation.
    return { credit: [], disclosure: await republished(tx, licence.id, { validUntil: on }) };
  }

  async function concernedLicence(
    tx: Queryable,
    role: SanctionRole,
    change: DecisionChange,
  ): Promise<LicenceRecord | null> {
    const v = change.values;
    if (role.licence === 'none') return null;
    if (role.licence === 'register') {
      const [registration] = await tx.query<LicenceRecord>(
        `SELECT ${LICENCE_COLUMNS} FROM ${schema}.licences
         WHERE person_id = $1 AND status = 'ACTIVE' ORDER BY issued_at DESC, id DESC LIMIT 1`,
        [v.personId],
      );
      return registration ?? null;
    }
    const [licence] = v.licenceNo
      ? await tx.query<LicenceRecord>(
          `SELECT ${LICENCE_COLUMNS} FROM ${schema}.licences
           WHERE certificate_no = $1 AND person_id = $2`,
          [v.licenceNo, v.personId],
        )
      : await tx.query<LicenceRecord>(
          `SELECT ${LICENCE_COLUMNS} FROM ${schema}.licences
           WHERE person_id = $1 ORDER BY issued_at DESC, id DESC LIMIT 1`,
          [v.personId],
        );
    if (!licence) {
      throw refuse(
        'licenceNo',
        v.licenceNo
          ? `no licence ${v.licenceNo} of this person`
          : 'the person holds no licence of this department',
      );
    }
    return licence;
  }

  /** Gives a licence back the status it had before `sanction` set it (if nothing changed it since). */
  async function restoreLicence(tx: Queryable, sanction: SanctionRecord): Promise<void> {
    if (!sanction.licenceId || effectStatuses.length === 0) return;
    const [restored] = await tx.query<LicenceRecord>(
      `UPDATE ${schema}.licences SET status = 'ACTIVE', status_changed_at = NULL
       WHERE id = $1 AND status = ANY($2::text[]) AND status_changed_at = $3::date
       RETURNING ${LICENCE_COLUMNS}`,
      [sanction.licenceId, effectStatuses, sanction.decidedAt],
    );
    await licenceVersion(tx, restored);
  }

  async function keyGroupOf(tx: Queryable, sanction: SanctionRecord, fallback?: string) {
    if (!sanction.licenceId) return fallback ?? null;
    const [licence] = await tx.query<{ occupation: string }>(
      `SELECT occupation FROM ${schema}.licences WHERE id = $1`,
      [sanction.licenceId],
    );
    return licence?.occupation ?? fallback ?? null;
  }

  async function applySanction(
    tx: Queryable,
    role: SanctionRole,
    change: DecisionChange,
  ): Promise<FeedVersions> {
    const v = change.values;
    const [previous] = await tx.query<SanctionRecord>(
      `SELECT ${SANCTION_COLUMNS} FROM ${schema}.sanctions WHERE id = $1 FOR UPDATE`,
      [change.recordId],
    );
    if (previous) await restoreLicence(tx, previous);
    let sanction: SanctionRecord | undefined;
    if (change.change === 'revoke') {
      [sanction] = await tx.query<SanctionRecord>(
        `UPDATE ${schema}.sanctions SET status = 'REVOKED', status_changed_at = $2::date
         WHERE id = $1 RETURNING ${SANCTION_COLUMNS}`,
        [change.recordId, change.revokedAt],
      );
    } else {
      const licence = await concernedLicence(tx, role, change);
      const kind =
        'fixed' in role.sanctionKind ? role.sanctionKind.fixed : v[role.sanctionKind.field];
      [sanction] = await tx.query<SanctionRecord>(
        `INSERT INTO ${schema}.sanctions (id, person_id, kind, licence_id, decided_at, decision_no,
           description, amount, status)
         VALUES ($1, $2, $3, $4, $5::date, $6, $7, $8::numeric, 'ACTIVE')
         ON CONFLICT (id) DO UPDATE SET person_id = EXCLUDED.person_id, kind = EXCLUDED.kind,
           licence_id = EXCLUDED.licence_id, decided_at = EXCLUDED.decided_at,
           decision_no = EXCLUDED.decision_no, description = EXCLUDED.description,
           amount = EXCLUDED.amount
         RETURNING ${SANCTION_COLUMNS}`,
        [
          change.recordId,
          v.personId,
          kind,
          licence?.id ?? null,
          v[change.kind.dateField],
          v.decisionNo,
          role.describe ? role.describe(v) : (v.reason ?? ''),
          role.amountField ? (v[role.amountField] ?? null) : null,
        ],
      );
      const effect = role.licenceEffect?.status[v[role.licenceEffect.field] ?? ''];
      if (licence && effect && sanction?.status === 'ACTIVE') {
        const [changed] = await tx.query<LicenceRecord>(
          `UPDATE ${schema}.licences SET status = $2, status_changed_at = $3::date WHERE id = $1
           RETURNING ${LICENCE_COLUMNS}`,
          [licence.id, effect, sanction.decidedAt],
        );
        await licenceVersion(tx, changed);
      }
    }
    if (!sanction) return { credit: [], disclosure: [] };
    return {
      credit: [
        sanctionFeedEntry(
          sanction,
          options.catalogCodeOf,
          await keyGroupOf(tx, sanction, role.keyGroup),
        ),
      ],
      disclosure: penaltyDisclosure(sanction, change),
    };
  }

  async function applySanctionEnd(
    tx: Queryable,
    status: 'PERFORMED' | 'REVOKED',
    change: DecisionChange,
  ): Promise<FeedVersions> {
    const v = change.values;
    const ends = change.kind.ends;
    if (!ends) throw new Error(`${change.kind.kind} ends no kind`);
    const ref = v[ends.refField] ?? '';
    const [sanction] = await tx.query<SanctionRecord>(
      `SELECT ${SANCTION_COLUMNS} FROM ${schema}.sanctions WHERE decision_no = $1 AND person_id = $2
       FOR UPDATE`,
      [ref, v.personId],
    );
    if (!sanction) throw refuse(ends.refField, `no ${ends.kind} decision ${ref} of this person`);
    if (sanction.status !== 'ACTIVE' && change.change === 'record') {
      throw refuse(ends.refField, `decision ${ref} is already ${sanction.status.toLowerCase()}`);
    }
    const on = v[change.kind.dateField] ?? '';
    if (on < sanction.decidedAt) throw refuse(change.kind.dateField, 'before the decision');
    const [ended] = await tx.query<SanctionRecord>(
      `UPDATE ${schema}.sanctions SET status = $2, status_changed_at = $3::date WHERE id = $1
       RETURNING ${SANCTION_COLUMNS}`,
      [sanction.id, status, on],
    );
    // Revoked, or a suspension served: the licence is given back (a revocation stays).
    if (status === 'REVOKED' || sanction.kind === 'SUSPENSION') await restoreLicence(tx, sanction);
    const [fed] = await tx.query<{ keyGroup: string | null }>(
      `SELECT key_group AS "keyGroup" FROM ${schema}.credit_feed WHERE source_record_id = $1
       ORDER BY change_seq DESC LIMIT 1`,
      [sanction.id],
    );
    return {
      credit: [
        sanctionFeedEntry(
          ended,
          options.catalogCodeOf,
          fed?.keyGroup ?? (await keyGroupOf(tx, ended)),
        ),
      ],
      disclosure:
        status === 'REVOKED'
          ? await republished(tx, sanction.id, { status: 'REVOKED', statusChangedAt: on })
          : [],
    };
  }

  return {
    apply(tx, change) {
      const role = roles[change.kind.kind];
      if (!role) throw new Error(`${schema} has no decision kind ${change.kind.kind}`);
      switch (role.role) {
        case 'licence':
          return applyLicence(tx, change);
        case 'licence-cancellation':
          return applyCancellation(tx, change);
        case 'sanction':
          return applySanction(tx, role, change);
        case 'sanction-end':
          return applySanctionEnd(tx, role.status, change);
      }
    },
  };
}
