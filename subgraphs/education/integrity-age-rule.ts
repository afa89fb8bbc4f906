import { birthDateOf } from '../../lib/ids/citizen-id';

/**
 * The date `years` after `birthDate` (ISO dates). For a 29 February birth the anniversary in a
 * common year is 28 February: a period counted in years that ends in a month without the
 * corresponding day ends on that month's last day (民法典 第二百零三条).
 */
export function anniversary(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = birthDate.slice(5) === '02-29' && !leap ? '02-28' : birthDate.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/** Completed years of age on `date` (both ISO dates). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return anniversary(birthDate, years) <= date ? years : years - 1;
}

/** The first day a person born on `birthDate` is an adult: their 18th birthday itself. */
export function adulthoodDate(birthDate: string): string {
  return anniversary(birthDate, 18);
}

/** Whether a person born on `birthDate` is 18 or older on `date`. */
export function isAdultOn(birthDate: string, date: string): boolean {
  return adulthoodDate(birthDate) <= date;
}

/**
 * Seed task 23: the education integrity file (诚信档案) keeps a record only if the person was 18
 * or older on its decision date. Minors' conduct is left to their schools, never to the credit
 * system. Applied when recording (the store refuses, the seed skips) and when reading (the file and
 * the credit feed never show such a record), so rows from before the rule stay invisible.
 */
export function mayKeepIntegrityRecord(record: { personId: string; decidedAt: string }): boolean {
  return isAdultOn(birthDateOf(record.personId), record.decidedAt);
}
