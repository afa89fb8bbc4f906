/** `ImportBatchResult` of the `<subgraph>Import` mutation. */
export interface ImportBatchResult {
  kind: string;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: { rowNumber: number; field: string | null; reason: string }[];
}
