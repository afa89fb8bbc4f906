/**
 * All SQL of the audit read side, over the audit store's schema `audit` (lib/audit/migrations,
 * which this subgraph migrates as its own). Read only: nothing here writes the log.
 *
 * API (createAuditReadStore(db)):
 *   .searchEvents(filter, { hmacKey, first, after })   // auditors' search, newest first
 *   .entriesOfSubjects(hmacs, first, after)            // Person.accessLog, one statement
 *   .requestsAboutCitizen(hmac, { first, after, now, judicialDelayMonths })
 *   .manySubjectAlerts(scope, threshold) / .offHoursAlerts(scope, hours) / .caseRefAlerts(scope, threshold)
 */
import { searchAuditEntries } from '../../lib/audit/search';
import { utcTextSql } from '../../lib/audit/utc-text-sql';
import type { AuditSearchFilter, AuditSearchPage } from '../../lib/audit/search';
import type { JsonValue } from '../../lib/audit/canonical';
import type { Database } from '../kit/db/database';
import type { AccessRecord, AccessRequest } from './rules/access-log-entry';
import type { AlertRow } from './rules/audit-alert';
import type { IsoWeekday } from './rules/audit-read-config';
import type { LoggedEntry } from './rules/event-view';
import type { EntryPosition, RequestPosition } from './rules/page-cursor';

const ENTRY_COLUMNS = `e.writer, e.seq::text AS seq, e.prev_hash, e.hash,
  ${utcTextSql('e.recorded_at')} AS recorded_at, e.kind, e.request_id, e.payload`;

interface EntryRow {
  writer: string;
  seq: string;
  prev_hash: string;
  hash: string;
  recorded_at: string;
  kind: 'operation' | 'resolver';
  request_id: string | null;
  payload: JsonValue;
}

