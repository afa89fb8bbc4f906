import type { Database, Queryable } from '../kit/db/database';
import { inBatches } from '../kit/db/in-batches';

/** A consent as stored (`credit.consents`). */
export interface ConsentData {
  /** UUID. */
  id: string;
  /** Citizen id of the person who consented. */
  personId: string;
  /** Unified social credit code of the organisation the consent is to. */
  org: string;
  /** Named scopes of the policy or field keys (`Type.field`, `Type.*`). */
  scopes: string[];
  /** Always `AUTHORIZED_QUERY` today (the column keeps room for later purposes). */
  purpose: string;
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** A consent to store: the citizen's grant, or a seeded one. */
export interface NewConsent {
  personId: string;
  org: string;
  scopes: readonly string[];
  grantedAt: Date;
  expiresAt: Date;
  /** Set only by seeds and tests that need history; default null. */
  revokedAt?: Date | null;
}

const CONSENT_COLUMNS = `id::text AS id, person_id AS "personId", org_uscc AS org, scopes, purpose,
  granted_at AS "grantedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"`;

/** Rows per bulk insert statement (seeds). */

/** Drivers hand timestamptz back as Date; normalize anyway so callers can rely on it. */
function toData(row: ConsentData): ConsentData {
  return {
    ...row,
    scopes: [...row.scopes],
    grantedAt: new Date(row.grantedAt),
    expiresAt: new Date(row.expiresAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
  };
}

function insertRows(db: Queryable, consents: readonly NewConsent[]): Promise<ConsentData[]> {
  return db.query<ConsentData>(
    `INSERT INTO credit.consents (person_id, org_uscc, scopes, granted_at, expires_at, revoked_at)
     SELECT "personId", org, ARRAY(SELECT jsonb_array_elements_text(scopes)), "grantedAt",
       "expiresAt", "revokedAt"
     FROM jsonb_to_recordset($1::jsonb) AS x("personId" text, org text, scopes jsonb,
       "grantedAt" timestamptz, "expiresAt" timestamptz, "revokedAt" timestamptz)
     RETURNING ${CONSENT_COLUMNS}`,
    [
      JSON.stringify(
        consents.map((consent) => ({
          personId: consent.personId,
          org: consent.org,
          scopes: consent.scopes,
          grantedAt: consent.grantedAt.toISOString(),
          expiresAt: consent.expiresAt.toISOString(),
          revokedAt: consent.revokedAt?.toISOString() ?? null,
        })),
      ),
    ],
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL of the credit platform's consents (table `credit.consents`). */
export function createConsentStore(db: Database) {
  return {
    /** Stores one consent and returns it with its new id. */
    async insert(consent: NewConsent): Promise<ConsentData> {
      const [row] = await insertRows(db, [consent]);
      return toData(row);
    },

    /** Stores many consents (seeds), one statement per 2000 rows, in one transaction. */
    async insertMany(consents: readonly NewConsent[]): Promise<void> {
      await db.transaction(async (tx) => {
        await inBatches(consents, (batch) => insertRows(tx, batch));
      });
    },

    /**
     * Revokes consent `id` of person `personId` at `at`; revoking again keeps the first time.
     * Undefined when the person has no consent with that id (someone else's counts as none).
     */
    async revoke(id: string, personId: string, at: Date): Promise<ConsentData | undefined> {
      const rows = await db.query<ConsentData>(
        `UPDATE credit.consents SET revoked_at = COALESCE(revoked_at, $3::timestamptz)
         WHERE id = $1::uuid AND person_id = $2
         RETURNING ${CONSENT_COLUMNS}`,
        [id, personId, at.toISOString()],
      );
      return rows.length === 0 ? undefined : toData(rows[0]);
    },

    /** The person who gave consent `id`; undefined for an unknown or malformed id. */
    async findPersonOf(id: string): Promise<string | undefined> {
      if (!UUID.test(id)) return undefined;
      const rows = await db.query<{ personId: string }>(
        `SELECT person_id AS "personId" FROM credit.consents WHERE id = $1::uuid`,
        [id],
      );
      return rows[0]?.personId;
    },

    /** Every consent of the persons `personIds` (history included), newest first; one statement. */
    async findByPersons(personIds: readonly string[]): Promise<ConsentData[]> {
      const rows = await db.query<ConsentData>(
        `SELECT ${CONSENT_COLUMNS} FROM credit.consents
         WHERE person_id = ANY($1::text[]) ORDER BY granted_at DESC, id`,
        [personIds],
      );
      return rows.map(toData);
    },

    /** The consents of `personIds` to `org` unrevoked and unexpired at `at`; one statement. */
    async findActiveForOrg(
      org: string,
      personIds: readonly string[],
      at: Date,
    ): Promise<ConsentData[]> {
      const rows = await db.query<ConsentData>(
        `SELECT ${CONSENT_COLUMNS} FROM credit.consents
         WHERE org_uscc = $1 AND person_id = ANY($2::text[]) AND revoked_at IS NULL
           AND expires_at > $3::timestamptz AND granted_at <= $3::timestamptz
         ORDER BY person_id, granted_at, id`,
        [org, personIds, at.toISOString()],
      );
      return rows.map(toData);
    },

    /** Forgets every consent (seeding a fresh county). */
    async deleteAll(): Promise<void> {
      await db.query('DELETE FROM credit.consents');
    },
  };
}

export type ConsentStore = ReturnType<typeof createConsentStore>;
