/**
 * `npm run audit -- <command>`: the audit team's tool for the audit store (DESIGN §5).
 *
 *   npm run audit -- search --subject 51192119850312123X --from 2025-01-01 [--to 2025-03-31]
 *                           [--dept TAX] [--purpose ADMIN_LICENSING] [--user u1] [--case-ref C-1]
 *                           [--writer gateway] [--request-id r1] [--result denied]
 *                           [--first 100] [--after <cursor>] [--json]
 *   npm run audit -- export --from 2025-01-01 --to 2025-03-31 --out audit-q1.jsonl [filters]
 *                           [--overwrite]
 *   npm run audit -- prune  [--before 2022-01-01] [--retention-months 36]
 *
 * Dates: yyyy-mm-dd is a UTC day (`--to` includes it), or an ISO instant with a time zone.
 * Search by `--subject` (or a citizen `--user`) needs the writers' HMAC key: AUDIT_HMAC_KEY, else
 * <data-dir>/keys/audit-hmac.key. Prune uses AUDIT_RETENTION_MONTHS (default 36, at least 6).
 * Common options: --data-dir <dir> (default DATA_DIR or .data), --force (open the embedded store
 * although postmaster.pid is there: only when the system is surely not running), --timeout <s>
 * (default 60, at most 3600: how long one read or write of the store may take, a search, one page
 * of an export, one chain's prune; beyond it the command fails with exit 1 and says so, so a
 * locked or overloaded store never leaves the auditor waiting without an answer).
 * The store is opened as the system does: AUDIT_DATABASE_URL, else the embedded PGlite in
 * <data-dir>/pglite, which only one process may open: stop the system first, or use PostgreSQL.
 * Progress goes to stderr, results to stdout. Exit 0 ok, 1 on an error, 2 on a usage error.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../lib/db/database';
import { loadAuditHmacKey } from '../lib/audit/audit-hmac-key';
import { exportAuditEntries } from '../lib/audit/export-entries';
import { openAuditDatabase } from '../lib/audit/open-audit-database';
import { QueryTimeoutError, withQueryTimeout } from '../lib/db/with-query-timeout';
import { pruneBefore } from '../lib/audit/prune';
import { readRetentionMonths, retentionCutoff } from '../lib/audit/retention';
import { searchAuditEntries } from '../lib/audit/search';
import type { AuditEntryView, AuditSearchFilter } from '../lib/audit/search';

const USAGE = `usage:
  npm run audit -- search --subject <id> [--from <date>] [--to <date>] [--dept <code>]
                          [--purpose <code>] [--user <sub>] [--case-ref <ref>] [--writer <name>]
                          [--request-id <id>] [--result <decision>] [--first <n>] [--after <cursor>]
                          [--json]
  npm run audit -- export --from <date> --to <date> --out <file.jsonl> [filters] [--overwrite]
  npm run audit -- prune [--before <date>] [--retention-months <n>]
common: --data-dir <dir>  --force  --timeout <seconds, default 60>`;

const DEFAULT_TIMEOUT_SECONDS = 60;
const MAX_TIMEOUT_SECONDS = 3600;

const OPTIONS = {
  subject: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  dept: { type: 'string' },
  purpose: { type: 'string' },
  user: { type: 'string' },
  'case-ref': { type: 'string' },
  writer: { type: 'string' },
  'request-id': { type: 'string' },
  result: { type: 'string' },
  first: { type: 'string' },
  after: { type: 'string' },
  json: { type: 'boolean', default: false },
  out: { type: 'string' },
  overwrite: { type: 'boolean', default: false },
  before: { type: 'string' },
  'retention-months': { type: 'string' },
  'data-dir': { type: 'string' },
  force: { type: 'boolean', default: false },
  timeout: { type: 'string' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

function filterOf(values: Values): AuditSearchFilter {
  return {
    subject: values.subject,
    from: values.from,
    to: values.to,
    dept: values.dept,
    purpose: values.purpose,
    user: values.user,
    caseRef: values['case-ref'],
    writer: values.writer,
    requestId: values['request-id'],
    result: values.result,
  };
}

/** The HMAC key, only when the filter needs one (and never creating a new one). */
async function keyFor(values: Values): Promise<Buffer | undefined> {
  if (values.subject === undefined && values.user === undefined) return undefined;
  return loadAuditHmacKey({ dataDir: values['data-dir'] ?? process.env.DATA_DIR, create: false });
}

function text(payload: AuditEntryView['payload'], key: string): string | undefined {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  const value = payload[key];
  return typeof value === 'string' ? value : undefined;
}

function maskedSubjects(payload: AuditEntryView['payload']): string {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return '';
  const subjects = Array.isArray(payload.subjects) ? payload.subjects : [];
  return subjects
    .map((s) => (s !== null && typeof s === 'object' && !Array.isArray(s) ? String(s.masked) : '?'))
    .join(',');
}

function describeEntry(entry: AuditEntryView): string {
  const { payload } = entry;
  const parts = [
    entry.recordedAt,
    `${entry.writer}#${entry.seq}`,
    entry.kind,
    `request=${entry.requestId ?? '-'}`,
    `user=${text(payload, 'user') ?? '-'}`,
    `dept=${text(payload, 'dept') ?? '-'}`,
    `client=${text(payload, 'clientType') ?? '-'}`,
    `purpose=${text(payload, 'purpose') ?? '-'}`,
    `case=${text(payload, 'caseRef') ?? '-'}`,
  ];
  if (entry.kind === 'operation') {
    parts.push(
      `operation=${text(payload, 'operationName') ?? '-'}`,
      `result=${text(payload, 'result') ?? '-'}`,
    );
  }
  parts.push(`subjects=${maskedSubjects(payload) || '-'}`);
  return parts.join('  ');
}

