/**
 * Reads untyped YAML data field by field, collecting every problem with the path of the item and
 * field, so a policy author sees all mistakes of a file at once (`finish()` throws them).
 */
export class PolicyReader {
  private readonly problems: string[] = [];

  constructor(private readonly file: string) {}

  /** Records a problem at `where` (e.g. `items[3] (TAX_ARREARS).points`). */
  fail(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`);
  }

  /** A mapping with only the `fields` given; null (and a problem) otherwise. */
  mapping(
    value: unknown,
    where: string,
    fields: readonly string[],
  ): Record<string, unknown> | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(where, 'must be a mapping');
      return null;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!fields.includes(key)) {
        this.fail(`${where}.${key}`, `unknown field (expected one of ${fields.join(', ')})`);
      }
    }
    return record;
  }

  /** A non-empty list; null (and a problem) otherwise. */
  list(value: unknown, where: string): unknown[] | null {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(where, 'must be a non-empty list');
      return null;
    }
    return value;
  }

  /** A non-empty string field. */
  text(record: Record<string, unknown>, key: string, where: string): string | undefined {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') {
      this.fail(`${where}.${key}`, `must be a string, got number ${value} (quote it)`);
    } else {
      this.fail(
        `${where}.${key}`,
        value === undefined ? 'is required' : 'must be a non-empty string',
      );
    }
    return undefined;
  }

  /** An integer field, at least `min` when given; `undefined` when optional and absent. */
  integer(
    record: Record<string, unknown>,
    key: string,
    where: string,
    options: { min?: number; optional?: boolean } = {},
  ): number | undefined {
    const value = record[key];
    if (value === undefined || value === null) {
      if (!options.optional) this.fail(`${where}.${key}`, 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(`${where}.${key}`, `must be an integer, got ${JSON.stringify(value)}`);
      return undefined;
    }
    if (options.min !== undefined && value < options.min) {
      this.fail(`${where}.${key}`, `must be at least ${options.min}, got ${value}`);
      return undefined;
    }
    return value;
  }

  /** A boolean field, `fallback` when absent. */
  flag(record: Record<string, unknown>, key: string, where: string, fallback: boolean): boolean {
    const value = record[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.fail(`${where}.${key}`, `must be true or false, got ${JSON.stringify(value)}`);
      return fallback;
    }
    return value;
  }

  /** A string field that must be one of `allowed`. */
  oneOf<T extends string>(
    record: Record<string, unknown>,
    key: string,
    where: string,
    allowed: readonly T[],
  ): T | undefined {
    const value = record[key];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
      return value as T;
    }
    const got = value === undefined ? 'missing' : `unknown value ${JSON.stringify(value)}`;
    this.fail(`${where}.${key}`, `${got} (expected one of ${allowed.join(', ')})`);
    return undefined;
  }

  /** Throws one error listing every problem found, if any. */
  finish(): void {
    if (this.problems.length === 0) return;
    throw new Error(
      `Invalid ${this.file} (${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}):\n` +
        this.problems.map((problem) => `  - ${problem}`).join('\n'),
    );
  }
}
