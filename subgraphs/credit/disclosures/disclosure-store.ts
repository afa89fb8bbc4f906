import { chinaToday } from '../../../lib/civil-time/china-today';
import { maskName } from '../../../lib/policy/maskers';
import type { Database } from '../../kit/db/database';
import type { CollectedPage } from '../store';
import type { CollectedDisclosure } from './disclosure-entry-reader';
import { publishableFrom } from './publishable-about';

/** A published decision as stored (party name already masked, id still clear). */
export interface StoredDisclosure {
  id: string;
  kind: 'LICENSING' | 'PENALTY';
  dept: string;
  personId: string;
  partyNameMasked: string;
  decisionNo: string;
  decidedAt: string;
  /** A code of the catalog's disclosureItems; its name is the public title. */
  disclosureItem: string;
  authority: string;
  validUntil: string | null;
}

/** Which published decisions to list. */
export interface DisclosureQuery {
  kind: 'LICENSING' | 'PENALTY' | null;
  /** Source department code, or null for all. */
  dept: string | null;
  /** Decided on or after (ISO date), or null. */
  from: string | null;
  /** Decided on or before (ISO date); never after the day of the request. */
  to: string;
  /** Keyset position: list decisions strictly after it in (decidedAt desc, id desc) order. */
  after: { decidedAt: string; id: string } | null;
  limit: number;
  /** The day of the request (ISO): publication periods are judged on it. */
  asOf: string;
  /**
   * Publication period (months from the decision date) of each catalog item whose penalties are
   * published (policy/catalog.yaml `publicationMonths`); a penalty of any other item, or of none,
   * is not published.
   */
  publication: readonly { code: string; months: number }[];
}

const COLUMNS = `d.id, d.kind, d.source_dept AS dept, d.person_id AS "personId",
  d.party_name_masked AS "partyNameMasked", d.decision_no AS "decisionNo",
  to_char(d.decided_at, 'YYYY-MM-DD') AS "decidedAt", d.disclosure_item AS "disclosureItem",
  d.authority,
  to_char(d.valid_until, 'YYYY-MM-DD') AS "validUntil"`;

/** Options of {@link createDisclosureStore}. */
export interface DisclosureStoreOptions {
  /**
   * The day (ISO) a decision of `decidedAt` must be published by (双公示: 7 working days after it,
   * by the platform's calendar); default none: publication is then not judged.
   */
  publicationDue?: (decidedAt: string) => string;
}

/** Published decisions of one department and kind, by whether they came out in time. */
export interface DisclosureTimeliness {
  dept: string;
  kind: 'LICENSING' | 'PENALTY';
  onTime: number;
  late: number;
}

