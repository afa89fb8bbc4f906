import type { AuditEvent } from './audit-queries';

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS: readonly (keyof AuditEvent)[] = [
  'recordedAt',
  'writer',
  'seq',
  'kind',
  'requestId',
  'dept',
  'user',
  'clientType',
  'roles',
  'org',
  'purpose',
  'caseRef',
  'operationName',
  'documentHash',
  'subjects',
  'fieldsReturned',
  'fieldsMasked',
  'fieldsDenied',
  'fieldRules',
  'subgraphs',
  'result',
  'error',
  'policyVersion',
  'latencyMs',
  'hash',
  'prevHash',
];

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === 'object' && item !== null ? Object.values(item).join(' ') : String(item),
      )
      .join('; ');
  }
  return String(value);
}

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (= + - @ at the
 * start) is prefixed with `'`: exported text is data, never code.
 */
function csvCell(value: unknown): string {
  let text = cellText(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The events as CSV: a header row, then one row per event (CRLF line ends). */
export function toCsv(events: readonly AuditEvent[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const event of events)
    rows.push(CSV_COLUMNS.map((column) => csvCell(event[column])).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/** The events as JSON Lines: one AuditEvent object per line. */
export function toJsonLines(events: readonly AuditEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join('');
}
