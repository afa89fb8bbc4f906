/**
 * Alerts of unusual access (type AuditAlert) from the groups the store found at or above a
 * threshold (thresholds: policy/audit-read.yaml). Pure: the store counts, this shapes and orders.
 */

/** One group of operations that reached an alert threshold. */
export interface AlertRow {
  user: string | null;
  users: string[];
  dept: string | null;
  caseRef: string | null;
  /** UTC ISO instants of the group's calendar window, or null when the window is the scope. */
  windowFrom: string | null;
  windowTo: string | null;
  count: number;
  /** Request ids of the group's operations, earliest first (repeats possible). */
  requestIds: string[];
}

/** The kinds of alert (enum AuditAlertKind). */
export type AuditAlertKind = 'MANY_SUBJECTS' | 'OFF_HOURS' | 'CASE_REF_REUSE';

/** The AuditAlert GraphQL object. */
export interface AuditAlertView {
  kind: AuditAlertKind;
  user: string | null;
  users: string[];
  dept: string | null;
  caseRef: string | null;
  window: { from: string; to: string };
  count: number;
  threshold: number;
  exampleRequestIds: string[];
}

/**
 * The alert of one group; `range` is the window when the group has no calendar window. Window
 * bounds are given as `Date#toISOString` instants (milliseconds, `Z`).
 */
export function toAuditAlert(
  kind: AuditAlertKind,
  row: AlertRow,
  threshold: number,
  range: { from: string; to: string },
  examples: number,
): AuditAlertView {
  return {
    kind,
    user: row.user,
    users: [...row.users].sort(),
    dept: row.dept,
    caseRef: row.caseRef,
    window: {
      from: new Date(row.windowFrom ?? range.from).toISOString(),
      to: new Date(row.windowTo ?? range.to).toISOString(),
    },
    count: row.count,
    threshold,
    exampleRequestIds: [...new Set(row.requestIds)].slice(0, examples),
  };
}

const KIND_ORDER: readonly AuditAlertKind[] = ['MANY_SUBJECTS', 'OFF_HOURS', 'CASE_REF_REUSE'];

function compareText(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '');
}

/** Alerts in a stable order: by window start, kind, department, user, case ref. */
export function sortAlerts(alerts: readonly AuditAlertView[]): AuditAlertView[] {
  return [...alerts].sort(
    (a, b) =>
      compareText(a.window.from, b.window.from) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      compareText(a.dept, b.dept) ||
      compareText(a.user, b.user) ||
      compareText(a.caseRef, b.caseRef),
  );
}
