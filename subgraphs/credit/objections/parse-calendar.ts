import { parseYaml } from '../rules/parse-yaml';
import { PolicyReader } from '../rules/policy-reader';
import { WEEKDAYS } from './types';
import type { WorkingCalendar } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

/**
 * Validates the text of policy/calendar.yaml strictly: every date must be a real ISO date in its
 * year, a holiday must not also be a make-up working day, a make-up working day must fall on a
 * weekend day (otherwise it changes nothing and is probably a typo), and the fallback holidays
 * must be month-days that exist every year. All problems at once.
 */
export function parseCalendar(text: string, file = 'policy/calendar.yaml'): WorkingCalendar {
  const reader = new PolicyReader(file);
  const root = reader.mapping(parseYaml(text, file), '(root)', [
    'version',
    'objectionDueWorkingDays',
    'disclosureDueWorkingDays',
    'weekend',
    'fallbackHolidays',
    'years',
  ]);
  const version = root ? reader.text(root, 'version', '(root)') : undefined;
  const dueDays = root
    ? reader.integer(root, 'objectionDueWorkingDays', '(root)', { min: 1 })
    : undefined;
  const disclosureDays = root
    ? reader.integer(root, 'disclosureDueWorkingDays', '(root)', { min: 1 })
    : undefined;

  const weekend = new Set<number>();
  for (const [index, value] of (root
    ? (reader.list(root.weekend, 'weekend') ?? [])
    : []
  ).entries()) {
    const day = WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]);
    if (typeof value !== 'string' || day < 0) {
      reader.fail(
        `weekend[${index}]`,
        `unknown day ${JSON.stringify(value)} (expected one of ${WEEKDAYS.join(', ')})`,
      );
    } else {
      weekend.add(day);
    }
  }

  const fallbackHolidays = new Set<string>();
  for (const [index, value] of (root
    ? (reader.list(root.fallbackHolidays, 'fallbackHolidays') ?? [])
    : []
  ).entries()) {
    const where = `fallbackHolidays[${index}]`;
    // Checked in a common year: 02-29 is not a day of every year.
    if (typeof value !== 'string' || !/^\d{2}-\d{2}$/.test(value) || !isRealDate(`2001-${value}`)) {
      reader.fail(where, `not a month and day MM-DD of every year: ${JSON.stringify(value)}`);
    } else if (fallbackHolidays.has(value)) {
      reader.fail(where, `duplicate date ${value}`);
    } else {
      fallbackHolidays.add(value);
    }
  }

  const years = new Set<number>();
  const provisionalYears = new Set<number>();
  const holidays = new Set<string>();
  const makeUp = new Set<string>();
  const yearMap = root ? reader.mapping(root.years, 'years', Object.keys(root.years ?? {})) : null;
  for (const [key, raw] of Object.entries(yearMap ?? {})) {
    const year = Number(key);
    if (!/^\d{4}$/.test(key)) {
      reader.fail(`years.${key}`, 'must be a four-digit year');
      continue;
    }
    years.add(year);
    const entry = reader.mapping(raw, `years.${key}`, [
      'provisional',
      'holidays',
      'makeUpWorkingDays',
    ]);
    if (!entry) continue;
    if (reader.flag(entry, 'provisional', `years.${key}`, false)) provisionalYears.add(year);
    const read = (field: 'holidays' | 'makeUpWorkingDays', into: Set<string>) => {
      const values = entry[field];
      if (!Array.isArray(values)) {
        reader.fail(`years.${key}.${field}`, 'must be a list of ISO dates (may be empty: [])');
        return;
      }
      values.forEach((value, index) => {
        const where = `years.${key}.${field}[${index}]`;
        if (typeof value !== 'string' || !isRealDate(value)) {
          reader.fail(where, `not an ISO date yyyy-mm-dd: ${JSON.stringify(value)}`);
        } else if (!value.startsWith(`${key}-`)) {
          reader.fail(where, `${value} is not in ${key}`);
        } else if (into.has(value)) {
          reader.fail(where, `duplicate date ${value}`);
        } else {
          into.add(value);
        }
      });
    };
    read('holidays', holidays);
    read('makeUpWorkingDays', makeUp);
  }
  for (const day of makeUp) {
    if (holidays.has(day))
      reader.fail('years', `${day} is both a holiday and a make-up working day`);
    if (!weekend.has(weekdayOf(day))) {
      reader.fail('years', `make-up working day ${day} is not a weekend day`);
    }
  }
  if (root && years.size === 0) reader.fail('years', 'must list at least one year');

  reader.finish();
  return {
    version: version ?? '',
    objectionDueWorkingDays: dueDays ?? 0,
    disclosureDueWorkingDays: disclosureDays ?? 0,
    weekend,
    years,
    provisionalYears,
    fallbackHolidays,
    holidays,
    makeUpWorkingDays: makeUp,
  };
}
