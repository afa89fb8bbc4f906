/**
 * A date as exports write it (`2026/3/5`, `2026年3月5日`, `20260305`, `2026-03-05 00:00:00`) as
 * ISO `2026-03-05`; any other text is returned as it is, for the server to reject by field. Only
 * the spelling changes here: whether the date is real, not in the future and in order is the
 * server's rule.
 */
export function normalizeDateText(text: string): string {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const spelled =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00(?:\.0+)?)?)?$/u.exec(
      text,
    );
  if (!spelled) return text;
  return `${spelled[1]}-${spelled[2].padStart(2, '0')}-${spelled[3].padStart(2, '0')}`;
}