function toLoggedEntry(row: EntryRow): LoggedEntry {
  return {
    writer: row.writer,
    seq: Number(row.seq),
    recordedAt: row.recorded_at,
    kind: row.kind,
    requestId: row.request_id,
    payload: row.payload,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

/** An entry of a subject's access log, with the subject HMAC it was found under. */
export interface SubjectEntry extends LoggedEntry {
  subjectHmac: string;
}

/** What the alert queries look at: gateway operation records touching at least one person. */
export interface AlertScope {
  /** Inclusive lower bound, ISO instant. */
  from: string;
  /** Exclusive upper bound, ISO instant. */
  to: string;
  /** IANA time zone of calendar hours and days. */
  timeZone: string;
  clientTypes: readonly string[];
}

interface AlertSqlRow {
  user_name: string | null;
  users: string[] | null;
  dept: string | null;
  case_ref: string | null;
  window_from: string | null;
  window_to: string | null;
  count: number;
  request_ids: (string | null)[];
}

function toAlertRow(row: AlertSqlRow): AlertRow {
  return {
    user: row.user_name,
    users: row.users ?? (row.user_name === null ? [] : [row.user_name]),
    dept: row.dept,
    caseRef: row.case_ref,
    windowFrom: row.window_from,
    windowTo: row.window_to,
    count: row.count,
    requestIds: row.request_ids.filter((id): id is string => id !== null),
  };
}

/** Operations in scope: $1 from, $2 to, $3 time zone, $4 client types. */
const OPERATIONS_IN_SCOPE = `ops AS (
  SELECT e.writer, e.seq, e.recorded_at, e.request_id,
         e.payload->>'user' AS user_name, e.payload->>'dept' AS dept,
         e.payload->>'caseRef' AS case_ref, e.recorded_at AT TIME ZONE $3::text AS local_at
    FROM audit.entries e
   WHERE e.kind = 'operation'
     AND e.recorded_at >= $1::timestamptz AND e.recorded_at < $2::timestamptz
     AND e.payload->>'clientType' = ANY($4::text[])
     AND EXISTS (SELECT 1 FROM audit.entry_subjects s WHERE s.writer = e.writer AND s.seq = e.seq))`;

/** The UTC text of a local `timestamp` (no zone) read in zone $3. */
const LOCAL_TO_UTC_TEXT = (local: string) => utcTextSql(`((${local}) AT TIME ZONE $3::text)`);

/** SQL of the audit read side. */
export function createAuditReadStore(db: Database) {
  function scopeParams(scope: AlertScope): unknown[] {
    return [scope.from, scope.to, scope.timeZone, [...scope.clientTypes]];
  }

  return {
    /** One page of the auditors' search, newest first (lib/audit search; HMACs computed there). */
    searchEvents(
      filter: AuditSearchFilter,
      options: { hmacKey?: Buffer; first: number; after?: string },
    ): Promise<AuditSearchPage> {
      return searchAuditEntries(db, filter, { ...options, order: 'desc' });
    },

    /**
     * Up to `limit` entries naming each subject HMAC, newest first and after `after`, for all
     * subjects in ONE statement (a LATERAL join per subject).
     */
    async entriesOfSubjects(
      hmacs: readonly string[],
      limit: number,
      after: EntryPosition | undefined,
    ): Promise<SubjectEntry[]> {
      const rows = await db.query<EntryRow & { subject_hmac: string }>(
        `SELECT x.subject_hmac, p.*
           FROM unnest($1::text[]) AS x(subject_hmac)
           CROSS JOIN LATERAL (
             SELECT ${ENTRY_COLUMNS}
               FROM audit.entry_subjects s
               JOIN audit.entries e ON e.writer = s.writer AND e.seq = s.seq
              WHERE s.subject_hmac = x.subject_hmac
                AND ($2::timestamptz IS NULL
                     OR (e.recorded_at, e.writer, e.seq) < ($2::timestamptz, $3::text, $4::bigint))
              ORDER BY e.recorded_at DESC, e.writer DESC, e.seq DESC
              LIMIT $5) p`,
        [hmacs, after?.recordedAt ?? null, after?.writer ?? null, after?.seq ?? null, limit],
      );
      return rows.map((row) => ({ ...toLoggedEntry(row), subjectHmac: row.subject_hmac }));
    },

    /**
     * The requests that read data of the citizen with subject HMAC `hmac`, newest first: every
     * record of a request that names them, with that citizen's own fields. Left out: requests
     * the citizen made themself, requests in which nothing of theirs was resolved (all denied),
     * and JUDICIAL requests less than `judicialDelayMonths` before `now`.
     */
    async requestsAboutCitizen(
      hmac: string,
      options: {
        limit: number;
        after?: RequestPosition;
        now: Date;
        judicialDelayMonths: number;
      },
    ): Promise<AccessRequest[]> {
      const rows = await db.query<{
        request_id: string;
        first_at: string;
        records: AccessRecord[];
      }>(
        `WITH mine AS (
           SELECT e.request_id, e.recorded_at, e.kind, e.payload,
                  coalesce(CASE WHEN e.kind = 'resolver' THEN r.item->'fields'
                                ELSE e.payload->'fields'->'returned' END, '[]'::jsonb) AS fields,
                  coalesce(CASE WHEN e.kind = 'resolver' THEN r.item->'masked'
                                ELSE e.payload->'fields'->'masked' END, '[]'::jsonb) AS masked
             FROM audit.entry_subjects s
             JOIN audit.entries e ON e.writer = s.writer AND e.seq = s.seq
             LEFT JOIN LATERAL (
               SELECT item FROM jsonb_array_elements(
                 CASE WHEN jsonb_typeof(e.payload->'resolved') = 'array'
                      THEN e.payload->'resolved' ELSE '[]'::jsonb END) AS item
                WHERE item->'subject'->>'hmac' = $1
                LIMIT 1) r ON true
            WHERE s.subject_hmac = $1
              AND e.request_id IS NOT NULL
              AND e.payload->>'userHmac' IS DISTINCT FROM $1
              AND e.payload->'callerPerson'->>'hmac' IS DISTINCT FROM $1
         ), seen AS (
           SELECT m.*, jsonb_typeof(m.fields) = 'array' AND jsonb_typeof(m.masked) = 'array'
                  AND jsonb_array_length(m.fields) + jsonb_array_length(m.masked) > 0 AS saw
             FROM mine m
         ), requests AS (
           SELECT request_id, min(recorded_at) AS first_at,
                  bool_or(kind = 'resolver') AS has_resolver,
                  bool_or(kind = 'resolver' AND saw) AS resolver_saw,
                  bool_or(kind = 'operation' AND saw) AS operation_saw,
                  bool_or(payload->>'purpose' = 'JUDICIAL') AS judicial,
                  jsonb_agg(jsonb_build_object(
                    'kind', kind, 'dept', payload->'dept', 'clientType', payload->'clientType',
                    'org', payload->'org', 'purpose', payload->'purpose',
                    'caseRef', payload->'caseRef',
                    'fields', CASE WHEN jsonb_typeof(fields) = 'array' THEN fields ELSE '[]' END,
                    'masked', CASE WHEN jsonb_typeof(masked) = 'array' THEN masked ELSE '[]' END)
                    ORDER BY recorded_at) AS records
             FROM seen GROUP BY request_id
         )
         SELECT request_id, ${utcTextSql('first_at')} AS first_at, records
           FROM requests
          WHERE CASE WHEN has_resolver THEN resolver_saw ELSE operation_saw END
            AND (NOT judicial OR first_at + make_interval(months => $2::int) <= $3::timestamptz)
            AND ($4::timestamptz IS NULL OR (first_at, request_id) < ($4::timestamptz, $5::text))
          ORDER BY first_at DESC, request_id DESC
          LIMIT $6`,
        [
          hmac,
          options.judicialDelayMonths,
          options.now.toISOString(),
          options.after?.firstAt ?? null,
          options.after?.requestId ?? null,
          options.limit,
        ],
      );
      return rows.map((row) => ({
        requestId: row.request_id,
        firstAt: row.first_at,
        records: row.records.map((record) => ({
          kind: record.kind,
          dept: record.dept ?? null,
          clientType: record.clientType ?? null,
          org: record.org ?? null,
          purpose: record.purpose ?? null,
          caseRef: record.caseRef ?? null,
          fields: record.fields.filter((field) => typeof field === 'string'),
          masked: record.masked.filter((field) => typeof field === 'string'),
        })),
      }));
    },

    /** Users who touched at least `threshold` distinct persons in one calendar hour. */
    async manySubjectAlerts(scope: AlertScope, threshold: number): Promise<AlertRow[]> {
      const rows = await db.query<AlertSqlRow>(
        `WITH ${OPERATIONS_IN_SCOPE}
         SELECT o.user_name, NULL::text[] AS users, o.dept, NULL::text AS case_ref,
                ${LOCAL_TO_UTC_TEXT(`date_trunc('hour', o.local_at)`)} AS window_from,
                ${LOCAL_TO_UTC_TEXT(`date_trunc('hour', o.local_at) + interval '1 hour'`)} AS window_to,
                count(DISTINCT s.subject_hmac)::int AS count,
                array_agg(o.request_id ORDER BY o.recorded_at, o.request_id) AS request_ids
           FROM ops o JOIN audit.entry_subjects s ON s.writer = o.writer AND s.seq = o.seq
          GROUP BY o.user_name, o.dept, date_trunc('hour', o.local_at)
         HAVING count(DISTINCT s.subject_hmac) >= $5`,
        [...scopeParams(scope), threshold],
      );
      return rows.map(toAlertRow);
    },

    /**
     * Users with at least `threshold` operations outside business hours [startMinute, endMinute)
     * or on a weekend day, per local day.
     */
    async offHoursAlerts(
      scope: AlertScope,
      hours: {
        startMinute: number;
        endMinute: number;
        weekendDays: readonly IsoWeekday[];
        threshold: number;
      },
    ): Promise<AlertRow[]> {
      const minuteOfDay = `(extract(hour FROM o.local_at)::int * 60 + extract(minute FROM o.local_at)::int)`;
      const rows = await db.query<AlertSqlRow>(
        `WITH ${OPERATIONS_IN_SCOPE}
         SELECT o.user_name, NULL::text[] AS users, o.dept, NULL::text AS case_ref,
                ${LOCAL_TO_UTC_TEXT(`date_trunc('day', o.local_at)`)} AS window_from,
                ${LOCAL_TO_UTC_TEXT(`date_trunc('day', o.local_at) + interval '1 day'`)} AS window_to,
                count(*)::int AS count,
                array_agg(o.request_id ORDER BY o.recorded_at, o.request_id) AS request_ids
           FROM ops o
          WHERE extract(isodow FROM o.local_at)::int = ANY($5::int[])
             OR ${minuteOfDay} < $6 OR ${minuteOfDay} >= $7
          GROUP BY o.user_name, o.dept, date_trunc('day', o.local_at)
         HAVING count(*) >= $8`,
        [
          ...scopeParams(scope),
          [...hours.weekendDays],
          hours.startMinute,
          hours.endMinute,
          hours.threshold,
        ],
      );
      return rows.map(toAlertRow);
    },

    /** Case refs of one department used for at least `threshold` distinct persons in scope. */
    async caseRefAlerts(scope: AlertScope, threshold: number): Promise<AlertRow[]> {
      const rows = await db.query<AlertSqlRow>(
        `WITH ${OPERATIONS_IN_SCOPE}
         SELECT CASE WHEN count(DISTINCT o.user_name) = 1 THEN min(o.user_name) END AS user_name,
                coalesce(array_agg(DISTINCT o.user_name) FILTER (WHERE o.user_name IS NOT NULL),
                         '{}'::text[]) AS users,
                o.dept, o.case_ref, NULL::text AS window_from, NULL::text AS window_to,
                count(DISTINCT s.subject_hmac)::int AS count,
                array_agg(o.request_id ORDER BY o.recorded_at, o.request_id) AS request_ids
           FROM ops o JOIN audit.entry_subjects s ON s.writer = o.writer AND s.seq = o.seq
          WHERE o.case_ref IS NOT NULL
          GROUP BY o.dept, o.case_ref
         HAVING count(DISTINCT s.subject_hmac) >= $5`,
        [...scopeParams(scope), threshold],
      );
      return rows.map(toAlertRow);
    },
  };
}

/** The audit read side's store. */
export type AuditReadStore = ReturnType<typeof createAuditReadStore>;
