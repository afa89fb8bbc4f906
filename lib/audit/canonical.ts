/**
 * Canonical JSON for the audit hash chain: the JSON Canonicalization Scheme (RFC 8785) restricted
 * to what the store's `jsonb` column can hold, so that a record hashes the same before it is
 * written and after it is read back.
 *
 * API:
 *   canonicalJson({ b: 1, a: [true, null, 'x'] })  // '{"a":[true,null,"x"],"b":1}'
 *
 * - object keys sorted by UTF-16 code units, no whitespace;
 * - numbers in ECMAScript shortest round-trip form (`1e+21`, `0.1`, `-0` → `0`), which survives
 *   the round trip through PostgreSQL `numeric` and `JSON.parse`;
 * - strings escaped as `JSON.stringify` does;
 * - object properties whose value is `undefined` are left out (as `JSON.stringify` does).
 * Throws a {@link CanonicalJsonError} naming the path for anything else: `undefined` in an array,
 * NaN/Infinity, bigint, functions, symbols, class instances (Date, Map, Buffer...), strings with
 * U+0000 or a lone surrogate (PostgreSQL text cannot hold them).
 */

/** A JSON value as the audit store keeps it. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A value that cannot be encoded canonically; `path` is like `$.fields.returned[2]`. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`cannot encode ${path} canonically: ${problem}`);
    this.name = 'CanonicalJsonError';
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function encodeString(value: string, path: string): string {
  if (value.includes('\u0000')) throw new CanonicalJsonError(path, 'string contains U+0000');
  if (LONE_SURROGATE.test(value)) {
    throw new CanonicalJsonError(path, 'string contains a lone surrogate');
  }
  return JSON.stringify(value);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function encode(value: unknown, path: string): string {
  switch (typeof value) {
    case 'string':
      return encodeString(value, path);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        const items = value.map((item: unknown, index) => {
          if (item === undefined) throw new CanonicalJsonError(`${path}[${index}]`, 'undefined');
          return encode(item, `${path}[${index}]`);
        });
        return `[${items.join(',')}]`;
      }
      if (!isPlainObject(value)) {
        const name = value.constructor?.name ?? 'object';
        throw new CanonicalJsonError(path, `${name} is not a plain object`);
      }
      const members: string[] = [];
      // Default sort compares UTF-16 code units, as RFC 8785 requires.
      for (const key of Object.keys(value).sort()) {
        const member = value[key];
        if (member === undefined) continue;
        members.push(`${encodeString(key, path)}:${encode(member, `${path}.${key}`)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(path, `${typeof value} is not JSON`);
  }
}

/** The canonical JSON text of `value` (see the file comment for the rules). */
export function canonicalJson(value: unknown): string {
  return encode(value, '$');
}
