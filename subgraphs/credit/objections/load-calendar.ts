import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCalendar } from './parse-calendar';
import type { WorkingCalendar } from './types';

/** The repository's policy folder. */
const POLICY_DIR = join(__dirname, '..', '..', '..', 'policy');

/** Options of {@link loadCalendar}. */
export interface LoadCalendarOptions {
  /** The calendar file; default `<repo>/policy/calendar.yaml`. */
  path?: string;
}

/** Reads and validates the working-day calendar; throws naming every problem. */
export function loadCalendar(options: LoadCalendarOptions = {}): WorkingCalendar {
  const path = options.path ?? join(POLICY_DIR, 'calendar.yaml');
  return parseCalendar(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path);
}
