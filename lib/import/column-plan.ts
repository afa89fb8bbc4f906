import type { DecisionField } from '../decision-kinds';

/** What one column of the file becomes. */
export interface PlannedColumn {
  /** 0-based position in the file. */
  index: number;
  /** The header as written in the file. */
  header: string;
  /** The canonical field it fills; null when read past (known, or unknown and reported). */
  field: DecisionField | null;
  unit?: 'wan-yuan';
  combine?: 'sum';
}

/** How a file's header row maps to a decision kind's fields. */
export interface ColumnPlan {
  /** Every header column, in file order. */
  columns: readonly PlannedColumn[];
  /** Headers no column set, catalog label or mapping names (read past; the CLI warns). */
  unknownHeaders: readonly string[];
  /** Optional fields of the kind no column fills. */
  absentOptionalFields: readonly string[];
  /** The mapping file's names of enum values, per canonical field (none without a mapping). */
  valueNames: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
