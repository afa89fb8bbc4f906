/**
 * A column of a published or documented column set (the 双公示 standard's headers, a department's
 * usual export) and the canonical field it fills. `field: null` marks a column the standard has
 * but this system does not keep: it is read past, never reported as unknown.
 */
export interface StandardColumn {
  /** The header as the standard writes it (compared after {@link normalizeHeader}). */
  header: string;
  /** Canonical field of the decision kind, or null for a known column not imported. */
  field: string | null;
  /**
   * How the cell's text becomes the field's value: `wan-yuan` converts 万元 (ten thousand yuan, up
   * to 6 decimals) to yuan with 2; several `sum` columns of one field are added up.
   */
  unit?: 'wan-yuan';
  /** Several columns feeding one field are added (amounts); default: the first non-empty wins. */
  combine?: 'sum';
}
