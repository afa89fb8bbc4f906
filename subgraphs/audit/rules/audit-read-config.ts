/**
 * Settings of the audit read side (subgraph `audit`), from `policy/audit-read.yaml`
 * (load-audit-read-config.ts): alert thresholds and the citizen access log's disclosure delay.
 */
import type { ClientType } from '../../../lib/auth/caller';

/** ISO weekday numbers as PostgreSQL's `extract(isodow ...)` returns them: 1 Monday .. 7 Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Thresholds of the unusual-access alerts (Query.auditAlerts). */
export interface AlertConfig {
  /** Only operations of these client types are considered; default officer, system, org. */
  clientTypes: readonly ClientType[];
  /** Request ids given as examples per alert; default 5. */
  exampleRequestIds: number;
  /** Distinct subjects one user may touch in one calendar hour before an alert; default 50. */
  manySubjectsPerHour: number;
  /** Business hours in `timeZone`, minutes after midnight: [start, end); default 08:00-18:00. */
  businessHours: { startMinute: number; endMinute: number };
  /** Days that are off hours all day; default Saturday and Sunday. */
  weekendDays: readonly IsoWeekday[];
  /** Off-hours operations of one user on one local day that raise an alert; default 1. */
  offHoursOperations: number;
  /** Distinct subjects under one case ref of one department that raise an alert; default 20. */
  caseRefSubjects: number;
}

/** How the citizen's own access log (Query.myAccessLog) discloses entries. */
export interface AccessLogConfig {
  /** Months after the access before a JUDICIAL entry is shown to the citizen; default 12. */
  judicialDisclosureDelayMonths: number;
}

/** The whole configuration. */
export interface AuditReadConfig {
  /** IANA time zone of business hours and calendar hours/days; default Asia/Shanghai. */
  timeZone: string;
  alerts: AlertConfig;
  accessLog: AccessLogConfig;
}

/** What applies when the file leaves a setting out. */
export const DEFAULT_AUDIT_READ_CONFIG: AuditReadConfig = {
  timeZone: 'Asia/Shanghai',
  alerts: {
    clientTypes: ['officer', 'system', 'org'],
    exampleRequestIds: 5,
    manySubjectsPerHour: 50,
    businessHours: { startMinute: 8 * 60, endMinute: 18 * 60 },
    weekendDays: [6, 7],
    offHoursOperations: 1,
    caseRefSubjects: 20,
  },
  accessLog: { judicialDisclosureDelayMonths: 12 },
};
