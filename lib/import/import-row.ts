/** One row as sent in a batch: `ImportRowInput` of the `<subgraph>Import` mutation. */
export interface ImportRow {
  rowNumber: number;
  values: { field: string; value: string }[];
}

/** A row refused, by the reader (parse level) or by the server: one line of the rejects file. */
export interface RowRejection {
  rowNumber: number;
  /** The file's header of the column at fault (or the canonical field); null for the row. */
  column: string | null;
  reason: string;
}