/** `--retention-months`, else AUDIT_RETENTION_MONTHS, else 36; throws below 6. */
function retentionOf(values: Values): number {
  const option = values['retention-months'];
  return readRetentionMonths(
    option === undefined ? process.env : { AUDIT_RETENTION_MONTHS: option },
  );
}

/** `--timeout` in ms (validated by usageProblem first). */
function timeoutMsOf(values: Values): number {
  return Number(values.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
}

/** What is wrong with the arguments of `command`, checked before the store is opened. */
function usageProblem(command: string, values: Values): string | undefined {
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!/^\d+$/.test(values.timeout) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
      return `--timeout must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}`;
    }
  }
  if (command === 'search') {
    if (
      values.subject === undefined &&
      values.from === undefined &&
      values['request-id'] === undefined
    ) {
      return 'search needs --subject, --from or --request-id';
    }
    if (values.first !== undefined && !/^\d+$/.test(values.first))
      return '--first must be a number';
  }
  if (command === 'export') {
    if (values.out === undefined || values.from === undefined || values.to === undefined) {
      return 'export needs --from, --to and --out';
    }
    const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
    if (existsSync(out) && !values.overwrite) {
      return `${values.out} exists: choose another --out or pass --overwrite`;
    }
  }
  if (command === 'prune') {
    try {
      retentionOf(values);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
  return undefined;
}

async function search(db: Database, values: Values): Promise<void> {
  const first = values.first === undefined ? 100 : Number(values.first);
  const page = await searchAuditEntries(db, filterOf(values), {
    hmacKey: await keyFor(values),
    first,
    after: values.after,
  });
  for (const entry of page.entries) {
    console.log(values.json ? JSON.stringify(entry) : describeEntry(entry));
  }
  console.error(`${page.entries.length} entr${page.entries.length === 1 ? 'y' : 'ies'}`);
  if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
    console.error(`more: add --after ${page.pageInfo.endCursor}`);
  }
}

async function exportCommand(db: Database, values: Values): Promise<void> {
  // `npm run` starts in the package folder; the user means a path from where they typed it.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out ?? 'audit-export.jsonl');
  // Written aside and renamed at the end: a failed export never leaves a plausible partial file.
  const partial = `${out}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8', mode: 0o600 });
  const write = (line: string) =>
    stream.write(line) ? undefined : new Promise<void>((resolve) => stream.once('drain', resolve));
  const began = Date.now();
  try {
    const count = await exportAuditEntries(db, filterOf(values), write, {
      hmacKey: await keyFor(values),
      onProgress: (exported) => console.error(`export: ${exported} entries…`),
    });
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(resolve);
    });
    await rename(partial, out);
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    console.log(`exported ${count} entries to ${out} (${seconds} s)`);
  } catch (error) {
    stream.destroy();
    await unlink(partial).catch(() => undefined);
    throw error;
  }
}

async function prune(db: Database, values: Values): Promise<void> {
  const months = retentionOf(values);
  const cutoff = values.before ?? retentionCutoff(new Date(), months).toISOString();
  const result = await pruneBefore(db, cutoff, { retentionMonths: months });
  for (const chain of result.writers) {
    console.log(
      `pruned ${chain.writer}: ${chain.deleted} entries; anchor seq=${chain.anchor.seq} sha256=${chain.anchor.hash}`,
    );
  }
  console.log(`prune before ${result.cutoff}: ${result.writers.length} chain(s) pruned`);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`audit: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  const commands: Record<string, (db: Database, values: Values) => Promise<void>> = {
    search,
    export: exportCommand,
    prune,
  };
  const run = command === undefined ? undefined : commands[command];
  if (!run || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const problem = usageProblem(command ?? '', values);
  if (problem !== undefined) {
    console.error(`audit: ${problem}\n${USAGE}`);
    return 2;
  }
  const timeoutMs = timeoutMsOf(values);
  const { db, where } = await openAuditDatabase({
    dataDir: values['data-dir'],
    force: values.force,
    // The server cancels what this command stops waiting for (a second later, so the client's
    // own bound answers first and the message below is the one the auditor sees).
    statementTimeoutMs: timeoutMs + 1000,
  });
  try {
    console.error(`audit ${command}: ${where}`);
    await run(withQueryTimeout(db, timeoutMs), values);
    return 0;
  } catch (error) {
    if (error instanceof QueryTimeoutError || isServerTimeout(error)) {
      throw new Error(
        `the audit store did not answer within ${timeoutMs / 1000} s (--timeout): it may be ` +
          'locked or overloaded; narrow the search (--from/--to) or raise --timeout',
      );
    }
    throw error;
  } finally {
    await db.close();
  }
}

/** PostgreSQL's own cancel of a statement past its statement_timeout (SQLSTATE 57014). */
function isServerTimeout(error: unknown): boolean {
  return (
    error !== null && typeof error === 'object' && (error as { code?: unknown }).code === '57014'
  );
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`audit: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
