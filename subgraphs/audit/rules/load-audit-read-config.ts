/**
 * Loads `policy/audit-read.yaml`, the audit read side's settings (alert thresholds, business
 * hours, the JUDICIAL disclosure delay). Strict: unknown keys, wrong types and out-of-range values
 * are errors, all reported at once with their path, so a bad edit stops the subgraph at start.
 *
 * API:
 *   const config = loadAuditReadConfig();                       // <repo>/policy/audit-read.yaml
 *   const config = parseAuditReadConfig(text, 'my-file.yaml');  // tests
 * A setting left out takes its default (DEFAULT_AUDIT_READ_CONFIG).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLIENT_TYPES } from '../../../lib/auth/caller';
import type { ClientType } from '../../../lib/auth/caller';
import { DEFAULT_AUDIT_READ_CONFIG } from './audit-read-config';
import type { AuditReadConfig, IsoWeekday } from './audit-read-config';

/** The repository's file. */
export const DEFAULT_AUDIT_READ_CONFIG_PATH = join(
  __dirname,
  '..',
  '..',
  '..',
  'policy',
  'audit-read.yaml',
);

/** The format this loader reads (`format: 1`). */
export const AUDIT_READ_CONFIG_FORMAT = 1;

const WEEKDAYS: Record<string, IsoWeekday> = {
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
  SUNDAY: 7,
};

const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

type Mapping = Record<string, unknown>;

/** Collects problems with their path; `finish` throws them all. */
class Problems {
  private readonly list: string[] = [];
  constructor(private readonly file: string) {}

  add(where: string, message: string): void {
    this.list.push(`${where}: ${message}`);
  }

