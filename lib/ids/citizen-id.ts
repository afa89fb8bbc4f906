/**
 * The 18-character citizen identity number (GB 11643-1999): 6-digit region code, 8-digit birth
 * date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 * In this system it is also the citizen's unified social credit code (seed task 4).
 */

export type IdValidation = { ok: true; value: string } | { ok: false; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** First two digits: the province-level codes of GB/T 2260 (plus 71 Taiwan, 81/82 HK/Macao). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);
const EARLIEST_BIRTH_YEAR = 1900;

/** The check character for the first 17 digits of a citizen id. */
export function citizenIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('citizenIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Parses YYYYMMDD as a real calendar date (UTC), or undefined if no such day exists. */
function calendarDate(yyyymmdd: string): Date | undefined {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : undefined;
}

/**
 * Validates a citizen id. Returns the normalized value (lower-case `x` upper-cased) or the reason
 * it is not a valid id. `today` bounds the birth date (no one is born in the future).
 */
export function validateCitizenId(input: unknown, today: Date = new Date()): IdValidation {
  if (typeof input !== 'string') return { ok: false, reason: 'must be a string' };
  // ASCII-only upper-casing: toUpperCase() turns some letters into two (ß -> SS), which made
  // the length error name the wrong length.
  const value = input.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
  if (value.length !== 18)
    return { ok: false, reason: `must be 18 characters, got ${value.length}` };
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, reason: 'must be 17 digits followed by a digit or X' };
  }
  if (!PROVINCES.has(Number(value.slice(0, 2)))) {
    return { ok: false, reason: `unknown province code ${value.slice(0, 2)}` };
  }
  const birth = calendarDate(value.slice(6, 14));
  if (!birth) return { ok: false, reason: `birth date ${value.slice(6, 14)} is not a real date` };
  if (birth.getUTCFullYear() < EARLIEST_BIRTH_YEAR || birth.getTime() > today.getTime()) {
    return { ok: false, reason: `birth date ${value.slice(6, 14)} is out of range` };
  }
  const expected = citizenIdCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, reason: `check character is ${value[17]}, expected ${expected}` };
  }
  return { ok: true, value };
}

/** Builds a valid id from its parts (synthetic data and tests). */
export function makeCitizenId(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
}

/** Birth date (ISO yyyy-mm-dd) encoded in a valid id. */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Gender encoded in a valid id: odd sequence digit is male. */
export function genderOf(id: string): 'MALE' | 'FEMALE' {
  return Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
}
