/**
 * A department's own header mapping (`--mapping file.yaml`): its export's headers to this
 * system's, and its own names of enum values. Headers are compared normalized.
 */
export interface HeaderMapping {
  /** Normalized header of the department's file -> canonical field, standard header, or null (skip). */
  columns: ReadonlyMap<string, string | null>;
  /** Canonical field -> the department's name of a value -> the catalog's code. */
  values: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
