/**
 * The form a decision number (文书号) is kept and compared in: NFKC (full-width letters, digits,
 * brackets and spaces to their plain forms, e.g. `（2026）` to `(2026)`), whitespace runs made one
 * space, trimmed. So the same number typed by hand or exported by another system is one decision,
 * not two. The document brackets 〔〕 are kept as they are.
 */
export function normalizeDecisionNo(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
