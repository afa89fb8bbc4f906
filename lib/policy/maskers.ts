/**
 * Maskers named by policy effects `mask:<masker>` (DESIGN §4). A masker turns one string into a
 * string that keeps only what the rule's reader needs, and declares the GraphQL scalar types it
 * may be applied to: the schema check (`validatePolicyAgainstSchema`) refuses a masker on a field
 * of another type, because a masked value must still be a valid value of the field (a Float field
 * cannot carry "1万-10万", and a null in a non-null field would wipe out its parent).
 *
 * API: `MASKERS[name].mask(text)`, `applyMasker(name, value)` (nulls, lists, numbers), `MaskerName`.
 *
 * | masker     | types      | example                                                    |
 * | ---------- | ---------- | ---------------------------------------------------------- |
 * | idNumber   | String, ID | 51192119850312123X → 511921********123X                    |
 * | name       | String     | 张三 → 张*, 欧阳娜娜 → 欧***                                 |
 * | address    | String     | 通江县诺江镇红军路12号 → 通江县诺江镇***                      |
 * | amount     | String     | 12000 → 1万-10万                                            |
 * | date       | String     | 1985-03-12 → 1985                                          |
 * | phone      | String     | 13812345678 → 138****5678                                  |
 */

/**
 * A masker: the scalar types it applies to, and the masking of one non-null value. Every masker
 * is idempotent (masking a masked value changes nothing), so the gateway and a subgraph may both
 * apply it.
 */
export interface Masker {
  /** Named GraphQL types (after unwrapping lists and non-null) the masker may be applied to. */
  scalarTypes: readonly string[];
  /** Masks one value; total: every string gives a string (never null). */
  mask(value: string): string;
}

/** The character that stands for a hidden character. */
const HIDDEN = '*';

function hidden(count: number): string {
  return HIDDEN.repeat(Math.max(0, count));
}

/**
 * Citizen id or other id number: keeps the 6-digit region code and the last 4 characters (which
 * include the check character, X too) and hides the birth date and sequence between, one `*` per
 * character. An 18-character id shows 6 + 8 `*` + 4. A value of 10 characters or fewer would
 * reveal everything with that pattern, so it is hidden entirely.
 */
export function maskIdNumber(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 10) return hidden(chars.length);
  return chars.slice(0, 6).join('') + hidden(chars.length - 10) + chars.slice(-4).join('');
}

/**
 * Personal name: keeps the first character and hides each other one (张三 → 张*). Compound
 * surnames keep their first character only (欧阳娜娜 → 欧***): whether two leading characters are
 * a compound surname is ambiguous (司马 vs 司 + 马), and keeping one character for every name
 * never discloses more than the single-surname case. A one-character value is hidden entirely.
 */
export function maskName(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 1) return hidden(chars.length);
  return chars[0] + hidden(chars.length - 1);
}

/** Town-level unit right after the county: a name of 1 to 4 characters (no digits) and 镇/乡/街道. */
const TOWN = /^[^\d\s]{1,4}?(?:镇|乡|街道)/;

/**
 * Address, region only. Keeps the text up to and including the county-level unit (the first 县
 * or 区; when neither occurs, the first 市) and, right after it, the town-level unit (a name of 1
 * to 4 characters ending in 镇, 乡 or 街道), then `***` for the rest (village, street, house
 * number): 四川省巴中市通江县诺江镇红军路12号 → 四川省巴中市通江县诺江镇***. Without a county
 * unit the town is looked for at the start. When neither is found everything is hidden (`***`).
 * A town marker with no name before it (通江县乡村振兴路) is a street, not a town, and is not kept.
 * Errs on hiding more: 新疆维吾尔自治区... keeps only up to 自治区.
 */
export function maskAddress(value: string): string {
  if (value === '') return '';
  let end = firstIndexOf(value, ['县', '区']);
  if (end < 0) end = value.indexOf('市');
  end = end < 0 ? 0 : end + 1;
  const town = TOWN.exec(value.slice(end));
  if (town) end += town[0].length;
  if (end >= value.length) return value;
  return value.slice(0, end) + '***';
}

function firstIndexOf(value: string, markers: readonly string[]): number {
  const found = markers.map((marker) => value.indexOf(marker)).filter((index) => index >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
}

/** What {@link maskAmount} answers; each is its own masked value. */
const AMOUNT_BUCKETS: readonly string[] = ['<1万', '1万-10万', '≥10万', '***'];

/**
 * Amount in yuan, bucketed: `<1万` (below 10,000), `1万-10万` (10,000 to below 100,000), `≥10万`
 * (100,000 and more); `***` when the text is not a number. String fields only: a Float amount
 * cannot carry a bucket, so a policy either allows or denies a numeric amount (a subgraph that
 * wants bucketed amounts exposes them as a String field).
 */
export function maskAmount(value: string): string {
  // Masking is idempotent: the gateway masks again what a subgraph already masked.
  if (AMOUNT_BUCKETS.includes(value)) return value;
  const amount = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(amount)) return '***';
  if (amount < 10_000) return '<1万';
  if (amount < 100_000) return '1万-10万';
  return '≥10万';
}

/** ISO date, year only (1985-03-12 → 1985); `****` when the text does not start with a year. */
export function maskDate(value: string): string {
  if (value === '') return '';
  const year = /^\d{4}/.exec(value);
  return year ? year[0] : '****';
}

/**
 * Phone number: keeps the first 3 and the last 4 characters (13812345678 → 138****5678); a value
 * of 7 characters or fewer is hidden entirely.
 */
export function maskPhone(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 7) return hidden(chars.length);
  return chars.slice(0, 3).join('') + hidden(chars.length - 7) + chars.slice(-4).join('');
}

/** Every masker a policy may name. */
export const MASKERS = {
  idNumber: { scalarTypes: ['String', 'ID'], mask: maskIdNumber },
  name: { scalarTypes: ['String'], mask: maskName },
  address: { scalarTypes: ['String'], mask: maskAddress },
  amount: { scalarTypes: ['String'], mask: maskAmount },
  date: { scalarTypes: ['String'], mask: maskDate },
  phone: { scalarTypes: ['String'], mask: maskPhone },
} as const satisfies Record<string, Masker>;

export type MaskerName = keyof typeof MASKERS;

/** The masker names, for validation messages. */
export const MASKER_NAMES = Object.keys(MASKERS) as MaskerName[];

/** Whether `name` is a masker. */
export function isMaskerName(name: string): name is MaskerName {
  return Object.prototype.hasOwnProperty.call(MASKERS, name);
}

/**
 * Applies a masker to a resolved field value: null and undefined stay null, lists are masked
 * element by element, numbers and booleans are masked as their text.
 */
export function applyMasker(name: MaskerName, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item: unknown) => applyMasker(name, item));
  return MASKERS[name].mask(String(value));
}
