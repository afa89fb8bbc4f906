import type { Department } from '../auth/caller';

/**
 * How one canonical field of a decision is written. Every value travels as a string (a CSV cell,
 * a GraphQL `ImportValueInput.value`); the server parses and validates it by this type:
 * - `text`: trimmed, at most `maxLen` characters;
 * - `date`: ISO yyyy-mm-dd, a real calendar date, not before EARLIEST_DECISION_DATE (the
 *   founding of the People's Republic: no decision of a county department is older) and not after
 *   today (China Standard Time) unless `future` allows it;
 * - `amount`: yuan, a decimal >= 0 with at most 2 decimals (> 0 when `positive`);
 * - `enum`: one of `values`;
 * - `citizenId`: 18-character citizen id with its GB 11643 check character;
 * - `uscc`: unified social credit code with its GB 32100 check character;
 * - `int`: a whole number within `min`..`max`.
 */
export type DecisionFieldType =
  | { type: 'text'; maxLen: number }
  | { type: 'date'; future?: boolean }
  | { type: 'amount'; positive?: boolean }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'citizenId' }
  | { type: 'uscc' }
  | { type: 'int'; min: number; max: number };

/** One canonical field of a kind of decision. */
export type DecisionField = DecisionFieldType & {
  /** camelCase name: the key of `ImportValueInput.field` and of the CLI's column mapping. */
  name: string;
  /** The column header a department's export usually carries (Chinese). */
  label: string;
  /** A missing or empty value of a required field rejects the row. */
  required: boolean;
};

/**
 * A kind of decision a department records (`npm run import -- --dept TAX --kind arrears`).
 * `record` kinds create a decision; `end` kinds close one recorded earlier (a settlement ends an
 * arrear, a revocation a penalty) and name it by its decision number in `ends.refField`.
 */
export interface DecisionKind {
  /** Department that decides and records it; only its recorders may write it. */
  dept: Department;
  /** Kind name, kebab-case, unique within the department. */
  kind: string;
  /** What it is called in the department (Chinese). */
  title: string;
  /** Subgraph that keeps it, e.g. `tax`. */
  subgraph: string;
  /** The subgraph's batch mutation, e.g. `taxImport`. */
  importMutation: string;
  action: 'record' | 'end';
  /** Field holding the decision's own document number (文书号): one decision per number. */
  decisionNoField: string;
  /** Field naming the person the decision is about (null: an enterprise, see `usccField`). */
  personField: string | null;
  /** Field naming the enterprise the decision is about, where it is about an enterprise. */
  usccField?: string;
  /**
   * Field naming the citizen id of the enterprise's legal representative, where the kind names
   * one: a subject of the decision too (the listing reaches their credit profile), so the audit
   * records the write under their HMAC as well.
   */
  legalRepField?: string;
  /** Field holding the decision date (the date published, ordered, checked against today). */
  dateField: string;
  /** For `end` kinds: the kind ended and the field holding that decision's number. */
  ends?: { kind: string; refField: string };
  /** Pairs [earlier, later] of date fields: `later` may not be before `earlier`. */
  dateOrder?: readonly (readonly [string, string])[];
  /** Fields required only when another field has a value, e.g. a FINE's amount. */
  requiredWhen?: readonly { field: string; whenField: string; equals: string }[];
  /** Published under 双公示 (administrative licences and penalties). */
  disclosed?: 'LICENSING' | 'PENALTY';
  fields: readonly DecisionField[];
}
