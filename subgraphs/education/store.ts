import type { CreditFeedEntry, CreditFeedPage } from '../kit/credit-feed-store';
import { createCreditFeedStore } from '../kit/credit-feed-store';
import type { Database } from '../kit/db/database';
import { inBatches, insertJsonRows } from '../kit/db/in-batches';
import { integrityFeedEntry, isPublishable } from './education-feed-entries';
import { mayKeepIntegrityRecord } from './integrity-age-rule';
import type { EducationInfoRecord, EducationRecords, IntegrityRecord } from './records';

/** Rows per bulk insert statement. */

const feed = createCreditFeedStore('education');

/**
 * Everything about each asked person in ONE statement: a row per id (also for persons the bureau
 * holds nothing on), each list aggregated as JSON, newest first. The integrity file comes back
 * unfiltered; the caller applies the age rule.
 */
const EDUCATION_INFO_SQL = `SELECT k.id AS "personId",
  COALESCE((SELECT json_agg(json_build_object('id', r.id, 'personId', r.person_id,
      'kind', r.kind, 'institution', r.institution,
      'decidedAt', to_char(r.decided_at, 'YYYY-MM-DD'), 'decisionNo', r.decision_no,
      'description', r.description, 'status', r.status,
      'statusChangedAt', to_char(r.status_changed_at, 'YYYY-MM-DD'))
      ORDER BY r.decided_at DESC, r.id)
    FROM education.integrity_records r WHERE r.person_id = k.id), '[]'::json) AS "integrityFile",
  COALESCE((SELECT json_agg(json_build_object('id', q.id, 'personId', q.person_id,
      'kind', q.kind, 'certificateNo', q.certificate_no,
      'issuedAt', to_char(q.issued_at, 'YYYY-MM-DD'), 'issuer', q.issuer, 'status', q.status)
      ORDER BY q.issued_at DESC, q.id)
    FROM education.qualifications q WHERE q.person_id = k.id), '[]'::json) AS qualifications,
  COALESCE((SELECT json_agg(json_build_object('id', h.id, 'personId', h.person_id,
      'kind', h.kind, 'level', h.level, 'decidedAt', to_char(h.decided_at, 'YYYY-MM-DD'),
      'decisionNo', h.decision_no, 'issuer', h.issuer, 'status', h.status,
      'statusChangedAt', to_char(h.status_changed_at, 'YYYY-MM-DD'))
      ORDER BY h.decided_at DESC, h.id)
    FROM education.teaching_honours h WHERE h.person_id = k.id), '[]'::json) AS honours
FROM unnest($1::bpchar[]) AS k(id)`;

const INSERT_INTEGRITY_SQL = `INSERT INTO education.integrity_records (id, person_id, kind,
    institution, decided_at, decision_no, description, status, status_changed_at)
  SELECT id, person_id, kind, institution, decided_at, decision_no, description, status,
    status_changed_at
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, kind text, institution text,
    decided_at date, decision_no text, description text, status text, status_changed_at date)`;

/** SQL of the education subgraph (schema `education`). */
export function createEducationStore(db: Database) {
  return {
    /** Integrity file, qualifications and honours of each of `personIds`, in one statement. */
    findEducationInfo(personIds: readonly string[]): Promise<EducationInfoRecord[]> {
      return db.query<EducationInfoRecord>(EDUCATION_INFO_SQL, [personIds]);
    },

    /** A page of the credit feed as stored (see createCreditFeedStore). */
    creditFeed(after: string | null | undefined, first: number): Promise<CreditFeedPage> {
      return feed.page(db, after, first);
    },

    /**
     * Records a new integrity decision and publishes it to the credit feed in one transaction.
     * Refuses (throws, writing nothing) a decision about a person under 18 on its date.
     */
    async recordIntegrityRecord(record: IntegrityRecord): Promise<void> {
      refuseMinors([record]);
      await db.transaction(async (tx) => {
        await tx.query(INSERT_INTEGRITY_SQL, [JSON.stringify([integrityRow(record)])]);
        await feed.append(tx, [integrityFeedEntry(record)]);
      });
    },

    /**
     * Replaces all education data with `records` and the credit feed with `feedEntries`, in one
     * transaction and one statement per 2,000 rows. Refuses (throws, writing nothing) if any
     * integrity record or integrity feed entry is about a person under 18 on its decision date.
     * The feed's change_seq keeps counting up, so a collector's cursor never points into the new
     * feed.
     */
    async replaceAll(
      records: EducationRecords,
      feedEntries: readonly CreditFeedEntry[],
    ): Promise<void> {
      refuseMinors(records.integrityRecords);
      const minorEntry = feedEntries.find((entry) => !isPublishable(entry));
      if (minorEntry) {
        throw new Error(`feed entry ${minorEntry.sourceRecordId} is about a minor`);
      }
      await db.transaction(async (tx) => {
        await tx.exec(
          `DELETE FROM education.integrity_records; DELETE FROM education.qualifications;
           DELETE FROM education.teaching_honours; DELETE FROM education.credit_feed;
           DELETE FROM education.decisions; DELETE FROM education.decision_versions;`,
        );
        await insertJsonRows(tx, records.integrityRecords.map(integrityRow), INSERT_INTEGRITY_SQL);
        await insertJsonRows(
          tx,
          records.qualifications.map((q) => ({
            id: q.id,
            person_id: q.personId,
            kind: q.kind,
            certificate_no: q.certificateNo,
            issued_at: q.issuedAt,
            issuer: q.issuer,
            status: q.status,
          })),
          `INSERT INTO education.qualifications (id, person_id, kind, certificate_no, issued_at,
             issuer, status)
           SELECT id, person_id, kind, certificate_no, issued_at, issuer, status
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, kind text,
             certificate_no text, issued_at date, issuer text, status text)`,
        );
        await insertJsonRows(
          tx,
          records.honours.map((h) => ({
            id: h.id,
            person_id: h.personId,
            kind: h.kind,
            level: h.level,
            decided_at: h.decidedAt,
            decision_no: h.decisionNo,
            issuer: h.issuer,
            status: h.status,
            status_changed_at: h.statusChangedAt,
          })),
          `INSERT INTO education.teaching_honours (id, person_id, kind, level, decided_at,
             decision_no, issuer, status, status_changed_at)
           SELECT id, person_id, kind, level, decided_at, decision_no, issuer, status,
             status_changed_at
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, kind text,
             level text, decided_at date, decision_no text, issuer text, status text,
             status_changed_at date)`,
        );
        await inBatches(feedEntries, (batch) => feed.append(tx, batch));
      });
    },
  };
}

export type EducationStore = ReturnType<typeof createEducationStore>;

/** Throws, naming the first record, if any record is about a person under 18 on its date. */
function refuseMinors(records: readonly IntegrityRecord[]): void {
  const minor = records.find((record) => !mayKeepIntegrityRecord(record));
  if (minor) {
    throw new Error(
      `integrity record ${minor.id}: the person was under 18 on ${minor.decidedAt}; ` +
        'the integrity file keeps adults only',
    );
  }
}

function integrityRow(r: IntegrityRecord): Record<string, unknown> {
  return {
    id: r.id,
    person_id: r.personId,
    kind: r.kind,
    institution: r.institution,
    decided_at: r.decidedAt,
    decision_no: r.decisionNo,
    description: r.description,
    status: r.status,
    status_changed_at: r.statusChangedAt,
  };
}

/** Inserts `rows` with `sql` (which reads them from `$1::jsonb`), 2,000 rows per statement. */
