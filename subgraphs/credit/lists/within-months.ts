import { addMonths } from '../rules/add-months';

/**
 * The last day (ISO, inclusive) a period of `months` calendar months from `decidedAt` still
 * covers: the same calendar day `months` later (end-of-month clamped). A period counted in months
 * starts the day after the decision (Civil Code art. 201) and ends at the end of that day, so on
 * that day the period is not yet complete.
 */
export function withinMonthsUntil(decidedAt: string, months: number): string {
  return addMonths(decidedAt, months);
}

/** Whether a record decided on `decidedAt` is still within `months` on `asOf` (both ISO dates). */
export function isWithinMonths(decidedAt: string, months: number, asOf: string): boolean {
  return decidedAt <= asOf && asOf <= withinMonthsUntil(decidedAt, months);
}
