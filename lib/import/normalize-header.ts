/**
 * A header cell as compared: full-width brackets, underscores, colons and spaces folded, so that
 * `行政相对人代码_1 (统一社会信用代码)`, `行政相对人代码_1（统一社会信用代码）` and
 * `行政相对人代码_1(统一社会信用代码)：` all name the same column, as exports of the standard vary.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[:：]+$/u, '')
    .replace(/[－—–]/gu, '-')
    .toLowerCase();
}
