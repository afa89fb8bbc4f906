import { realDate } from './real-date';

/**
 * The `years`-th birthday of a person born on `birthDate` (ISO dates): the same month and day
 * `years` later. Someone born on 29 February has that birthday on 28 February in a common year:
 * a period counted in years ends on the corresponding day of its last month, or on that month's
 * last day when it has no corresponding day (民法典 第二百零二条). Null for an unreal date.
 */
export function birthday(birthDate: string, years: number): string | null {
  const born = realDate(birthDate);
  if (!born) return null;
  const year = born.year + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = born.month === 2 && born.day === 29 && !leap ? 28 : born.day;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(born.month, 2)}-${pad(day, 2)}`;
}