/** SQL of collected licensing and penalty decisions for public disclosure (schema `credit`). */
export function createDisclosureStore(db: Database, options: DisclosureStoreOptions = {}) {
  return {
    /** The cursor of every disclosure source seen so far. */
    findSourceStates(): Promise<{ source: string; cursor: string | null }[]> {
      return db.query(
        'SELECT source, cursor FROM credit.disclosure_collection_state ORDER BY source',
      );
    },

    /**
     * Upserts a page of decisions (only a newer change_seq replaces a stored version) and advances
     * the cursor in ONE transaction. The party's name is masked here, before it is stored, and the
     * day the party turns 18 is derived from the id: the clear name never reaches the table.
     */
    async commitPage(page: CollectedPage<CollectedDisclosure>): Promise<number> {
      const publishedOn = chinaToday(page.attemptAt);
      const rows = page.entries.map(({ partyName, ...entry }) => ({
        ...entry,
        partyNameMasked: maskName(partyName),
        partyAdultFrom: publishableFrom(entry.personId),
        publicationDue: options.publicationDue?.(entry.decidedAt) ?? null,
      }));
      return db.transaction(async (tx) => {
        let changed = 0;
        if (rows.length > 0) {
          const [{ n }] = await tx.query<{ n: number }>(
            `WITH latest AS (
               SELECT DISTINCT ON (x."sourceRecordId") x.*
               FROM jsonb_to_recordset($2::jsonb) AS x("sourceRecordId" text, kind text,
                 "personId" text, "partyNameMasked" text, "partyAdultFrom" date,
                 "decisionNo" text, "decidedAt" date, "disclosureItem" text, authority text,
                 "validUntil" date, status text, "statusChangedAt" date, "catalogCode" text,
                 "changeSeq" bigint, "publicationDue" date)
               ORDER BY x."sourceRecordId", x."changeSeq" DESC
             ), upserted AS (
               INSERT INTO credit.disclosures AS d (source_dept, source_record_id, kind,
                 person_id, party_name_masked, party_adult_from, decision_no, decided_at,
                 disclosure_item,
                 authority, valid_until, status, status_changed_at, catalog_code, change_seq,
                 collected_at, first_published_on, publication_due)
               SELECT $1, "sourceRecordId", kind, "personId", "partyNameMasked", "partyAdultFrom",
                 "decisionNo", "decidedAt", "disclosureItem", authority, "validUntil", status,
                 "statusChangedAt", "catalogCode", "changeSeq", $3::timestamptz, $4::date,
                 "publicationDue"
               FROM latest
               ON CONFLICT (source_dept, source_record_id) DO UPDATE SET
                 kind = EXCLUDED.kind, person_id = EXCLUDED.person_id,
                 party_name_masked = EXCLUDED.party_name_masked,
                 party_adult_from = EXCLUDED.party_adult_from,
                 decision_no = EXCLUDED.decision_no, decided_at = EXCLUDED.decided_at,
                 disclosure_item = EXCLUDED.disclosure_item, authority = EXCLUDED.authority,
                 valid_until = EXCLUDED.valid_until, status = EXCLUDED.status,
                 status_changed_at = EXCLUDED.status_changed_at,
                 catalog_code = EXCLUDED.catalog_code,
                 change_seq = EXCLUDED.change_seq, collected_at = EXCLUDED.collected_at
               WHERE d.change_seq < EXCLUDED.change_seq
               RETURNING 1
             )
             SELECT count(*)::int AS n FROM upserted`,
            [page.source, JSON.stringify(rows), page.attemptAt.toISOString(), publishedOn],
          );
          changed = n;
        }
        await tx.query(
          `INSERT INTO credit.disclosure_collection_state AS s (source, cursor, last_success_at,
             last_attempt_at, last_error)
           VALUES ($1, $2, $3::timestamptz, $4::timestamptz, NULL)
           ON CONFLICT (source) DO UPDATE SET cursor = EXCLUDED.cursor,
             last_attempt_at = EXCLUDED.last_attempt_at,
             last_success_at = COALESCE(EXCLUDED.last_success_at, s.last_success_at),
             last_error = CASE WHEN EXCLUDED.last_success_at IS NULL THEN s.last_error END`,
          [
            page.source,
            page.cursor,
            page.successAt?.toISOString() ?? null,
            page.attemptAt.toISOString(),
          ],
        );
        return changed;
      });
    },

    /** Records a failed pass of a disclosure source; its cursor stays as it was. */
    async recordFailure(source: string, attemptAt: Date, error: string): Promise<void> {
      await db.query(
        `INSERT INTO credit.disclosure_collection_state AS s (source, cursor, last_attempt_at,
           last_error)
         VALUES ($1, NULL, $2::timestamptz, $3)
         ON CONFLICT (source) DO UPDATE SET last_attempt_at = EXCLUDED.last_attempt_at,
           last_error = EXCLUDED.last_error`,
        [source, attemptAt.toISOString(), error],
      );
    },

    /**
     * Published decisions, newest first, in one statement. A decision is published while:
     * - it is in force (a REVOKED decision is withdrawn: 行政处罚法 第四十八条);
     * - the party was 18 or older on the decision date (minors never; an id without a real
     *   birth date never);
     * - it is within its publication period on `query.asOf`: a licence while valid (through
     *   `valid_until`, or with no expiry), a penalty through its decision date plus the
     *   `publicationMonths` of its catalog item (end-of-month clamped, as display periods), and a
     *   penalty of an unpublished item (simple procedure: AMR_PENALTY_MINOR) never;
     * - no approved repair and no objection upheld with REMOVED is about it: the same matching as
     *   objections/record-adjustment.ts (the department's record id, or for a seeded claim the
     *   person's decision of that item and department made on or before the claim).
     * Decided no later than `query.to`.
     */
    findPublished(query: DisclosureQuery): Promise<StoredDisclosure[]> {
      return db.query<StoredDisclosure>(
        `WITH publication AS (
           SELECT code, months FROM jsonb_to_recordset($8::jsonb) AS p(code text, months int)
         )
         SELECT ${COLUMNS} FROM credit.disclosures d
         WHERE d.status = 'ACTIVE' AND d.party_adult_from IS NOT NULL
           AND d.decided_at >= d.party_adult_from
           AND ((d.kind = 'LICENSING' AND (d.valid_until IS NULL OR d.valid_until >= $9::date))
             OR (d.kind = 'PENALTY' AND EXISTS (
               SELECT 1 FROM publication p WHERE p.code = d.catalog_code
                 AND $9::date <= (d.decided_at + make_interval(months => p.months))::date)))
           AND NOT EXISTS (
             SELECT 1 FROM credit.repairs r
             WHERE r.status = 'APPROVED' AND r.person_id = d.person_id
               AND r.source_dept = d.source_dept
               AND (r.source_record_id = d.source_record_id
                 OR (r.source_record_id IS NULL AND r.catalog_code = d.catalog_code
                   AND d.decided_at <= r.applied_on)))
           AND NOT EXISTS (
             SELECT 1 FROM credit.objections o
             WHERE o.status = 'UPHELD' AND o.correction = 'REMOVED'
               AND o.person_id = d.person_id AND o.source_dept = d.source_dept
               AND (o.source_record_id = d.source_record_id
                 OR (o.source_record_id IS NULL AND o.catalog_code = d.catalog_code
                   AND d.decided_at <= o.filed_on)))
           AND ($1::text IS NULL OR d.kind = $1) AND ($2::text IS NULL OR d.source_dept = $2)
           AND ($3::date IS NULL OR d.decided_at >= $3::date) AND d.decided_at <= $4::date
           AND ($5::date IS NULL OR (d.decided_at, d.id) < ($5::date, $6::text))
         ORDER BY d.decided_at DESC, d.id DESC LIMIT $7`,
        [
          query.kind,
          query.dept,
          query.from,
          query.to,
          query.after?.decidedAt ?? null,
          query.after?.id ?? null,
          query.limit,
          JSON.stringify(query.publication),
          query.asOf,
        ],
      );
    },

    /**
     * Published decisions that were judged (collected with a due date), by department and kind:
     * how many came out by their due day and how many later. Counted as the public listing would
     * show them, whatever the day: licences, and penalties of an item in `publishedItems`
     * (catalog codes with a publication period), of adult parties.
     */
    timeliness(publishedItems: readonly string[]): Promise<DisclosureTimeliness[]> {
      return db.query<DisclosureTimeliness>(
        `SELECT source_dept AS dept, kind,
           count(*) FILTER (WHERE first_published_on <= publication_due)::int AS "onTime",
           count(*) FILTER (WHERE first_published_on > publication_due)::int AS late
         FROM credit.disclosures
         WHERE publication_due IS NOT NULL AND first_published_on IS NOT NULL
           AND party_adult_from IS NOT NULL AND decided_at >= party_adult_from
           AND (kind = 'LICENSING' OR catalog_code = ANY($1::text[]))
         GROUP BY source_dept, kind ORDER BY source_dept, kind`,
        [publishedItems],
      );
    },

    /** Forgets every collected decision and cursor (seeding: the next pass collects afresh). */
    async resetCollection(): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM credit.disclosures');
        await tx.query('DELETE FROM credit.disclosure_collection_state');
      });
    },
  };
}

export type DisclosureStore = ReturnType<typeof createDisclosureStore>;
