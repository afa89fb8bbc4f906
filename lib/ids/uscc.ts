/**
 * The 18-character unified social credit code of an organisation (GB 32100-2015): registration
 * authority, organisation category, 6-digit region code, 9-character organisation code and a
 * MOD 31 check character over the 31-character alphabet (no I, O, S, V, Z).
 */
import type { IdValidation } from './citizen-id';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a USCC. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`usccCheckChar: invalid character ${first17[i]}`);
    sum += value * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Validates a USCC, returning the upper-cased value or why it is invalid. */
export function validateUscc(input: unknown): IdValidation {
  if (typeof input !== 'string') return { ok: false, reason: 'must be a string' };
  // ASCII-only upper-casing: toUpperCase() would turn the ligature ﬀ into FF, so a 17-character
  // input could pass as a valid 18-character code.
  const value = input.trim().replace(/[a-z]/g, (c) => c.toUpperCase());
  if (value.length !== 18)
    return { ok: false, reason: `must be 18 characters, got ${value.length}` };
  const bad = [...value].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) return { ok: false, reason: `character ${bad} is not allowed` };
  if (!/^[1-9A-GY]$/.test(value[0])) {
    return { ok: false, reason: `unknown registration authority ${value[0]}` };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8)))
    return { ok: false, reason: 'region code must be 6 digits' };
  const expected = usccCheckChar(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, reason: `check character is ${value[17]}, expected ${expected}` };
  }
  return { ok: true, value };
}

/** Builds a valid USCC from its first 17 characters (synthetic data and tests). */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}
