/**
 * A decision's values after validation: canonical field name to normalized text (dates ISO,
 * amounts with two decimals, ids upper-cased), null where absent. Keys are every field of the
 * kind, so two writes of one decision compare field by field.
 */
export type DecisionValues = Readonly<Record<string, string | null>>;

/** A field refused and why (`field` null: the row or request as a whole). */
export interface FieldProblem {
  field: string | null;
  reason: string;
}
