/** Options of {@link createBoundedLabel}. */
export interface BoundedLabelOptions {
  /** Values always kept as they are (e.g. trusted-document operation names); default none. */
  known?: Iterable<string>;
  /** Other values kept, first come first kept, before everything else becomes `other`. */
  max: number;
  /** What a kept value must look like; anything else is `other`. */
  pattern: RegExp;
  /** The label of every value not kept; default `other`. */
  other?: string;
  /** The label of a missing value; default `other`. */
  missing?: string;
}

/**
 * A label value for a client-supplied string with bounded cardinality: Prometheus keeps a series
 * per distinct label value, so a client inventing operation names must not grow the series without
 * end. Known values always pass; at most `max` others are admitted, then `other`.
 */
export function createBoundedLabel(
  options: BoundedLabelOptions,
): (value: string | null | undefined) => string {
  const known = new Set(options.known ?? []);
  const admitted = new Set<string>();
  const other = options.other ?? 'other';
  return (value) => {
    if (value === null || value === undefined || value === '') return options.missing ?? other;
    if (known.has(value) || admitted.has(value)) return value;
    if (!options.pattern.test(value) || admitted.size >= options.max) return other;
    admitted.add(value);
    return value;
  };
}
