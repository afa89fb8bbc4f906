/** One data row as read from the file, before its cells are mapped to fields. */
export interface SourceRow {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row 2. */
  rowNumber: number;
  /** Cell texts in file column order (a short row has fewer). */
  cells: string[];
  /** Why the row cannot be read at all (bad quoting, too long, undecodable), if so. */
  problem?: string;
  /** Columns (0-based) whose cell Excel stored as a number too large to keep every digit. */
  lossyColumns?: number[];
}