  /** A mapping holding only `keys` (undefined → empty), or null after a problem. */
  mapping(value: unknown, where: string, keys: readonly string[]): Mapping | null {
    if (value === undefined) return {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(where, 'must be a mapping');
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) {
        this.add(`${where}.${key}`, `unknown key (expected one of ${keys.join(', ')})`);
      }
    }
    return value as Mapping;
  }

  /** A whole number in [min, max], or `fallback` when absent. */
  integer(value: unknown, where: string, fallback: number, min: number, max: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(where, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
      return fallback;
    }
    return value;
  }

  finish(): void {
    if (this.list.length === 0) return;
    const count = `${this.list.length} problem${this.list.length === 1 ? '' : 's'}`;
    throw new Error(
      `Invalid ${this.file} (${count}):\n${this.list.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** Minutes after midnight of a "HH:MM" value, `fallback` when absent, undefined when invalid. */
function clockMinutes(
  problems: Problems,
  value: unknown,
  where: string,
  fallback: number,
): number | undefined {
  if (value === undefined) return fallback;
  const match = typeof value === 'string' ? CLOCK_TIME.exec(value) : null;
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes <= 24 * 60)) {
    problems.add(
      where,
      `must be a quoted time "HH:MM" (00:00 to 24:00), got ${JSON.stringify(value)}`,
    );
    return undefined;
  }
  return minutes;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function readTimeZone(problems: Problems, value: unknown): string {
  if (value === undefined) return DEFAULT_AUDIT_READ_CONFIG.timeZone;
  if (typeof value !== 'string' || !isTimeZone(value)) {
    problems.add(
      'timeZone',
      `must be an IANA time zone such as Asia/Shanghai, got ${JSON.stringify(value)}`,
    );
    return DEFAULT_AUDIT_READ_CONFIG.timeZone;
  }
  return value;
}

function readList<T>(
  problems: Problems,
  value: unknown,
  where: string,
  fallback: readonly T[],
  item: (entry: unknown) => T | undefined,
  expected: string,
  allowEmpty: boolean,
): readonly T[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
    problems.add(where, `must be a ${allowEmpty ? '' : 'non-empty '}list of ${expected}`);
    return fallback;
  }
  const items: T[] = [];
  value.forEach((entry: unknown, index) => {
    const parsed = item(entry);
    if (parsed === undefined) {
      problems.add(
        `${where}[${index}]`,
        `unknown value ${JSON.stringify(entry)} (expected ${expected})`,
      );
    } else if (!items.includes(parsed)) items.push(parsed);
  });
  return items;
}

function readAlerts(problems: Problems, value: unknown): AuditReadConfig['alerts'] {
  const defaults = DEFAULT_AUDIT_READ_CONFIG.alerts;
  const alerts = problems.mapping(value, 'alerts', [
    'clientTypes',
    'exampleRequestIds',
    'manySubjectsPerHour',
    'offHours',
    'caseRefReuse',
  ]);
  if (!alerts) return defaults;
  const many = problems.mapping(alerts.manySubjectsPerHour, 'alerts.manySubjectsPerHour', [
    'threshold',
  ]);
  const offHours = problems.mapping(alerts.offHours, 'alerts.offHours', [
    'businessHours',
    'weekendDays',
    'threshold',
  ]);
  const hours = problems.mapping(offHours?.businessHours, 'alerts.offHours.businessHours', [
    'start',
    'end',
  ]);
  const caseRef = problems.mapping(alerts.caseRefReuse, 'alerts.caseRefReuse', ['threshold']);
  const start = clockMinutes(
    problems,
    hours?.start,
    'alerts.offHours.businessHours.start',
    defaults.businessHours.startMinute,
  );
  const end = clockMinutes(
    problems,
    hours?.end,
    'alerts.offHours.businessHours.end',
    defaults.businessHours.endMinute,
  );
  if (start !== undefined && end !== undefined && start >= end) {
    problems.add('alerts.offHours.businessHours', 'start must be before end');
  }
  const businessHours = {
    startMinute: start ?? defaults.businessHours.startMinute,
    endMinute: end ?? defaults.businessHours.endMinute,
  };
  const clientTypes = (CLIENT_TYPES as readonly string[]).slice();
  return {
    clientTypes: readList<ClientType>(
      problems,
      alerts.clientTypes,
      'alerts.clientTypes',
      defaults.clientTypes,
      (entry) =>
        typeof entry === 'string' && clientTypes.includes(entry)
          ? (entry as ClientType)
          : undefined,
      `client types (${CLIENT_TYPES.join(', ')})`,
      false,
    ),
    exampleRequestIds: problems.integer(
      alerts.exampleRequestIds,
      'alerts.exampleRequestIds',
      defaults.exampleRequestIds,
      1,
      100,
    ),
    manySubjectsPerHour: problems.integer(
      many?.threshold,
      'alerts.manySubjectsPerHour.threshold',
      defaults.manySubjectsPerHour,
      1,
      1_000_000,
    ),
    businessHours,
    weekendDays: readList<IsoWeekday>(
      problems,
      offHours?.weekendDays,
      'alerts.offHours.weekendDays',
      defaults.weekendDays,
      (entry) => (typeof entry === 'string' ? WEEKDAYS[entry] : undefined),
      `day names (${Object.keys(WEEKDAYS).join(', ')})`,
      true,
    ),
    offHoursOperations: problems.integer(
      offHours?.threshold,
      'alerts.offHours.threshold',
      defaults.offHoursOperations,
      1,
      1_000_000,
    ),
    caseRefSubjects: problems.integer(
      caseRef?.threshold,
      'alerts.caseRefReuse.threshold',
      defaults.caseRefSubjects,
      1,
      1_000_000,
    ),
  };
}

/** Parses and validates the text of the file; throws listing every problem. */
export function parseAuditReadConfig(
  text: string,
  file = 'policy/audit-read.yaml',
): AuditReadConfig {
  const problems = new Problems(file);
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, prettyErrors: true }) as unknown;
  } catch (error) {
    problems.add(
      '(file)',
      `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
    problems.finish();
  }
  const root = problems.mapping(data ?? null, '(root)', [
    'format',
    'timeZone',
    'alerts',
    'accessLog',
  ]);
  if (root && root.format !== AUDIT_READ_CONFIG_FORMAT) {
    problems.add(
      'format',
      `must be ${AUDIT_READ_CONFIG_FORMAT}, got ${JSON.stringify(root.format)}`,
    );
  }
  const timeZone = readTimeZone(problems, root?.timeZone);
  const alerts = readAlerts(problems, root?.alerts);
  const accessLog = problems.mapping(root?.accessLog, 'accessLog', [
    'judicialDisclosureDelayMonths',
  ]);
  const config: AuditReadConfig = {
    timeZone,
    alerts,
    accessLog: {
      judicialDisclosureDelayMonths: problems.integer(
        accessLog?.judicialDisclosureDelayMonths,
        'accessLog.judicialDisclosureDelayMonths',
        DEFAULT_AUDIT_READ_CONFIG.accessLog.judicialDisclosureDelayMonths,
        0,
        1200,
      ),
    },
  };
  problems.finish();
  return config;
}

/** Options of {@link loadAuditReadConfig}. */
export interface LoadAuditReadConfigOptions {
  /** The file; default `<repo>/policy/audit-read.yaml`. */
  path?: string;
}

/** Reads and validates the file; throws naming every problem. */
export function loadAuditReadConfig(options: LoadAuditReadConfigOptions = {}): AuditReadConfig {
  const path = options.path ?? DEFAULT_AUDIT_READ_CONFIG_PATH;
  return parseAuditReadConfig(readFileSync(path, 'utf8'), path);
}
